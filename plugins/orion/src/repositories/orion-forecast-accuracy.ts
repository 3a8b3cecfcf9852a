import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { Frequency, QUANTILE_KEYS, QuantileKey } from "../lib/types"
import { OrionForecastAccuracy } from "../models/orion-forecast-accuracy"

/** A part's forecast period of a run beside the units actually sold in it. */
type ForecastAgainstActual = {
  variant_id: string
  sku: string | null
  category: string | null
  segment: string
  period_start: string
  period_index: number
  mean: number
  actual: number
}

/** A stored forecast of a run (every quantile) beside the units actually sold in its period. */
export type ScoredForecastRow = ForecastAgainstActual &
  Record<QuantileKey, number>

/** A variant's units per period (`p`: the period's first day). */
export type VariantPeriodRow = { variant_id: string; p: string; qty: number }

/** A forecast-against-actual row, as the accuracy rows route shows it. */
export type ForecastAccuracyRow = ForecastAgainstActual & {
  run_id: string
  p10: number
  p50: number
  p90: number
  abs_error: number
  inside_80: boolean
}

/** A part of a run with its total error, for "the worst parts". */
export type WorstPartRow = {
  variant_id: string
  sku: string | null
  category: string | null
  segment: string
  product_id: string | null
  title: string | null
  periods: number
  forecast_total: number
  actual_total: number
  abs_error: number
  inside_80: number
}

const CHUNK = 5000

/** The forecasts of scored runs beside the sales (orion_forecast_accuracy), one row per part and period. */
export const OrionForecastAccuracyRepository = dataSource
  .getRepository(OrionForecastAccuracy)
  .extend({
    /** A run's first `periods` forecast periods with the units sold in each (sales from `start` to `end`). */
    async forecastsWithActuals(
      runId: string,
      f: Frequency,
      start: string,
      end: string,
      periods: number
    ): Promise<ScoredForecastRow[]> {
      return this.query(
        `WITH a AS (
           SELECT variant_id, to_char(date_trunc($2, day::timestamp), 'YYYY-MM-DD') AS p, sum(qty)::float AS qty
           FROM "orion_sales_history" WHERE day >= $3::date AND day < $4::date GROUP BY 1, 2
         )
         SELECT f.variant_id, vf.sku, vf.category, vf.segment, to_char(f.period_start, 'YYYY-MM-DD') AS period_start, f.period_index,
                f.mean, ${QUANTILE_KEYS.map((k) => `f.${k}`).join(", ")}, COALESCE(a.qty, 0) AS actual
         FROM "orion_forecast" f
         JOIN "orion_variant_forecast" vf ON vf.run_id = f.run_id AND vf.variant_id = f.variant_id
         LEFT JOIN a ON a.variant_id = f.variant_id AND a.p = to_char(f.period_start, 'YYYY-MM-DD')
         WHERE f.run_id = $1 AND f.period_index < $5
         ORDER BY f.variant_id, f.period_index`,
        [runId, f, start, end, periods]
      )
    },

    /** The units per period of a run's variants before its forecast (from `from` to `to`). */
    async historyOfRun(
      runId: string,
      f: Frequency,
      from: string,
      to: string
    ): Promise<VariantPeriodRow[]> {
      return this.query(
        `SELECT variant_id, to_char(date_trunc($1, day::timestamp), 'YYYY-MM-DD') AS p, sum(qty)::float AS qty
         FROM "orion_sales_history" WHERE day >= $2::date AND day < $3::date
           AND variant_id IN (SELECT variant_id FROM "orion_variant_forecast" WHERE run_id = $4)
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [f, from, to, runId]
      )
    },

    /** Replaces a run's scored rows (inside the caller's transaction). */
    async replaceForRun(runId: string, rows: ScoredForecastRow[]) {
      await this.query(
        `DELETE FROM "orion_forecast_accuracy" WHERE run_id = $1`,
        [runId]
      )
      for (let i0 = 0; i0 < rows.length; i0 += CHUNK) {
        const chunk = rows.slice(i0, i0 + CHUNK)
        await this.query(
          `INSERT INTO "orion_forecast_accuracy" ("id", "run_id", "variant_id", "sku", "category", "segment", "period_start", "period_index",
             "mean", "p10", "p50", "p90", "actual", "abs_error", "inside_80")
           SELECT 'ofa_' || replace(gen_random_uuid()::text, '-', ''), $1, * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
             $6::date[], $7::int[], $8::real[], $9::real[], $10::real[], $11::real[], $12::real[], $13::real[], $14::boolean[])`,
          [
            runId,
            chunk.map((r) => r.variant_id),
            chunk.map((r) => r.sku),
            chunk.map((r) => r.category),
            chunk.map((r) => r.segment),
            chunk.map((r) => r.period_start),
            chunk.map((r) => r.period_index),
            chunk.map((r) => r.mean),
            chunk.map((r) => r.p10),
            chunk.map((r) => r.p50),
            chunk.map((r) => r.p90),
            chunk.map((r) => r.actual),
            chunk.map((r) => Math.abs(r.mean - r.actual)),
            chunk.map((r) => r.actual >= r.p10 && r.actual <= r.p90),
          ]
        )
      }
    },

    async worstParts(runId: string, limit: number): Promise<WorstPartRow[]> {
      return this.query(
        `SELECT fa.variant_id, fa.sku, fa.category, fa.segment, pv.product_id,
                p.title || CASE WHEN pv.title IS NULL OR pv.title = '' OR pv.title = 'Default' THEN '' ELSE ' — ' || pv.title END AS title,
                count(*)::int AS periods, sum(fa.mean)::float AS forecast_total, sum(fa.actual)::float AS actual_total,
                sum(fa.abs_error)::float AS abs_error, sum(CASE WHEN fa.inside_80 THEN 1 ELSE 0 END)::int AS inside_80
         FROM "orion_forecast_accuracy" fa
         LEFT JOIN "product_variant" pv ON pv.id = fa.variant_id
         LEFT JOIN "product" p ON p.id = pv.product_id
         WHERE fa.run_id = $1
         GROUP BY fa.variant_id, fa.sku, fa.category, fa.segment, pv.product_id, p.title, pv.title
         ORDER BY sum(fa.abs_error) DESC, fa.variant_id LIMIT $2`,
        [runId, limit]
      )
    },

    /** A page of a run's rows (optionally one part), by part and period, and how many there are. */
    async page(
      runId: string,
      page: { limit: number; offset: number },
      variantId?: string
    ): Promise<{ rows: ForecastAccuracyRow[]; count: number }> {
      const params: unknown[] = [runId]
      let where = `run_id = $1`
      if (variantId) {
        params.push(variantId)
        where += ` AND variant_id = $2`
      }
      const [{ count }]: { count: number }[] = await this.query(
        `SELECT count(*)::int AS count FROM "orion_forecast_accuracy" WHERE ${where}`,
        params
      )
      const rows: ForecastAccuracyRow[] = await this.query(
        `SELECT run_id, variant_id, sku, category, segment, to_char(period_start, 'YYYY-MM-DD') AS period_start, period_index,
                mean, p10, p50, p90, actual, abs_error, inside_80
         FROM "orion_forecast_accuracy" WHERE ${where} ORDER BY variant_id, period_index LIMIT ${page.limit} OFFSET ${page.offset}`,
        params
      )
      return { rows, count }
    },
  })

export default OrionForecastAccuracyRepository
