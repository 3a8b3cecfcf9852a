/**
 * Orion's weekly forecast job as the server schedules it in BullMQ (when it uses Redis): Sunday 23:30
 * Africa/Tunis. Its own file since it needs nothing of orion.test.ts's sequence of runs.
 */
import { itWithRedis, scheduledJobs } from "../helpers/job-schedules"

describe("orion's weekly job", () => {
  itWithRedis(
    "registers the weekly job in BullMQ for Sunday 23:30 Africa/Tunis",
    async () => {
      const job = (await scheduledJobs()).find(
        (j) => j.name === "orion-weekly-forecast"
      )
      expect(job).toBeDefined()
      expect(job?.key).toBe("orion-weekly-forecast::::30 22 * * 0")
      const next = job?.next as Date
      expect(next.getTime()).toBeGreaterThan(Date.now())
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86400000)
      const tunis = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Africa/Tunis",
        weekday: "long",
        hour: "2-digit",
        minute: "2-digit",
      }).format(next)
      expect(tunis).toBe("Sunday 23:30")
    }
  )
})
