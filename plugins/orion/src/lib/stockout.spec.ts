import { expectedStockout } from "./stockout"

const start = new Date("2026-03-02T00:00:00Z") // a Monday
const base = {
  forecastStart: start,
  periodDays: 7,
  asOf: start,
  leadTimeDays: 7,
}

describe("expectedStockout", () => {
  it("finds the day the cumulative mean demand reaches the stock", () => {
    // 7 a week = 1 a day: 10 units last 10 days
    expect(expectedStockout({ ...base, stock: 10, mean: [7, 7, 7] })).toEqual({
      stockout_date: "2026-03-12",
      order_by: "2026-03-05",
    })
  })

  it("walks across periods of different demand", () => {
    // week 1: 0.5/day (3.5), week 2: 2/day → 3.5 + 2 × 3.25 = 10 on day 7 + 3.25
    expect(
      expectedStockout({ ...base, stock: 10, mean: [3.5, 14] }).stockout_date
    ).toBe("2026-03-12")
  })

  it("is null when the stock lasts past the horizon", () => {
    expect(expectedStockout({ ...base, stock: 100, mean: [1, 1, 1] })).toEqual({
      stockout_date: null,
      order_by: null,
    })
    expect(expectedStockout({ ...base, stock: 1, mean: [0, 0] })).toEqual({
      stockout_date: null,
      order_by: null,
    })
  })

  it("says today when the part is already out, and never an order-by date in the past", () => {
    const asOf = new Date("2026-03-04T15:00:00Z")
    expect(expectedStockout({ ...base, asOf, stock: 0, mean: [7] })).toEqual({
      stockout_date: "2026-03-04",
      order_by: "2026-03-04",
    })
    expect(expectedStockout({ ...base, asOf, stock: 2, mean: [7, 7] })).toEqual(
      { stockout_date: "2026-03-06", order_by: "2026-03-04" }
    )
  })

  it("does not count the part of the current period already elapsed", () => {
    // asOf is Thursday: 4 days of week 1 left at 1/day, so 4 units last until Monday
    const asOf = new Date("2026-03-05T09:00:00Z")
    expect(
      expectedStockout({ ...base, asOf, stock: 4, mean: [7, 7] }).stockout_date
    ).toBe("2026-03-09")
  })
})
