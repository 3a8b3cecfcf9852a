import fc from "fast-check"
import { integer } from "./integer"
import { caught } from "./test-helpers"

describe("integer", () => {
  it("reads whole numbers, signs and surrounding blanks", () => {
    expect(integer("12", "year")).toBe(12)
    expect(integer("-3", "delta")).toBe(-3)
    expect(integer("+7", "delta")).toBe(7)
    expect(integer(" 42 ", "n")).toBe(42)
    expect(integer("-0", "n")).toBe(0)
    expect(Object.is(integer("-0", "n"), -0)).toBe(false)
    expect(integer(5, "n")).toBe(5)
  })

  it("gives the default (or undefined) when absent or empty", () => {
    expect(integer(undefined, "n")).toBeUndefined()
    expect(integer("", "n")).toBeUndefined()
    expect(integer("  ", "n")).toBeUndefined()
    expect(integer(null, "n", { default: 7 })).toBe(7)
    expect(integer(undefined, "n", { default: 7, min: 10 })).toBe(7)
  })

  it.each([
    ["1.5"],
    ["1e3"],
    ["0x10"],
    ["12abc"],
    ["abc"],
    ["--1"],
    ["Infinity"],
    ["NaN"],
  ])("refuses %s, naming the parameter and the value", (raw) => {
    expect(caught(() => integer(raw, "year")).message).toBe(
      `year: must be a whole number, got "${raw}"`
    )
  })

  it("refuses numbers past 2^53 rather than rounding them", () => {
    expect(caught(() => integer("9007199254740993", "id")).message).toMatch(
      /^id: must be a whole number below 2\^53/
    )
  })

  it("checks bounds, inclusive, and says which", () => {
    expect(integer("1", "limit", { min: 1, max: 500 })).toBe(1)
    expect(integer("500", "limit", { min: 1, max: 500 })).toBe(500)
    expect(
      caught(() => integer("0", "limit", { min: 1, max: 500 })).message
    ).toBe("limit: must be between 1 and 500, got 0")
    expect(
      caught(() => integer("501", "limit", { min: 1, max: 500 })).message
    ).toBe("limit: must be between 1 and 500, got 501")
    expect(caught(() => integer("-1", "offset", { min: 0 })).message).toBe(
      "offset: must be at least 0, got -1"
    )
    expect(caught(() => integer("11", "n", { max: 10 })).message).toBe(
      "n: must be at most 10, got 11"
    )
  })

  it("refuses a repeated parameter", () => {
    expect(caught(() => integer(["1", "2"], "year")).message).toBe(
      "year: must be a single value, got a list of 2"
    )
  })

  it("round-trips every safe integer written in decimal", () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        (n) => integer(String(n), "n") === (n === 0 ? 0 : n)
      )
    )
  })

  it("accepts exactly the values inside the bounds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (a, b, n) => {
          const [min, max] = a <= b ? [a, b] : [b, a]
          const inside = n >= min && n <= max
          let ok = true
          try {
            integer(String(n), "n", { min, max })
          } catch {
            ok = false
          }
          return ok === inside
        }
      )
    )
  })
})
