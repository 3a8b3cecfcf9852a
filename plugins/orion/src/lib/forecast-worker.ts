/**
 * Worker-thread entry: plans a forecast run (`planCalendarForecast`: the calendar effects per category,
 * the method and prior of each demand class, learnt on the whole data set) off the main thread, so a
 * large run does not block the HTTP server. With weather data (`weatherData`) the weather effects the hold-out
 * keeps are chosen first, as the CLI does (`planWithWeather`); they travel in the plan to every batch.
 * The run's batches then forecast the variants with the plan.
 * Messages: { type: "result", result } or { type: "error", message }.
 */
import { parentPort, workerData } from "worker_threads"
import { CalendarForecastInput } from "./calendar-forecast"
import { planWithWeather, WeatherInput } from "./weather-effects"

export type WorkerInput = Omit<
  CalendarForecastInput,
  "onProgress" | "start" | "weather"
> & { start: string; weatherData?: WeatherInput }

export function runPlanJob(input: WorkerInput) {
  return planWithWeather({ ...input, start: new Date(input.start) })
}

if (
  parentPort &&
  workerData &&
  (workerData as { orionForecast?: boolean }).orionForecast
) {
  const port = parentPort
  try {
    port.postMessage({
      type: "result",
      result: runPlanJob((workerData as { input: WorkerInput }).input),
    })
  } catch (e) {
    port.postMessage({
      type: "error",
      message: (e as Error).stack ?? String(e),
    })
  }
}
