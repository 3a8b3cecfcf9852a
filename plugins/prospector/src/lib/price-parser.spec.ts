import {
  PriceParseError,
  formatPrice,
  parsePrice,
  tryParsePrice,
} from "./price-parser"

describe("parsePrice (human text)", () => {
  it.each([
    // TND: 3 decimals (millimes)
    ["1.250 DT", 1250, "TND"],
    ["1,250 DT", 1250, "TND"],
    ["1 250,000 DT", 1250000, "TND"],
    ["1\u00a0250,000\u00a0DT", 1250000, "TND"],
    ["1\u202f250,000 TND", 1250000, "TND"],
    ["1.250,000 DT", 1250000, "TND"],
    ["1,250.000 TND", 1250000, "TND"],
    ["1 250 DT", 1250000, "TND"],
    ["45 DT", 45000, "TND"],
    ["12,5 DT", 12500, "TND"],
    ["12.50 dt", 12500, "TND"],
    ["Prix : 89,900 DT TTC", 89900, "TND"],
    ["TND 35.000", 35000, "TND"],
    ["250 د.ت", 250000, "TND"],
    ["12,500 د.ت", 12500, "TND"],
    ["١٢٫٥٠٠ د.ت", 12500, "TND"],
    ["1.250.000 DT", 1250000000, "TND"],
    ["30 dinars", 30000, "TND"],
    ["120 دينار", 120000, "TND"],
    // EUR: 2 decimals (cents)
    ["12,50 €", 1250, "EUR"],
    ["€12.50", 1250, "EUR"],
    ["1.234,56 €", 123456, "EUR"],
    ["1,234.56 EUR", 123456, "EUR"],
    ["1.250 €", 125000, "EUR"],
    ["12,345 €", 1234500, "EUR"],
    ["1 250 €", 125000, "EUR"],
    ["99 euros", 9900, "EUR"],
    ["12,5 €", 1250, "EUR"],
    ["$ 19.99", 1999, "USD"],
  ])("%s -> %d %s", (text, amount, currency) => {
    expect(parsePrice(text)).toEqual({ amount, currency })
  })

  it.each([
    ["", /empty/],
    ["DT", /no number/],
    ["gratuit", /no number/],
    ["12,50", /no currency/],
    ["1.2345 DT", /more than 3 decimals/],
    ["12,3456 €", /more than 2 decimals/],
    ["1.25.0 DT", /grouping/],
    ["10 € ou 35 DT", /ambiguous currency/],
    ["-5 DT", /negative/],
  ])("rejects %j (%s)", (text, message) => {
    expect(() => parsePrice(text)).toThrow(PriceParseError)
    expect(() => parsePrice(text)).toThrow(message)
  })

  it("uses the default currency only when none is named", () => {
    expect(parsePrice("1.250", { defaultCurrency: "TND" })).toEqual({
      amount: 1250,
      currency: "TND",
    })
    expect(parsePrice("12,50", { defaultCurrency: "EUR" })).toEqual({
      amount: 1250,
      currency: "EUR",
    })
    expect(parsePrice("12,50 €", { defaultCurrency: "TND" })).toEqual({
      amount: 1250,
      currency: "EUR",
    })
  })

  it("refuses a text that contradicts the given currency", () => {
    expect(() => parsePrice("12,50 €", { currency: "TND" })).toThrow(
      /is in EUR but the currency given is TND/
    )
    expect(() => parsePrice("12", { currency: "XAF" })).toThrow(
      /unsupported currency/
    )
  })
})

describe("parsePrice (machine values: JSON-LD, microdata, OpenGraph)", () => {
  it.each([
    ["1250.000", "TND", 1250000],
    ["1.250", "TND", 1250],
    ["45", "TND", 45000],
    [1250, "TND", 1250000],
    [12.5, "EUR", 1250],
    ["2879.20", "EUR", 287920],
    ["2879.2", "EUR", 287920],
    ["19.99", "USD", 1999],
  ])("%j %s -> %d", (value, currency, amount) => {
    expect(
      parsePrice(value as string | number, { machine: true, currency })
    ).toEqual({ amount, currency })
  })

  it("rejects comma decimals in machine values", () => {
    expect(() =>
      parsePrice("12,50", { machine: true, currency: "EUR" })
    ).toThrow(/machine-format/)
  })
})

describe("helpers", () => {
  it("tryParsePrice returns null on bad input", () => {
    expect(tryParsePrice("n/a")).toBeNull()
    expect(tryParsePrice("3 DT")).toEqual({ amount: 3000, currency: "TND" })
  })

  it("formats minor units back", () => {
    expect(formatPrice({ amount: 1250000, currency: "TND" })).toBe(
      "1\u202f250,000 DT"
    )
    expect(formatPrice({ amount: 1250, currency: "EUR" })).toBe("12,50 €")
    expect(
      parsePrice(formatPrice({ amount: 987654321, currency: "TND" }))
    ).toEqual({ amount: 987654321, currency: "TND" })
  })
})
