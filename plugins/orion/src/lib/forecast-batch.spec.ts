import {
  CalendarForecastInput,
  CalendarPlan,
  decodeJson,
  encodeJson,
  forecastCalendarBatch,
  forecastWithCalendar,
  planCalendarForecast,
} from "./calendar-forecast"
import {
  BatchVariant,
  batches,
  ForecastBatchInput,
  runForecastBatch,
} from "./forecast-batch"
import { generateDemand } from "./generator"
import { Frequency } from "./types"

/** Generated parts with late starters (offsets), parts without a category, and a few all-zero series. */
function dataSet(
  frequency: Frequency,
  parts: number,
  periods: number
): CalendarForecastInput {
  const data = generateDemand({ parts, periods, frequency, seed: 11 })
  const offsets = data.map((_, i) =>
    i % 7 === 0 ? Math.floor(periods / 3) : i % 5 === 0 ? periods - 4 : 0
  )
  return {
    series: data.map((d, i) =>
      i % 13 === 0
        ? new Array(periods - offsets[i]).fill(0)
        : d.values.slice(offsets[i])
    ),
    offsets,
    categories: data.map((d, i) => (i % 9 === 0 ? null : d.category)),
    start: new Date(Date.UTC(2021, 0, 4)),
    frequency,
    horizon: frequency === "week" ? 13 : 6,
  }
}

/** A run's batches as the server makes them: consecutive slices, each through JSON (a database row, a queue). */
function viaBatches(
  plan: CalendarPlan,
  input: CalendarForecastInput,
  size: number,
  order: (n: number) => number[]
) {
  const offsets = input.offsets as number[]
  const slices = batches(
    input.series.map((series, i) => ({
      series,
      offset: offsets[i],
      category: input.categories[i],
    })),
    size
  )
  const out: ReturnType<typeof forecastCalendarBatch>[] = new Array(
    slices.length
  )
  for (const b of order(slices.length)) {
    const stored = decodeJson<{
      plan: CalendarPlan
      slice: (typeof slices)[number]
    }>(encodeJson({ plan, slice: slices[b] }))
    out[b] = forecastCalendarBatch(stored.plan, stored.slice)
  }
  return out.flat()
}

describe("forecast batches", () => {
  it.each([
    ["week", 160, 90],
    ["month", 160, 44],
  ] as const)(
    "give every %s series the numbers of the whole run, whatever the batch size and order",
    (frequency, parts, periods) => {
      const input = dataSet(frequency, parts, periods)
      const whole = forecastWithCalendar(input)
      // the data set exercises what the plan carries: several demand classes, calendar effects, zero series
      expect(Object.keys(whole.effects).length).toBeGreaterThan(1)
      expect(
        new Set(whole.forecasts.map((f) => f.segment)).size
      ).toBeGreaterThanOrEqual(3)
      expect(whole.forecasts.some((f) => f.model === "zero")).toBe(true)
      expect(
        whole.forecasts.some((f) => f.multipliers.some((m) => m !== 1))
      ).toBe(true)
      expect(
        whole.forecasts.some(
          (f) => f.method && !Number.isFinite(f.method.shape)
        )
      ).toBe(true)
      const expected = encodeJson(whole.forecasts)
      const { plan } = planCalendarForecast(input)
      expect(
        encodeJson(viaBatches(plan, input, 50, (n) => [...Array(n).keys()]))
      ).toBe(expected)
      expect(
        encodeJson(viaBatches(plan, input, 1000, (n) => [...Array(n).keys()]))
      ).toBe(expected)
      // batches run in any order (several workers)
      expect(
        encodeJson(
          viaBatches(plan, input, 37, (n) => [...Array(n).keys()].reverse())
        )
      ).toBe(expected)
    }
  )

  it("a batch's restock figures and alerts do not depend on how the run is cut", () => {
    const input = dataSet("week", 150, 100)
    const { plan } = planCalendarForecast(input)
    const offsets = input.offsets as number[]
    const variants: BatchVariant[] = input.series.map((series, i) => ({
      series,
      offset: offsets[i],
      category: input.categories[i],
      id: `variant_${String(i).padStart(4, "0")}`,
      sku: `SKU-${i}`,
      title: `Pièce ${i}`,
      inventory_quantity: i % 4,
      manage_inventory: i % 10 !== 0,
      on_order: i % 6 === 0 ? 2 : 0,
      on_order_lines:
        i % 6 === 0
          ? [{ quantity: 2, expected_date: "2023-02-20", supplier: "Bosch" }]
          : [],
      settings: {
        serviceLevel: 0.95,
        leadTimeDays: 7 + (i % 3) * 7,
        serviceLevelFrom: "plugin default",
        leadTimeFrom: "plugin default",
      },
    }))
    const base = {
      plan,
      as_of: "2023-02-05T12:00:00.000Z",
      forecast_start: "2023-02-06T00:00:00.000Z",
    }
    const one = runForecastBatch({ ...base, variants })
    expect(one.alerts.length).toBeGreaterThan(0)
    expect(one.insights.length).toBeGreaterThan(0)
    const parts = batches(variants, 45).map((slice) =>
      runForecastBatch(
        decodeJson<ForecastBatchInput>(encodeJson({ ...base, variants: slice }))
      )
    )
    expect(encodeJson(parts.flatMap((p) => p.forecasts))).toBe(
      encodeJson(one.forecasts)
    )
    expect(encodeJson(parts.flatMap((p) => p.restock))).toBe(
      encodeJson(one.restock)
    )
    expect(encodeJson(parts.flatMap((p) => p.alerts))).toBe(
      encodeJson(one.alerts)
    )
    expect(encodeJson(parts.flatMap((p) => p.insights))).toBe(
      encodeJson(one.insights)
    )
  })

  it("JSON keeps infinite and NaN numbers (Poisson shapes)", () => {
    const value = {
      shape: Infinity,
      low: -Infinity,
      none: NaN,
      list: [1.5, Infinity],
      nested: { $other: 1 },
    }
    const back = decodeJson<typeof value>(encodeJson(value))
    expect(back.shape).toBe(Infinity)
    expect(back.low).toBe(-Infinity)
    expect(back.none).toBeNaN()
    expect(back.list).toEqual([1.5, Infinity])
    expect(back.nested).toEqual({ $other: 1 })
    expect(JSON.parse(encodeJson(value)).shape).toEqual({ $number: "Infinity" })
  })

  it("cuts a run into consecutive batches of at most the size", () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(batches([], 500)).toEqual([])
    expect(() => batches([1], 0)).toThrow(
      "batch size must be a whole number ≥ 1, got 0"
    )
  })
})
