import { number } from "./number"
import { caught } from "./test-helpers"

describe("number", () => {
  it("reads decimals written with a dot", () => {
    expect(number("0.5", "level")).toBe(0.5)
    expect(number(".25", "level")).toBe(0.25)
    expect(number("-12.", "x")).toBe(-12)
    expect(number("3", "x")).toBe(3)
    expect(number(0.9, "x")).toBe(0.9)
  })

  it("gives the default when absent", () => {
    expect(number(undefined, "x")).toBeUndefined()
    expect(number("", "x", { default: 0.95 })).toBe(0.95)
  })

  it.each([
    ["1,5"],
    ["1e3"],
    ["Infinity"],
    ["NaN"],
    ["0x1"],
    ["."],
    ["1.2.3"],
    ["abc"],
  ])("refuses %s", (raw) => {
    expect(caught(() => number(raw, "service_level")).message).toBe(
      `service_level: must be a number (dot for decimals), got "${raw}"`
    )
  })

  it("checks bounds", () => {
    expect(
      caught(() => number("1.5", "service_level", { min: 0, max: 1 })).message
    ).toBe("service_level: must be between 0 and 1, got 1.5")
    expect(number("1", "service_level", { min: 0, max: 1 })).toBe(1)
  })
})
