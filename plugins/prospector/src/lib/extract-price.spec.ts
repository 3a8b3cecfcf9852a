import { PAGES } from "./__fixtures__/supplier-pages"
import { extractPrice, parseAvailability } from "./extract-price"

describe("extractPrice", () => {
  it("reads JSON-LD Product/Offer first", () => {
    expect(extractPrice(PAGES.jsonLd)).toEqual({
      found: true,
      amount: 89900,
      currency: "TND",
      in_stock: true,
      method: "json-ld",
    })
  })

  it("chooses the offer whose sku, mpn or gtin matches among several (@graph)", () => {
    expect(
      extractPrice(PAGES.severalOffers, { identifiers: { sku: "OF-102" } })
    ).toEqual(
      expect.objectContaining({
        amount: 21750,
        in_stock: false,
        method: "json-ld",
        matched_by: "sku",
      })
    )
    expect(
      extractPrice(PAGES.severalOffers, { identifiers: { mpn: "hu716/2X" } })
    ).toEqual(
      expect.objectContaining({
        amount: 32000,
        in_stock: true,
        matched_by: "mpn",
      })
    )
    expect(
      extractPrice(PAGES.severalOffers, {
        identifiers: { gtin: "04011558738101" },
      })
    ).toEqual(
      expect.objectContaining({
        amount: 18500,
        in_stock: true,
        matched_by: "gtin",
      })
    )
  })

  it("refuses to guess between several offers", () => {
    const none = extractPrice(PAGES.severalOffers)
    expect(none.found).toBe(false)
    expect(!none.found && none.reason).toMatch(
      /^no price found: JSON-LD: 3 different prices/
    )
    const wrong = extractPrice(PAGES.severalOffers, {
      identifiers: { sku: "NOPE" },
      selector: "li",
    })
    expect(!wrong.found && wrong.reason).toMatch(
      /3 offer\(s\), none has sku NOPE/
    )
  })

  it("handles a top-level array and an AggregateOffer (lowest price)", () => {
    expect(extractPrice(PAGES.aggregate)).toEqual(
      expect.objectContaining({
        amount: 245000,
        currency: "TND",
        in_stock: null,
        method: "json-ld",
        aggregate: true,
      })
    )
  })

  it("falls back to OpenGraph price tags", () => {
    expect(extractPrice(PAGES.openGraph)).toEqual({
      found: true,
      amount: 4590,
      currency: "EUR",
      in_stock: false,
      method: "opengraph",
    })
  })

  it("falls back to microdata", () => {
    expect(extractPrice(PAGES.microdata)).toEqual(
      expect.objectContaining({
        amount: 135500,
        currency: "TND",
        in_stock: true,
        method: "microdata",
      })
    )
    expect(
      extractPrice(PAGES.microdataListing, {
        identifiers: { sku: "BOSCH-FR7DC" },
      })
    ).toEqual(
      expect.objectContaining({
        amount: 11200,
        in_stock: false,
        method: "microdata",
        matched_by: "sku",
      })
    )
    expect(
      extractPrice(PAGES.microdata, { identifiers: { mpn: "313980" } })
    ).toEqual(expect.objectContaining({ matched_by: "mpn" }))
  })

  it("uses the configured selector last, with a stock line", () => {
    expect(
      extractPrice(PAGES.plain, {
        selector: ".product-price .prix",
        stockSelector: ".stock",
      })
    ).toEqual({
      found: true,
      amount: 1250000,
      currency: "TND",
      in_stock: false,
      method: "selector",
    })
  })

  it("says clearly when there is no price", () => {
    const r = extractPrice(PAGES.noPrice, { selector: ".prix" })
    expect(r.found).toBe(false)
    expect(!r.found && r.reason).toBe(
      'no price found: JSON-LD: no offer with a price | OpenGraph: no product:price:amount or og:price:amount | microdata: no itemprop="price" | selector: ".prix" matches nothing'
    )
    expect(extractPrice(PAGES.plain).found).toBe(false)
  })

  it("finds nothing in the static HTML of the JavaScript page", () => {
    const r = extractPrice(PAGES.jsRendered, { selector: "#price-box .prix" })
    expect(r.found).toBe(false)
    expect(!r.found && r.reason).toMatch(/no number in "chargement…"/)
  })

  it("skips invalid JSON-LD and says so", () => {
    const html = `<script type="application/ld+json">{ not json</script><meta property="og:price:amount" content="10.000"><meta property="og:price:currency" content="TND">`
    expect(extractPrice(html)).toEqual(
      expect.objectContaining({ amount: 10000, method: "opengraph" })
    )
    const r = extractPrice(
      `<script type="application/ld+json">{ not json</script>`
    )
    expect(!r.found && r.reason).toMatch(/JSON-LD block 1 is not valid JSON/)
  })

  it("uses the default currency when the page gives none", () => {
    const html = `<script type="application/ld+json">{"@type":"Product","offers":{"@type":"Offer","price":"12.500"}}</script>`
    expect(extractPrice(html, { defaultCurrency: "TND" })).toEqual(
      expect.objectContaining({ amount: 12500, currency: "TND" })
    )
    const r = extractPrice(html)
    expect(!r.found && r.reason).toMatch(/no currency/)
  })

  it("reads priceSpecification and treats identical prices as one", () => {
    const html = `<script type="application/ld+json">[{"@type":"Product","sku":"A","offers":{"@type":"Offer","priceSpecification":{"@type":"UnitPriceSpecification","price":2879.2,"priceCurrency":"EUR"}}},{"@type":"Offer","price":"2879.20","priceCurrency":"EUR"}]</script>`
    expect(extractPrice(html)).toEqual(
      expect.objectContaining({
        amount: 287920,
        currency: "EUR",
        method: "json-ld",
      })
    )
  })
})

describe("parseAvailability", () => {
  it.each([
    ["https://schema.org/InStock", true],
    ["http://schema.org/OutOfStock", false],
    ["InStoreOnly", true],
    ["SoldOut", false],
    ["in stock", true],
    ["oos", false],
    ["", null],
    ["whatever", null],
  ])("%s -> %s", (value, expected) => {
    expect(parseAvailability(value)).toBe(expected)
  })
})
