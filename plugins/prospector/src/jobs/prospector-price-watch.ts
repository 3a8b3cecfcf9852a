import type { ScheduledJobArgs, ScheduledJobConfig } from "@medusajs/medusa"

import type PriceWatchService from "../services/price-watch"

/**
 * Price watch every 6 hours (00:00, 06:00, 12:00, 18:00 UTC): one polite pass over the watched pages.
 * PROSPECTOR_PRICE_WATCH_SCHEDULE (a cron pattern, read at start) changes when.
 */
export default async function handler({ container }: ScheduledJobArgs) {
  const logger = container.resolve("logger")
  const service: PriceWatchService = container.resolve("priceWatchService")
  try {
    const run = await service.runPass({ trigger: "job" })
    logger.info(
      `[prospector] price watch ${run.id}: ${run.status}, ${JSON.stringify(run.summary)}`
    )
  } catch (e) {
    logger.warn(`[prospector] price watch failed: ${e.message}`)
  }
}

export const config: ScheduledJobConfig = {
  name: "prospector-price-watch",
  schedule: process.env.PROSPECTOR_PRICE_WATCH_SCHEDULE || "0 */6 * * *",
}
