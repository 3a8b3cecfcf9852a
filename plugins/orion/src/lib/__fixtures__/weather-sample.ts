import {
  type CalendarForecast,
  type CalendarPlan,
  forecastCalendarBatch,
} from "../calendar-forecast"
import { generateWeatherSample, sampleForecastInput } from "../weather-sample"

/** The default weather sample (what `orion sample-weather` writes), shared by the weather specs. */
export const sample = generateWeatherSample()

/** The forecast input of `sample` (sales, categories, weather days). */
export const base = sampleForecastInput(sample)

/** The forecasts of the series `idx` of `base`, as one worker batch of `plan` computes them. */
export function sampleBatch(
  plan: CalendarPlan,
  idx: number[]
): CalendarForecast[] {
  return forecastCalendarBatch(
    plan,
    idx.map((i) => ({
      series: base.series[i],
      offset: 0,
      category: base.categories[i],
    }))
  )
}
