/** The jobs the test server has scheduled in BullMQ (Medusa's scheduled-jobs queue, in Redis). */
import Redis from "ioredis"
import { testEnv } from "./env"

/** `it` when the test server uses Redis (where BullMQ keeps the schedules), `it.skip` otherwise. */
export const itWithRedis: jest.It =
  process.env.SHABOU_TEST_ENV &&
  JSON.parse(process.env.SHABOU_TEST_ENV).redisUrl
    ? it
    : it.skip

export type ScheduledJob = {
  /** the job's name, e.g. "orion-weekly-forecast" */
  name: string
  /** BullMQ's repeat key, "<name>::::<cron pattern>" */
  key: string
  /** when it runs next */
  next: Date
}

/** Every repeatable job of the server's scheduled-jobs queue. */
export async function scheduledJobs(): Promise<ScheduledJob[]> {
  const env = testEnv()
  const redis = new Redis(env.redisUrl as string)
  try {
    const key = `${env.redisPrefix}JobSchedulerService:scheduled-jobs-queue:repeat`
    const entries = await redis.zrange(key, 0, -1, "WITHSCORES")
    const jobs: ScheduledJob[] = []
    for (let i = 0; i < entries.length; i += 2) {
      jobs.push({
        name: entries[i].split(":")[0],
        key: entries[i],
        next: new Date(Number(entries[i + 1])),
      })
    }
    return jobs
  } finally {
    redis.disconnect()
  }
}
