import type { AwilixContainer } from "awilix"
import { mirroredCounter, gauge, onScrape } from "@shabou/ops"
import type CatalogueCacheService from "../services/catalogue-cache"

/**
 * The store answer cache's counters (the ones GET /admin/catalogue/status shows) as Prometheus
 * metrics of this process, read at scrape time.
 */
export default async function catalogueMetricsLoader(
  container: AwilixContainer
): Promise<void> {
  if (!container.hasRegistration("catalogueCacheService")) {
    return
  }
  const hits = mirroredCounter(
    "shabou_store_cache_hits_total",
    "Store read answers served from the cache, by level (memory, redis)",
    ["level"]
  )
  const misses = mirroredCounter(
    "shabou_store_cache_misses_total",
    "Store read answers not in the cache (built from the database)"
  )
  const entries = gauge(
    "shabou_store_cache_memory_entries",
    "Answers in this process' memory level"
  )
  const bytes = gauge(
    "shabou_store_cache_memory_bytes",
    "Bytes of JSON in this process' memory level"
  )
  onScrape("store-cache", () => {
    const cache: CatalogueCacheService = container.resolve(
      "catalogueCacheService"
    )
    hits.set(cache.counters.memoryHits, { level: "memory" })
    hits.set(cache.counters.redisHits, { level: "redis" })
    misses.set(cache.counters.misses)
    const stats = cache.stats()
    entries.set(stats.memory_entries)
    bytes.set(stats.memory_bytes)
  })
}
