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

module.exports = { checkRedis, isRedisReachable }
