import { movingAverage } from "./moving-average"
import { seasonalNaive, seasonalNaiveErrors } from "./seasonal-naive"

describe("seasonal naive and moving average", () => {
  it("repeats the last season", () => {
    expect(seasonalNaive([1, 2, 3, 4, 5, 6, 7], 5, 3)).toEqual([5, 6, 7, 5, 6])
  })

  it("falls back to naive with less than a season", () => {
    expect(seasonalNaive([4, 9], 3, 12)).toEqual([9, 9, 9])
    expect(seasonalNaive([], 2, 12)).toEqual([0, 0])
  })

  it("gives the seasonal differences used as the MASE scale", () => {
    expect(seasonalNaiveErrors([1, 2, 3, 4, 6], 2)).toEqual([2, 2, 3])
    expect(seasonalNaiveErrors([1, 4], 12)).toEqual([3])
  })

  it("averages the last window", () => {
    expect(movingAverage([1, 2, 3, 4, 8], 2)).toBe(6)
    expect(movingAverage([1, 2], 6)).toBe(1.5)
    expect(movingAverage([], 3)).toBe(0)
  })
})
