import { resolveOptions, weatherGovernorates } from "./options"

describe("orion options", () => {
  it("has the documented defaults", () => {
    expect(resolveOptions({})).toEqual({
      defaultServiceLevel: 0.95,
      defaultLeadTimeDays: 7,
      frequency: "week",
      horizon: 13,
      maxHistoryPeriods: 156,
      deadStockDays: 365,
      keepRuns: 3,
      useWorker: true,
      accuracyAlertThreshold: 0.25,
      batchSize: 500,
      redisUrl: null,
      redisPrefix: "shabou:",
    })
    expect(resolveOptions({ frequency: "month" })).toMatchObject({
      horizon: 6,
      maxHistoryPeriods: 60,
    })
  })

  it("rejects impossible values with the option's name", () => {
    expect(() => resolveOptions({ defaultServiceLevel: 95 })).toThrow(
      "defaultServiceLevel must be in (0, 1), got 95"
    )
    expect(() => resolveOptions({ defaultLeadTimeDays: 2.5 })).toThrow(
      "defaultLeadTimeDays"
    )
    expect(() => resolveOptions({ accuracyAlertThreshold: 0 })).toThrow(
      "accuracyAlertThreshold must be a positive share"
    )
    expect(() => resolveOptions({ frequency: "day" as "week" })).toThrow(
      'frequency must be "week" or "month"'
    )
    expect(() => resolveOptions({ batchSize: 0 })).toThrow(
      "batchSize (ORION_FORECAST_BATCH_SIZE) must be a whole number of variants between 1 and 100000, got 0"
    )
    expect(() => resolveOptions({ batchSize: NaN })).toThrow("batchSize")
  })
})

describe("weatherGovernorates (ORION_WEATHER_GOVERNORATES)", () => {
  it("is every stored governorate by default, else the normalized names; a wrong name is an error naming it", () => {
    expect(weatherGovernorates({})).toEqual([])
    expect(weatherGovernorates({ weatherGovernorates: "" })).toEqual([])
    expect(
      weatherGovernorates({ weatherGovernorates: "Tunis, Ben-Arous,Béja" })
    ).toEqual(["tunis", "ben arous", "beja"])
    expect(() =>
      weatherGovernorates({ weatherGovernorates: "Tunis,Lyon" })
    ).toThrow(
      'orion option weatherGovernorates (ORION_WEATHER_GOVERNORATES): "Lyon" is not a governorate of Tunisia'
    )
  })
})
