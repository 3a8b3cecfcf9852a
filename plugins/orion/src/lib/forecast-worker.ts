/**
 * Worker-thread entry: runs `forecastWithCalendar` off the main thread so a
 * large run does not block the HTTP server, posting progress as it goes.
 * Messages: { type: "progress", done, total } … then { type: "result", result }
 * or { type: "error", message }.
 */
import { parentPort, workerData } from "worker_threads"
import { CalendarForecastInput, forecastWithCalendar } from "./calendar-forecast"

export type WorkerInput = Omit<CalendarForecastInput, "onProgress" | "start"> & { start: string }

export function runForecastJob(input: WorkerInput, progress: (done: number, total: number) => void) {
  let last = 0
  return forecastWithCalendar({
    ...input,
    start: new Date(input.start),
    onProgress: (done, total) => {
      const now = Date.now()
      if (now - last > 500 || done === total) {
        last = now
        progress(done, total)
      }
    },
  })
}

if (parentPort && workerData && (workerData as { orionForecast?: boolean }).orionForecast) {
  const port = parentPort
  try {
    const result = runForecastJob((workerData as { input: WorkerInput }).input, (done, total) =>
      port.postMessage({ type: "progress", done, total })
    )
    port.postMessage({ type: "result", result })
  } catch (e) {
    port.postMessage({ type: "error", message: (e as Error).stack ?? String(e) })
  }
}
