export * from "./types"
export {
  forecastMany,
  forecastSeries,
  runMethod,
  tuneOnPool,
  rollingWindows,
  methodName,
  seasonLengthFor,
  DEFAULT_METHOD,
} from "./engine"
export type {
  ForecastOptions,
  ForecastResult,
  SeriesForecast,
  Method,
  Distribution,
  Tuning,
  Candidate,
} from "./engine"
export { backtest, formatTable } from "./backtest"
export type { BacktestReport, BacktestRow } from "./backtest"
export { MetricAccumulator, pinball } from "./metrics"
export { gammaPrior, pooledRate } from "./pooling"
export type { GammaPrior } from "./pooling"
export type { MetricSummary } from "./metrics"
export { MEAN_MODELS, meanModel } from "./models"
export { sesForecast, optimalSesAlpha, sesOptimizedForecast } from "./ses"
export { croston, crostonOptimized, sba } from "./croston"
export { tsb } from "./tsb"
export { adida } from "./adida"
export { imapa } from "./imapa"
export { seasonalNaive } from "./seasonal-naive"
export { movingAverage } from "./moving-average"
export { holtWinters, fitEts, autoEts } from "./ets"
export {
  poissonQuantiles,
  negBinomialQuantiles,
  normalInv,
} from "./count-distributions"
export { classifyDemand, averageDemandInterval, sizeCv2 } from "./intermittent"
export {
  dayEvents,
  periodExposure,
  islamicMonthStarts,
  CALENDAR_EVENTS,
} from "./calendar"
export type { CalendarEvent, Exposure } from "./calendar"
export { generateDemand, periodStarts, CATEGORIES } from "./generator"
export {
  buildSeries,
  parseSalesRecord,
  periodStart,
  addPeriods,
  SalesInputError,
} from "./sales-history"
export {
  parseWeatherCsv,
  normalizeGovernorate,
  GOVERNORATES,
} from "./weather-csv"
export type { WeatherDay, ParsedWeather } from "./weather-csv"
export {
  planWeather,
  planWithWeather,
  forecastWithWeather,
  weatherExposures,
  dailyWeather,
  fitWeatherBeta,
  holdoutWeather,
  describeWeather,
  WEATHER_EVENTS,
} from "./weather-effects"
export type {
  WeatherInput,
  WeatherThresholds,
  CategoryWeather,
  WeatherEffect,
} from "./weather-effects"
export { generateWeatherSample, weatherCsv, salesCsv } from "./weather-sample"
export { runWeather } from "./weather-run"
export type { RunWeather, RunWeatherCategory } from "./weather-run"
