import Redis from "ioredis"

/** Deletes every key matching one of `patterns` (SCAN, then DEL by 500): a test's own prefix. */
export async function deleteRedisKeys(
  redisUrl: string,
  patterns: string[]
): Promise<void> {
  const redis = new Redis(redisUrl)
  try {
    const keys: string[] = []
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
