/** Deletes every key matching one of the patterns: a test's own prefix (scripts/lib/redis.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const redis = require("../../scripts/lib/redis")

export const deleteRedisKeys: (
  redisUrl: string,
  patterns: string[]
) => Promise<void> = redis.deleteRedisKeys
