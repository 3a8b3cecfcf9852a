import { Lifetime } from "awilix"
import Redis from "ioredis"
import {
  fromSharedForm,
  SegmentedLru,
  sharedForm,
  type CachedAnswer,
} from "../lib/answer-cache"
import { resolveOptions, type SearchPluginOptions } from "../options"

type Logger = { info: (m: string) => void; warn: (m: string) => void }

/**
 * The answer cache of the store reads. Keys carry the catalogue generations (see
 * CatalogueStateService), so a change anywhere behind an answer makes its old entry unreachable on
 * every instance at once: that is the invalidation, by tag (products / lists). Each instance keeps
 * a memory level; with Redis a second, shared level. Hit and miss counters for the metrics.
 */
export default class CatalogueCacheService {
  /** one per process: it holds the memory level and the Redis client */
  static LIFE_TIME = Lifetime.SINGLETON

  protected logger_: Logger
  private memory_: SegmentedLru
  private redis_: Redis | null = null
  private prefix_: string
  private ttl_: number
  private lastRedisError_ = 0
  readonly counters = {
    hits: 0,
    misses: 0,
    memoryHits: 0,
    redisHits: 0,
    stores: 0,
  }

  constructor(
    { logger }: { logger: Logger },
    rawOptions: SearchPluginOptions = {}
  ) {
    const options = resolveOptions(rawOptions)
    this.logger_ = logger
    this.memory_ = new SegmentedLru(options.cacheMemoryBytes)
    this.prefix_ = `${options.redisPrefix}catalogue:`
    this.ttl_ = options.cacheTtlSeconds
    if (options.redisUrl) {
      this.redis_ = new Redis(options.redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        lazyConnect: false,
      })
      this.redis_.on("error", (e) => this.redisError(e))
    }
  }

  get shared(): boolean {
    return this.redis_ !== null
  }

  async get(key: string): Promise<CachedAnswer | null> {
    const local = this.memory_.get(key)
    if (local) {
      this.counters.hits++
      this.counters.memoryHits++
      return local
    }
    if (this.redis_ && this.redis_.status === "ready") {
      try {
        const raw = await this.redis_.getBuffer(this.prefix_ + key)
        const answer = raw === null ? null : fromSharedForm(raw)
        if (answer) {
          this.memory_.set(key, answer)
          this.counters.hits++
          this.counters.redisHits++
          return answer
        }
      } catch (e) {
        this.redisError(e as Error)
      }
    }
    this.counters.misses++
    return null
  }

  /** Keeps an answer: in memory at once, in Redis when it has taken it (callers need not wait for that). */
  async set(key: string, answer: CachedAnswer): Promise<void> {
    if (answer.status !== 200) {
      return
    }
    this.memory_.set(key, answer)
    this.counters.stores++
    if (this.redis_ && this.redis_.status === "ready") {
      try {
        const ms =
          answer.expiresAt === undefined
            ? this.ttl_ * 1000
            : Math.min(this.ttl_ * 1000, answer.expiresAt - Date.now())
        if (ms > 0) {
          await this.redis_.set(
            this.prefix_ + key,
            sharedForm(answer, Date.now() + ms),
            "PX",
            ms
          )
        }
      } catch (e) {
        this.redisError(e as Error)
      }
    }
  }

  /** hits / (hits + misses) since the start, and the memory level's size. */
  stats(): {
    hits: number
    misses: number
    hit_ratio: number | null
    memory_entries: number
    memory_bytes: number
    shared: boolean
  } {
    const total = this.counters.hits + this.counters.misses
    return {
      hits: this.counters.hits,
      misses: this.counters.misses,
      hit_ratio: total ? Number((this.counters.hits / total).toFixed(4)) : null,
      memory_entries: this.memory_.size,
      memory_bytes: this.memory_.usedBytes,
      shared: this.shared,
    }
  }

  /** Drops the Redis connection (at shutdown: a reconnecting client would keep the process alive). */
  async close(): Promise<void> {
    this.redis_?.disconnect()
  }

  private redisError(e: Error): void {
    if (Date.now() - this.lastRedisError_ > 60000) {
      this.lastRedisError_ = Date.now()
      this.logger_.warn(
        `catalogue cache: Redis unavailable, answering from memory and the database (${e.message})`
      )
    }
  }
}
