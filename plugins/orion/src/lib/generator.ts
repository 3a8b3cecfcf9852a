import { periodExposure } from "./calendar"
import { Rng } from "./random"
import { addPeriods } from "./sales-history"
import { Frequency } from "./types"

export type SyntheticPart = {
  sku: string
  category: string
  /** lifecycle pattern used to generate it */
  pattern: "stable" | "declining" | "new" | "dead"
  /** expected demand per period before noise (the known structure) */
  rate: number[]
  values: number[]
}

export type GeneratorOptions = {
  parts: number
  periods: number
  frequency: Frequency
  seed?: number
  /** first period start (UTC); default 2019-01-01 (a Monday) */
  start?: Date
}

export const CATEGORIES: Record<
  string,
  { summer: number; ramadan: number; rains: number }
> = {
  cooling: { summer: 0.8, ramadan: 0, rains: -0.2 },
  brakes: { summer: 0, ramadan: 0.1, rains: 0.4 },
  wipers: { summer: -0.3, ramadan: 0, rains: 1.0 },
  engine: { summer: 0.1, ramadan: -0.2, rains: 0 },
  body: { summer: 0.2, ramadan: 0.3, rains: 0 },
  filters: { summer: 0, ramadan: 0, rains: 0 },
}

/** Period start dates (UTC) for a frequency. */
export function periodStarts(
  start: Date,
  n: number,
  frequency: Frequency
): Date[] {
  const out: Date[] = []
  for (let i = 0; i < n; i++) {
    out.push(addPeriods(start, i, frequency))
  }
  return out
}

/**
 * Realistic intermittent spare-parts demand with known structure: a heavy-tailed
 * (log-normal) base rate per part, category seasonality (summer, autumn rains,
 * Ramadan), lifecycles (stable, declining, new, dead), order counts that are
 * over-dispersed (negative binomial) and lumpy order sizes (packs, fleet orders).
 */
export function generateDemand(opts: GeneratorOptions): SyntheticPart[] {
  const rng = new Rng(opts.seed ?? 1)
  const perMonth = opts.frequency === "week" ? 12 / 52 : 1
  const starts = periodStarts(
    opts.start ?? new Date(Date.UTC(2019, 0, 7)),
    opts.periods,
    opts.frequency
  )
  const exposures = starts.map((s) => periodExposure(s, opts.frequency))
  const cats = Object.keys(CATEGORIES)
  const parts: SyntheticPart[] = []
  for (let p = 0; p < opts.parts; p++) {
    const category = cats[Math.floor(rng.next() * cats.length)]
    const eff = CATEGORIES[category]
    const base = Math.exp(Math.log(0.35) + 1.4 * rng.normal()) * perMonth
    const u = rng.next()
    const pattern: SyntheticPart["pattern"] =
      u < 0.6 ? "stable" : u < 0.8 ? "declining" : u < 0.92 ? "new" : "dead"
    const change = Math.floor(rng.next() * opts.periods)
    const decay = 0.02 + 0.08 * rng.next()
    const orderShape = [0.5, 1, 3][Math.floor(rng.next() * 3)]
    const packMean = [1, 1, 1, 2, 4][Math.floor(rng.next() * 5)]
    const rate: number[] = []
    const values: number[] = []
    for (let t = 0; t < opts.periods; t++) {
      const ex = exposures[t]
      let life = 1
      if (pattern === "declining" && t > change) {
        life = Math.exp(
          ((-decay * (t - change)) / perMonth) *
            (opts.frequency === "week" ? 1 / 4.33 : 1)
        )
      } else if (pattern === "new") {
        life = t < change ? 0 : Math.min(1, (t - change + 1) / 6)
      } else if (pattern === "dead" && t > change) {
        life = 0
      }
      const season = Math.max(
        0.1,
        1 +
          eff.summer * ex.summer +
          eff.ramadan * ex.ramadan +
          eff.rains * ex.rains
      )
      const orders = base * life * season
      rate.push(orders * packMean)
      const n = rng.negBinomial(orders, orderShape)
      let qty = 0
      for (let k = 0; k < n; k++) {
        qty += packMean === 1 ? 1 : 1 + rng.poisson(packMean - 1)
      }
      values.push(qty)
    }
    parts.push({
      sku: `SKU-${String(p).padStart(6, "0")}`,
      category,
      pattern,
      rate,
      values,
    })
  }
  return parts
}
