import { optionsReader, resolveOptions } from "./options"

describe("resolveOptions", () => {
  it("uses defaults: Places base URL, budgets, Tunis time, honest user agent", () => {
    const o = resolveOptions({}, {})
    expect(o.googlePlacesApiKey).toBeNull()
    expect(o.googlePlacesBaseUrl).toBe("https://places.googleapis.com")
    expect(o.placesBudgetPerRun).toBe(100)
    expect(o.placesBudgetPerMonth).toBe(900)
    expect(o.timezone).toBe("Africa/Tunis")
    expect(o.userAgent).toMatch(/^ShabouPriceBot\/[\d.]+ \(\+https:\/\//)
  })

  it("plugin options win over the environment, the environment over defaults", () => {
    const env = {
      GOOGLE_PLACES_API_KEY: "env-key",
      PROSPECTOR_PLACES_BUDGET_PER_RUN: "7",
      GOOGLE_PLACES_BASE_URL: "http://127.0.0.1:9/",
    }
    const o = resolveOptions(
      { googlePlacesApiKey: "opt-key", placesBudgetPerMonth: 50 },
      env
    )
    expect(o.googlePlacesApiKey).toBe("opt-key")
    expect(o.placesBudgetPerRun).toBe(7)
    expect(o.placesBudgetPerMonth).toBe(50)
    expect(o.googlePlacesBaseUrl).toBe("http://127.0.0.1:9")
  })

  it("an empty option falls back to the environment", () => {
    expect(
      resolveOptions({ googlePlacesApiKey: "" }, { GOOGLE_PLACES_API_KEY: "k" })
        .googlePlacesApiKey
    ).toBe("k")
  })

  it.each([
    [
      { PROSPECTOR_PLACES_BUDGET_PER_RUN: "ten" },
      /placesBudgetPerRun \(env PROSPECTOR_PLACES_BUDGET_PER_RUN\): "ten" is not a number/,
    ],
    [
      { PROSPECTOR_PLACES_BUDGET_PER_MONTH: "-1" },
      /placesBudgetPerMonth .* below the minimum 0/,
    ],
    [{ PROSPECTOR_PLACES_BUDGET_PER_RUN: "2.5" }, /must be a whole number/],
    [
      { GOOGLE_PLACES_BASE_URL: "ftp://x" },
      /googlePlacesBaseUrl .* not an http\(s\) URL/,
    ],
    [{ PROSPECTOR_TIMEZONE: "Mars/Olympus" }, /not an IANA time zone/],
    [
      { PROSPECTOR_USER_AGENT: "Mozilla/5.0" },
      /must contain the robots product token "ShabouPriceBot"/,
    ],
    [{ PROSPECTOR_SHOP_LAT: "91" }, /shopLat .* above the maximum 90/],
  ])(
    "rejects bad values with the option and variable named (%j)",
    (env, message) => {
      expect(() => resolveOptions({}, env as Record<string, string>)).toThrow(
        message
      )
    }
  )
})

describe("optionsReader", () => {
  it("resolves the options at each call, with the environment as it is then", () => {
    const options = optionsReader({ placesBudgetPerMonth: 50 })
    const before = process.env.PROSPECTOR_PLACES_BUDGET_PER_RUN
    try {
      process.env.PROSPECTOR_PLACES_BUDGET_PER_RUN = "7"
      expect(options().placesBudgetPerRun).toBe(7)
      process.env.PROSPECTOR_PLACES_BUDGET_PER_RUN = "8"
      expect(options().placesBudgetPerRun).toBe(8)
      expect(options().placesBudgetPerMonth).toBe(50)
      expect(optionsReader(undefined)().placesBudgetPerMonth).toBe(
        resolveOptions({}).placesBudgetPerMonth
      )
    } finally {
      if (before === undefined) {
        delete process.env.PROSPECTOR_PLACES_BUDGET_PER_RUN
      } else {
        process.env.PROSPECTOR_PLACES_BUDGET_PER_RUN = before
      }
    }
  })
})
