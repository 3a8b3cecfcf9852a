import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { SqlWhere } from "@shabou/sql"
import { LIVE_LINK, VEHICLE_COLUMNS, VEHICLE_FROM } from "../lib/fitment-sql"
import { VehicleJoinRow } from "../lib/fitment-shape"
import { Fitment } from "../models/fitment"
import { CoverageModelFilter, Pagination } from "../types"

export type CoverageModelRow = {
  make_id: string
  make: string
  model_id: string
  model: string
  vehicles: number
  vehicles_without_parts: number
  parts: number
  sold: number
}

export type CoverageTotals = {
  vehicles: number
  vehicles_without_parts: number
  links: number
  linked_products: number
  universal_products: number
  products: number
}

export type CoverageReportModel = Omit<CoverageModelRow, "sold"> & {
  categories: Array<{ category_id: string; category: string; parts: number }>
}

export type UncoveredVehicleRow = {
  id: string
  make: string
  model: string
  generation: string | null
  body: string | null
  year_from: number
  year_to: number | null
  engine: string | null
  engine_code: string | null
  fuel: string | null
}

const NO_PART = `NOT EXISTS (${LIVE_LINK} AND f2.vehicle_id = v.id)`
const LIVE_LINKS = `fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL`
const UNIVERSAL = `fitment_product fp JOIN product p ON p.id = fp.product_id WHERE fp.is_universal AND p.deleted_at IS NULL`

