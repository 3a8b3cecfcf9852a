import type { AwilixContainer } from "awilix"
import type { EntityManager } from "typeorm"
import { gauge, onScrape } from "@shabou/ops"

/**
 * The last finished forecast run, from the database (so every instance answers the same, whichever
 * ran it); each process' own runs are in shabou_run_duration_seconds{kind="forecast"}.
 */
export default async function orionMetricsLoader(
  container: AwilixContainer
): Promise<void> {
  const seconds = gauge(
    "shabou_forecast_last_run_duration_seconds",
    "Duration of the last finished forecast run, by outcome",
    ["outcome"]
  )
  const finished = gauge(
    "shabou_forecast_last_run_finished_timestamp_seconds",
    "When the last forecast run finished, by outcome",
    ["outcome"]
  )
  const running = gauge(
    "shabou_forecast_runs_running",
    "Forecast runs in progress (0 or 1)"
  )
  onScrape("orion", async () => {
    const manager: EntityManager = container.resolve("manager")
    const rows: {
      status: string
      duration_ms: number | null
      finished: number | null
    }[] = await manager.query(
      `SELECT DISTINCT ON (status) status, duration_ms, extract(epoch FROM finished_at)::float AS finished
       FROM "orion_forecast_run" WHERE status IN ('succeeded', 'failed') ORDER BY status, finished_at DESC NULLS LAST`
    )
    for (const r of rows) {
      if (r.duration_ms !== null) {
        seconds.set({ outcome: r.status }, r.duration_ms / 1000)
      }
      if (r.finished !== null) {
        finished.set({ outcome: r.status }, r.finished)
      }
    }
    const [{ count }] = await manager.query(
      `SELECT count(*)::int AS count FROM "orion_forecast_run" WHERE status = 'running'`
    )
    running.set(count)
  })
}
