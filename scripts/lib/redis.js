/**
 * Fails fast when REDIS_URL is set but nobody answers there (Medusa would
 * otherwise hang while registering scheduled jobs).
 */
const { ConfigError, redact } = require("./database")

async function checkRedis(url, { timeoutMs = 3000 } = {}) {
  const Redis = require("ioredis")
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  })
  client.on("error", () => undefined)
  try {
    await client.connect()
    await client.ping()
  } catch (e) {
    throw new ConfigError(
      `Cannot reach Redis at REDIS_URL=${redact(url)}: ${e.message}. Start Redis, fix the URL, or unset REDIS_URL to run without it.`
    )
  } finally {
    client.disconnect()
  }
}

async function isRedisReachable(url) {
  try {
    await checkRedis(url, { timeoutMs: 1500 })
    return true
  } catch (e) {
    return false
  }
}

/** Deletes every key matching one of `patterns` (SCAN, then DEL by 500): a run's or a test's own prefix. */
async function deleteRedisKeys(url, patterns) {
  const Redis = require("ioredis")
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await redis.connect()
  try {
    const keys = []
    for (const pattern of patterns) {
      let cursor = "0"
      do {
        const [next, found] = await redis.scan(
          cursor,
          "MATCH",
          pattern,
          "COUNT",
          1000
        )
        cursor = next
        keys.push(...found)
      } while (cursor !== "0")
    }
    for (let i = 0; i < keys.length; i += 500) {
      await redis.del(...keys.slice(i, i + 500))
    }
  } finally {
    redis.disconnect()
  }
}

module.exports = { checkRedis, deleteRedisKeys, isRedisReachable }