/** The coverage report: which vehicles the catalogue has parts for, per make and model. */
export const FitmentCoverageRepository = dataSource
  .getRepository(Fitment)
  .extend({
    /**
     * Per make/model (set-based: one pass over vehicles, links and order lines): vehicles, vehicles without
     * parts, parts fitting it, units sold in the last `days` days; `total_count` on each row.
     */
    async findModels(
      filter: CoverageModelFilter,
      page: Pagination
    ): Promise<[CoverageModelRow[], number]> {
      const where = new SqlWhere([], [filter.days ?? 365])
        .when(filter.make_id || undefined, (p) => `make_id = ${p}`)
        .when(
          filter.q ? `%${filter.q}%` : undefined,
          (p) => `(make || ' ' || model) ILIKE ${p}`
        )
        .when(filter.max_parts, (p) => `parts <= ${p}`)
      const params = where.values
      const order =
        filter.sort === "vehicles_without_parts"
          ? "vehicles_without_parts DESC, sold DESC"
          : filter.sort === "parts"
            ? "parts ASC, sold DESC"
            : "sold DESC, parts ASC, vehicles DESC"
      const base = `WITH veh AS (
          SELECT v.model_id, count(*)::int AS vehicles,
                 count(*) FILTER (WHERE ${NO_PART})::int AS vehicles_without_parts
          FROM vehicle v GROUP BY v.model_id),
        model_parts AS (
          SELECT DISTINCT v.model_id, f.product_id FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id
          JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL),
        parts AS (SELECT model_id, count(*)::int AS parts FROM model_parts GROUP BY model_id),
        product_sold AS (
          SELECT pv.product_id, sum(li.quantity)::int AS sold FROM line_item li
          JOIN "order" o ON o.id = li.order_id AND o.status IN ('pending', 'completed') AND o.created_at >= now() - make_interval(days => $1::int)
          JOIN product_variant pv ON pv.id = li.variant_id GROUP BY pv.product_id),
        sold AS (SELECT mp.model_id, sum(ps.sold)::int AS sold FROM model_parts mp JOIN product_sold ps ON ps.product_id = mp.product_id GROUP BY mp.model_id),
        per_model AS (
          SELECT mk.id AS make_id, mk.name AS make, md.id AS model_id, md.name AS model,
                 COALESCE(veh.vehicles, 0) AS vehicles, COALESCE(veh.vehicles_without_parts, 0) AS vehicles_without_parts,
                 COALESCE(parts.parts, 0) AS parts, COALESCE(sold.sold, 0) AS sold
          FROM vehicle_model md JOIN vehicle_make mk ON mk.id = md.make_id
          LEFT JOIN veh ON veh.model_id = md.id LEFT JOIN parts ON parts.model_id = md.id LEFT JOIN sold ON sold.model_id = md.id)
        SELECT *, count(*) OVER ()::int AS total_count FROM per_model ${where.clause}`
      const found: Array<CoverageModelRow & { total_count: number }> =
        await this.query(
          `${base} ORDER BY ${order}, make, model, model_id LIMIT ${page.limit} OFFSET ${page.offset}`,
          params
        )
      const count = found.length
        ? found[0].total_count
        : page.offset > 0
          ? (
              await this.query(
                `SELECT count(*)::int AS count FROM (${base}) AS m`,
                params
              )
            )[0].count
          : 0
      return [found.map(({ total_count: _t, ...r }) => r), count]
    },

    async totals(): Promise<CoverageTotals> {
      const [totals] = await this.query(
        `SELECT (SELECT count(*)::int FROM vehicle) AS vehicles,
                (SELECT count(*)::int FROM vehicle v WHERE ${NO_PART}) AS vehicles_without_parts,
                (SELECT count(*)::int FROM ${LIVE_LINKS}) AS links,
                (SELECT count(DISTINCT f.product_id)::int FROM ${LIVE_LINKS}) AS linked_products,
                (SELECT count(*)::int FROM ${UNIVERSAL}) AS universal_products,
                (SELECT count(*)::int FROM product WHERE deleted_at IS NULL) AS products`
      )
      return totals
    },

    /** Vehicles no live product fits, paged (optionally for one make or model, or matching `q`). */
    async findUncovered(
      filter: { make_id?: string; model_id?: string; q?: string },
      page: Pagination
    ): Promise<[VehicleJoinRow[], number]> {
      const where = new SqlWhere([NO_PART])
        .when(filter.make_id || undefined, (p) => `v.make_id = ${p}`)
        .when(filter.model_id || undefined, (p) => `v.model_id = ${p}`)
        .when(
          filter.q ? `%${filter.q}%` : undefined,
          (p) =>
            `(mk.name || ' ' || md.name || ' ' || coalesce(v.engine, '') || ' ' || coalesce(v.engine_code, '')) ILIKE ${p}`
        )
      const params = where.values
      const from = `FROM ${VEHICLE_FROM} ${where.clause}`
      const rows = await this.query(
        `SELECT ${VEHICLE_COLUMNS} ${from} ORDER BY mk.name, md.name, v.year_from, v.engine NULLS FIRST, v.id LIMIT ${page.limit} OFFSET ${page.offset}`,
        params
      )
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count ${from}`,
        params
      )
      return [rows, count]
    },

    /** Every make/model with its vehicles, vehicles without parts and distinct fitting parts. */
    async findReportModels(): Promise<
      Omit<CoverageReportModel, "categories">[]
    > {
      return await this.query(
        `SELECT mk.id AS make_id, mk.name AS make, md.id AS model_id, md.name AS model,
                count(DISTINCT v.id)::int AS vehicles,
                count(DISTINCT v.id) FILTER (WHERE ${NO_PART})::int AS vehicles_without_parts,
                (SELECT count(DISTINCT f.product_id)::int FROM fitment f JOIN vehicle v3 ON v3.id = f.vehicle_id
                 JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL WHERE v3.model_id = md.id) AS parts
         FROM vehicle_model md JOIN vehicle_make mk ON mk.id = md.make_id LEFT JOIN vehicle v ON v.model_id = md.id
         GROUP BY mk.id, mk.name, md.id, md.name ORDER BY mk.name, md.name`
      )
    },

    /** Fitting parts per model and category. */
    async findPartsPerCategory(): Promise<
      Array<{
        model_id: string
        category_id: string
        category: string
        parts: number
      }>
    > {
      return await this.query(
        `SELECT v.model_id, COALESCE(pc.id, 'uncategorized') AS category_id, COALESCE(pc.name, 'Uncategorized') AS category,
                count(DISTINCT f.product_id)::int AS parts
         FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL
         LEFT JOIN product_category_product pcp ON pcp.product_id = f.product_id
         LEFT JOIN product_category pc ON pc.id = pcp.product_category_id
         GROUP BY v.model_id, pc.id, pc.name ORDER BY v.model_id, parts DESC, category`
      )
    },

    /** Every vehicle no live product fits. */
    async findAllUncovered(): Promise<UncoveredVehicleRow[]> {
      return await this.query(
        `SELECT v.id, mk.name AS make, md.name AS model, v.generation, v.body, v.year_from, v.year_to, v.engine, v.engine_code, v.fuel
         FROM ${VEHICLE_FROM} WHERE ${NO_PART}
         ORDER BY mk.name, md.name, v.year_from, v.engine NULLS FIRST`
      )
    },
  })

export default FitmentCoverageRepository
