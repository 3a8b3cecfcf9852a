import type { ScheduledJobArgs, ScheduledJobConfig } from "@medusajs/medusa"
import { hourlyTick } from "@shabou/ops"

import type ProspectorRunService from "../services/prospector-run"

/**
 * Daily lead search at 02:00 Africa/Tunis. Medusa gives BullMQ a cron pattern
 * without a time zone, so this ticks hourly and the service decides in Tunis
 * time (@shabou/ops `dailySearchDue`): due from 02:00, once per local day, caught up later
 * that day when the server was down at 02:00; an interrupted run is re-run.
 */
export default async function handler({ container }: ScheduledJobArgs) {
  const logger = container.resolve("logger")
  const service: ProspectorRunService = container.resolve(
    "prospectorRunService"
  )
  try {
    const run = await service.scheduledSearch(new Date())
    if (run) {
      logger.info(
        `[prospector] daily lead search ${run.id}: ${run.status}, ${JSON.stringify(run.summary)}`
      )
    }
  } catch (e) {
    logger.warn(`[prospector] daily lead search failed: ${e.message}`)
  }
}

export const config: ScheduledJobConfig = {
  name: "prospector-daily-lead-search",
  schedule: hourlyTick(0),
}
