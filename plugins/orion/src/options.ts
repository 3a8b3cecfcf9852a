import { parseGovernorateList } from "./lib/weather-csv"

/** Options of the orion plugin (medusa-config.js → plugins → ./plugins/orion → options). */
export type OrionOptions = {
  /** target cycle service level when no category setting applies; default 0.95 */
  defaultServiceLevel?: number
  /** supplier lead time in days when no brand setting applies; default 7 */
  defaultLeadTimeDays?: number
  /** forecast frequency of runs; default "week" */
  frequency?: "week" | "month"
  /** periods forecast by a run; default 13 (weeks) or 6 (months) */
  horizon?: number
  /** most recent periods of history used; default 156 weeks / 60 months */
  maxHistoryPeriods?: number
  /** days without a sale after which stock is dead; default 365 */
  deadStockDays?: number
  /** runs whose forecasts are kept (older ones keep their run record only); default 3 */
  keepRuns?: number
  /** run the engine in a worker thread (default true; false runs it inline) */
  useWorker?: boolean
  /**
   * accuracy alert: a run whose forecast-against-actual WQL is worse than the average of the runs before it
   * by more than this share (0.25 = 25 % worse); default 0.25
   */
  accuracyAlertThreshold?: number
  /**
   * variants per batch of a forecast run (ORION_FORECAST_BATCH_SIZE); with Redis each batch is a BullMQ job
   * that any `worker` or `shared` instance may take; default 500
   */
  batchSize?: number
  /** Redis of the batch queue (REDIS_URL); without it a run's batches run in its own process */
  redisUrl?: string
  /** key prefix of the batch queue (REDIS_PREFIX); default "shabou:" */
  redisPrefix?: string
  /**
   * governorates whose stored daily weather runs average (ORION_WEATHER_GOVERNORATES, e.g. "Tunis,Ariana");
   * default: every governorate in the stored weather. Read by `weatherGovernorates`.
   */
  weatherGovernorates?: string | string[]
}

export type ResolvedOrionOptions = Required<
  Omit<OrionOptions, "redisUrl" | "weatherGovernorates">
> & { redisUrl: string | null }

/**
 * The governorates of the `weatherGovernorates` option, normalized ("Béja" → "beja"); [] = every governorate
 * with stored weather. A name that is not a governorate of Tunisia is an error naming it (logged at startup
 * by `loaders/weather-options.ts`; the weather service throws it).
 */
export function weatherGovernorates(
  o: Pick<OrionOptions, "weatherGovernorates"> = {}
): string[] {
  const { governorates, bad } = parseGovernorateList(
    o.weatherGovernorates ?? []
  )
  if (bad.length) {
    throw new Error(
      `orion option weatherGovernorates (ORION_WEATHER_GOVERNORATES): ${bad.map((b) => `"${b}"`).join(", ")} ${bad.length > 1 ? "are not governorates" : "is not a governorate"} of Tunisia (e.g. Tunis,Ariana,Béja)`
    )
  }
  return governorates
}

/** The defaults of the options; `horizon` and `maxHistoryPeriods` depend on the frequency. */
export const DEFAULT_OPTIONS = {
  defaultServiceLevel: 0.95,
  defaultLeadTimeDays: 7,
  frequency: "week",
  deadStockDays: 365,
  keepRuns: 3,
  useWorker: true,
  accuracyAlertThreshold: 0.25,
  batchSize: 500,
  redisPrefix: "shabou:",
} as const

/** periods forecast by default, per frequency */
export const DEFAULT_HORIZON = { week: 13, month: 6 } as const
/** most recent periods of history used by default, per frequency */
export const DEFAULT_MAX_HISTORY_PERIODS = { week: 156, month: 60 } as const

/** The options with their defaults, checked: read once, in each service's constructor. */
export function resolveOptions(o: OrionOptions = {}): ResolvedOrionOptions {
  const d = DEFAULT_OPTIONS
  const frequency = o.frequency ?? d.frequency
  const out: ResolvedOrionOptions = {
    defaultServiceLevel: o.defaultServiceLevel ?? d.defaultServiceLevel,
    defaultLeadTimeDays: o.defaultLeadTimeDays ?? d.defaultLeadTimeDays,
    frequency,
    horizon: o.horizon ?? DEFAULT_HORIZON[frequency],
    maxHistoryPeriods:
      o.maxHistoryPeriods ?? DEFAULT_MAX_HISTORY_PERIODS[frequency],
    deadStockDays: o.deadStockDays ?? d.deadStockDays,
    keepRuns: o.keepRuns ?? d.keepRuns,
    useWorker: o.useWorker ?? d.useWorker,
    accuracyAlertThreshold:
      o.accuracyAlertThreshold ?? d.accuracyAlertThreshold,
    batchSize: o.batchSize ?? d.batchSize,
    redisUrl: o.redisUrl || null,
    redisPrefix: o.redisPrefix ?? d.redisPrefix,
  }
  if (!(
    Number.isInteger(out.batchSize) &&
    out.batchSize >= 1 &&
    out.batchSize <= 100000
  )) {
    throw new Error(
      `orion option batchSize (ORION_FORECAST_BATCH_SIZE) must be a whole number of variants between 1 and 100000, got ${out.batchSize}`
    )
  }
  if (!(out.accuracyAlertThreshold > 0)) {
    throw new Error(
      `orion option accuracyAlertThreshold must be a positive share (0.25 = 25 % worse), got ${out.accuracyAlertThreshold}`
    )
  }
  if (!(out.defaultServiceLevel > 0 && out.defaultServiceLevel < 1)) {
    throw new Error(
      `orion option defaultServiceLevel must be in (0, 1), got ${out.defaultServiceLevel}`
    )
  }
  if (!(
    Number.isInteger(out.defaultLeadTimeDays) && out.defaultLeadTimeDays >= 0
  )) {
    throw new Error(
      `orion option defaultLeadTimeDays must be a whole number of days ≥ 0, got ${out.defaultLeadTimeDays}`
    )
  }
  if (frequency !== "week" && frequency !== "month") {
    throw new Error(
      `orion option frequency must be "week" or "month", got ${String(frequency)}`
    )
  }
  return out
}
