/** Deletes every key matching one of the patterns: a test's own prefix (scripts/lib/redis.js). */
const { deleteRedisKeys } = require("../../scripts/lib/redis") as {
  deleteRedisKeys: (redisUrl: string, patterns: string[]) => Promise<void>
}

export { deleteRedisKeys }
