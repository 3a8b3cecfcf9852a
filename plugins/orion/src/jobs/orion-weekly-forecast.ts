import type { ScheduledJobArgs, ScheduledJobConfig } from "@medusajs/medusa"
import { cronPattern } from "@shabou/ops"
import type OrionForecastService from "../services/orion-forecast"

/** When the weekly forecast runs (Africa/Tunis wall time). */
export const WEEKLY_FORECAST = "Sunday 23:30 Africa/Tunis"

/**
 * Weekly forecast run, Sunday 23:30 Africa/Tunis. Medusa's job scheduler passes only
 * `repeat: { pattern }` to BullMQ (no `tz`), so the pattern is read in the server's
 * time zone: @shabou/ops's `cronPattern` writes it there (22:30 on Sunday on a UTC
 * server; Tunisia is UTC+1 all year, no daylight saving since 2009).
 */
export default async function orionWeeklyForecast({
  container,
}: ScheduledJobArgs) {
  const logger = container.resolve("logger")
  const service: OrionForecastService = container.resolve(
    "orionForecastService"
  )
  try {
    const run = await service.runNow({ trigger: "schedule" })
    logger.info(
      `orion: weekly forecast run ${run.id} ${run.status} in ${run.duration_ms} ms (${run.variant_count} variants)`
    )
  } catch (e) {
    logger.warn(`orion: weekly forecast run not done: ${(e as Error).message}`)
  }
}

export const config: ScheduledJobConfig = {
  name: "orion-weekly-forecast",
  schedule: cronPattern(WEEKLY_FORECAST),
}
