import { generateWeatherSample, sampleForecastInput } from "../weather-sample"

/** The default weather sample (what `orion sample-weather` writes), shared by the weather specs. */
export const sample = generateWeatherSample()

/** The forecast input of `sample` (sales, categories, weather days). */
export const base = sampleForecastInput(sample)
