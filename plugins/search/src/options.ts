import { KEPT_ORDER_MAX } from "./lib/catalogue-sql"

/** The search plugin's options (medusa-config.js), as given. */
export type SearchPluginOptions = {
  /** "meilisearch": medusa-plugin-meilisearch is the search engine, ours stays unregistered */
  engine?: string
  /** how often the queue of changed products is drained, in ms */
  refresh_interval_ms?: number
  /** Redis URL: the answers are shared by every server instance (in-process only without it) */
  redisUrl?: string
  redisPrefix?: string
  /** seconds an answer is kept in Redis (a generation change makes it unreachable anyway) */
  cacheTtlSeconds?: number
  /** bytes of JSON kept in each instance's memory */
  cacheMemoryBytes?: number
  /** listings matching at most this many products keep their ordered ids (CATALOGUE_KEPT_ORDER_MAX) */
  keptOrderMax?: number
}

/** The options with every default applied. */
export type ResolvedSearchOptions = {
  engine: "postgres" | "meilisearch"
  refreshIntervalMs: number
  redisUrl: string | undefined
  redisPrefix: string
  cacheTtlSeconds: number
  cacheMemoryBytes: number
  keptOrderMax: number
}

export const DEFAULT_OPTIONS: Omit<ResolvedSearchOptions, "redisUrl"> = {
  engine: "postgres",
  refreshIntervalMs: 200,
  redisPrefix: "shabou:",
  cacheTtlSeconds: 600,
  cacheMemoryBytes: 64 * 1024 * 1024,
  keptOrderMax: KEPT_ORDER_MAX,
}

const resolved = new WeakMap<object, ResolvedSearchOptions>()

/**
 * The plugin's options merged with their defaults, once per options object (Medusa hands the
 * same object to every service and loader of the plugin). A keptOrderMax outside 0–100,000 stops
 * the server at boot.
 */
export function resolveOptions(
  raw: SearchPluginOptions = {}
): ResolvedSearchOptions {
  const known = resolved.get(raw)
  if (known) {
    return known
  }
  const keptOrderMax = raw.keptOrderMax ?? DEFAULT_OPTIONS.keptOrderMax
  if (
    !Number.isInteger(keptOrderMax) ||
    keptOrderMax < 0 ||
    keptOrderMax > 100000
  ) {
    throw new Error(
      `search plugin option keptOrderMax (CATALOGUE_KEPT_ORDER_MAX) must be a whole number from 0 to 100000, got ${raw.keptOrderMax}`
    )
  }
  const options: ResolvedSearchOptions = {
    engine: raw.engine === "meilisearch" ? "meilisearch" : "postgres",
    refreshIntervalMs:
      raw.refresh_interval_ms ?? DEFAULT_OPTIONS.refreshIntervalMs,
    redisUrl: raw.redisUrl || undefined,
    redisPrefix: raw.redisPrefix ?? DEFAULT_OPTIONS.redisPrefix,
    cacheTtlSeconds: raw.cacheTtlSeconds ?? DEFAULT_OPTIONS.cacheTtlSeconds,
    cacheMemoryBytes: raw.cacheMemoryBytes ?? DEFAULT_OPTIONS.cacheMemoryBytes,
    keptOrderMax,
  }
  resolved.set(raw, options)
  return options
}
