import type { ScheduledJobArgs, ScheduledJobConfig } from "@medusajs/medusa"
import { hourlyTick } from "@shabou/ops"

import type ProspectorReportService from "../services/prospector-report"

/**
 * Weekly report on Monday 07:00 Africa/Tunis for the week before. Ticks hourly
 * (the cron pattern has no time zone); the service (@shabou/ops
 * `dueReportPeriod`) builds the last complete
 * week's report once it is due and not stored yet, so a missed Monday is caught up.
 */
export default async function handler({ container }: ScheduledJobArgs) {
  const logger = container.resolve("logger")
  const service: ProspectorReportService = container.resolve(
    "prospectorReportService"
  )
  try {
    const report = await service.scheduledReport(new Date())
    if (report) {
      logger.info(
        `[prospector] weekly report ${report.id} for ${new Date(report.period_start).toISOString()}`
      )
    }
  } catch (e) {
    logger.warn(`[prospector] weekly report failed: ${e.message}`)
  }
}

export const config: ScheduledJobConfig = {
  name: "prospector-weekly-report",
  schedule: hourlyTick(5),
}
