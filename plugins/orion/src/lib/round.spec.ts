import { round } from "./round"

describe("round", () => {
  it.each([
    [1.23456, 4, 1.2346],
    [1.23454, 4, 1.2345],
    [1234.5678, 1, 1234.6],
    [2.5, 0, 3],
    [7, 3, 7],
    [0, 4, 0],
    // a half goes upwards, as with Math.round
    [-1.23456, 2, -1.23],
    [-2.5, 0, -2],
  ])("round(%p, %p) is %p", (x, d, expected) => {
    expect(round(x, d)).toBe(expected)
  })
})
