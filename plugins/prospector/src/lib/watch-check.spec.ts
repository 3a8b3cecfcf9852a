import {
  CheckedPage,
  comparableObservation,
  disallowedMessage,
  emptyWatchSummary,
  errorMessage,
  pageAlertRules,
  pageExtractOptions,
  pageFetchOptions,
  skippedMessage,
} from "./watch-check"
import { zeros } from "./__fixtures__/zeros"

const page: CheckedPage = {
  offer_sku: "BP-1",
  offer_mpn: null,
  offer_gtin: "3165143456789",
  selector: ".price",
  stock_selector: ".stock",
  needs_js: false,
  currency: "eur",
  threshold_percent: null,
  margin_percent: null,
  etag: '"v1"',
  last_modified: "Mon, 01 Jun 2026 10:00:00 GMT",
}

const defaults = {
  alertThresholdPercent: 5,
  alertMarginPercent: 0,
  alertMarginAmount: 500,
}

describe("emptyWatchSummary", () => {
  it("counts the pages and nothing else yet", () => {
    expect(emptyWatchSummary(3)).toEqual({
      pages: 3,
      ...zeros(
        "ok not_modified disallowed no_price errors observations alerts"
      ),
    })
  })
})

describe("pageFetchOptions", () => {
  it("sends the page's validators; plain pages wait for no selector", () => {
    expect(pageFetchOptions(page)).toEqual({
      previous: {
        etag: '"v1"',
        last_modified: "Mon, 01 Jun 2026 10:00:00 GMT",
      },
      needs_js: false,
      waitForSelector: null,
    })
  })

  it("JavaScript pages wait for the price selector", () => {
    expect(pageFetchOptions({ ...page, needs_js: true }).waitForSelector).toBe(
      ".price"
    )
  })
})

describe("pageExtractOptions", () => {
  it("looks for the page's offer identifiers and selectors in its currency", () => {
    expect(pageExtractOptions(page)).toEqual({
      identifiers: { sku: "BP-1", mpn: null, gtin: "3165143456789" },
      selector: ".price",
      stockSelector: ".stock",
      defaultCurrency: "EUR",
    })
  })

  it("defaults to TND when the page's currency is unknown", () => {
    expect(
      pageExtractOptions({ ...page, currency: "XYZ" }).defaultCurrency
    ).toBe("TND")
  })
})

describe("pageAlertRules", () => {
  it("uses the configured thresholds when the page sets none", () => {
    expect(pageAlertRules(page, defaults)).toEqual({
      threshold_percent: 5,
      margin_percent: 0,
      margin_amount: 500,
      notify_restock: true,
    })
  })

  it("the page's own thresholds win, 0 included", () => {
    expect(
      pageAlertRules({ threshold_percent: 0, margin_percent: 10 }, defaults)
    ).toEqual({
      threshold_percent: 0,
      margin_percent: 10,
      margin_amount: 500,
      notify_restock: true,
    })
  })
})

describe("comparableObservation", () => {
  it("reads a stored bigint amount as a number", () => {
    expect(
      comparableObservation({
        amount: "125000",
        currency: "TND",
        in_stock: null,
      })
    ).toEqual({ amount: 125000, currency: "TND", in_stock: null })
  })

  it("is null without a previous observation", () => {
    expect(comparableObservation(null)).toBeNull()
  })
})

describe("page messages", () => {
  it("names the robots rule and the blocked URL", () => {
    expect(
      disallowedMessage({
        reason: "disallowed by Disallow: /private",
        blocked_url: "https://example.tn/private/p1",
      })
    ).toBe(
      "robots.txt: disallowed by Disallow: /private (https://example.tn/private/p1)"
    )
  })

  it("joins the skipped rules, or null when none", () => {
    expect(skippedMessage([])).toBeNull()
    expect(skippedMessage(["a", "b"])).toBe("a; b")
  })

  it("takes an error's message, or the thrown value itself", () => {
    expect(errorMessage(new Error("boom"))).toBe("boom")
    expect(errorMessage("plain")).toBe("plain")
    expect(errorMessage(null)).toBe("null")
  })
})
