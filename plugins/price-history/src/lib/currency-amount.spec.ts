import fc from "fast-check"
import { currencyDigits, fromMinorUnits, toMinorUnits } from "./currency-amount"

describe("currencyDigits", () => {
  it("knows ISO 4217 decimals from ICU (TND 3, EUR 2, JPY 0), any case", () => {
    expect(currencyDigits("TND")).toBe(3)
    expect(currencyDigits("tnd")).toBe(3)
    expect(currencyDigits("KWD")).toBe(3)
    expect(currencyDigits("EUR")).toBe(2)
    expect(currencyDigits("usd")).toBe(2)
    expect(currencyDigits("JPY")).toBe(0)
  })

  it("prefers the given table (Medusa's currency list) when it knows the code", () => {
    expect(currencyDigits("mnt", { MNT: { decimal_digits: 0 } })).toBe(0)
    expect(currencyDigits("tnd", { EUR: { decimal_digits: 2 } })).toBe(3)
  })

  it("refuses something that is not a currency code", () => {
    expect(() => currencyDigits("dinar")).toThrow(
      '"dinar" is not a currency code'
    )
    expect(() => currencyDigits("")).toThrow(RangeError)
  })
})

describe("toMinorUnits", () => {
  it("scales by 10^digits", () => {
    expect(toMinorUnits(12.5, 3)).toBe(12500)
    expect(toMinorUnits(12.5, 2)).toBe(1250)
    expect(toMinorUnits(1200, 0)).toBe(1200)
    expect(toMinorUnits(0.001, 3)).toBe(1)
    expect(toMinorUnits(-3.25, 3)).toBe(-3250)
    expect(toMinorUnits(0, 3)).toBe(0)
  })

  it("rounds the decimal value, not its binary approximation", () => {
    expect(toMinorUnits(1.0005, 3)).toBe(1001)
    expect(toMinorUnits(1.005, 2)).toBe(101)
    expect(toMinorUnits(19.999, 3)).toBe(19999)
    expect(toMinorUnits(12.3456, 3)).toBe(12346)
  })

  it("refuses values that are not finite numbers", () => {
    expect(() => toMinorUnits(NaN, 3)).toThrow('"NaN" is not a number')
    expect(() => toMinorUnits(Infinity, 3)).toThrow(RangeError)
    expect(() => toMinorUnits(1e20, 3)).toThrow("too large")
  })
})

describe("fromMinorUnits", () => {
  it("writes exactly `digits` decimals", () => {
    expect(fromMinorUnits(12500, 3)).toBe("12.500")
    expect(fromMinorUnits(5, 3)).toBe("0.005")
    expect(fromMinorUnits(1250, 2)).toBe("12.50")
    expect(fromMinorUnits(1200, 0)).toBe("1200")
    expect(fromMinorUnits(-3250, 3)).toBe("-3.250")
    expect(fromMinorUnits(0, 3)).toBe("0.000")
  })

  it("refuses non-integer amounts", () => {
    expect(() => fromMinorUnits(12.5, 3)).toThrow("not an integer amount")
  })

  it("round-trips through toMinorUnits(parseFloat(...))", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom(0, 2, 3),
        (minor, digits) => {
          expect(
            toMinorUnits(parseFloat(fromMinorUnits(minor, digits)), digits)
          ).toBe(minor)
        }
      )
    )
  })
})
