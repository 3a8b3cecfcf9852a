/**
 * Price watch through the real server against the local supplier site:
 * JSON-LD, several offers (matched by MPN), OpenGraph (EUR), microdata, a
 * CSS selector, a JavaScript-rendered page (real Chromium), robots.txt that
 * disallows and robots.txt answering 500, conditional GET, alerts against
 * our own TND price.
 */
import fs from "fs"

import { PAGES } from "../../plugins/prospector/src/lib/__fixtures__/supplier-pages"
import {
  SupplierSite,
  startSupplierSite,
} from "../../plugins/prospector/src/lib/__fixtures__/supplier-site"
import { api, createPricedVariant } from "./helpers"

const hasChromium = fs.existsSync(
  process.env.CHROMIUM_PATH || "/usr/bin/chromium"
)

let site: SupplierSite
let variantId: string
let productId: string
const pageIds: Record<string, string> = {}

async function watch(pageIdsToCheck?: string[]) {
  const res = await api(
    "POST",
    "/admin/prospector/watch-runs",
    pageIdsToCheck ? { page_ids: pageIdsToCheck } : {}
  )
  if (res.status !== 201) {
    throw new Error(`watch-runs answered ${res.status}: ${res.text}`)
  }
  return res.json.run
}

async function lastObservation(id: string) {
  const res = await api(
    "GET",
    `/admin/prospector/observations?watched_page_id=${id}&limit=1`
  )
  return res.json.observations[0]
}

beforeAll(async () => {
  site = await startSupplierSite({ robots: "disallow" })
  ;({ productId, variantId } = await createPricedVariant({
    title: "Plaquettes de frein avant Peugeot 208 (test veille)",
    variant: "Standard",
    sku: "PW-BRK-208",
    amount: 95000,
  }))
  const pages: Array<[string, Record<string, unknown>]> = [
    [
      "jsonLd",
      {
        url: `${site.baseUrl}/p/jsonLd`,
        supplier: "Fournisseur JSON-LD",
        sku: "PW-BRK-208",
        offer_sku: "BRK-208-AV",
      },
    ],
    [
      "severalOffers",
      {
        url: `${site.baseUrl}/p/severalOffers`,
        supplier: "Filtres SA",
        offer_mpn: "W 719/30",
      },
    ],
    [
      "openGraph",
      {
        url: `${site.baseUrl}/p/openGraph`,
        supplier: "Euro Pièces",
        currency: "EUR",
        kind: "competitor",
      },
    ],
    [
      "microdata",
      { url: `${site.baseUrl}/p/microdata`, supplier: "Amortisseurs SARL" },
    ],
    [
      "plain",
      {
        url: `${site.baseUrl}/p/plain`,
        supplier: "Courroies",
        selector: ".prix",
        stock_selector: ".stock",
      },
    ],
    ["secret", { url: `${site.baseUrl}/p/secret`, supplier: "Caché" }],
  ]
  if (hasChromium) {
    pages.push([
      "jsRendered",
      {
        url: `${site.baseUrl}/p/jsRendered`,
        supplier: "Radiateurs JS",
        needs_js: true,
        offer_sku: "RAD-301",
      },
    ])
  }
  for (const [name, body] of pages) {
    const res = await api("POST", "/admin/prospector/watched-pages", body)
    if (res.status !== 201) {
      throw new Error(
        `cannot create watched page ${name}: ${res.status} ${res.text}`
      )
    }
    pageIds[name] = res.json.watched_page.id
  }
})

afterAll(async () => {
  await site?.close()
})

describe("price watch", () => {
  it("validates watched pages with clear errors", async () => {
    const bad = await api("POST", "/admin/prospector/watched-pages", {
      url: "ftp://x/y",
      supplier: "X",
    })
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/^url: only http and https/)
    const noSku = await api("POST", "/admin/prospector/watched-pages", {
      url: `${site.baseUrl}/p/x`,
      supplier: "X",
      sku: "NOPE-404",
    })
    expect(noSku.status).toBe(400)
    expect(noSku.json.message).toMatch(/sku: no variant with SKU "NOPE-404"/)
    const unknown = await api("POST", "/admin/prospector/watched-pages", {
      url: `${site.baseUrl}/p/x`,
      supplier: "X",
      price: 12,
    })
    expect(unknown.status).toBe(400)
    expect(unknown.json.message).toMatch(
      /^price: unknown field \(allowed: url, supplier, kind, /
    )
    const detail = await api(
      "GET",
      `/admin/prospector/watched-pages/${pageIds.jsonLd}`
    )
    expect(detail.json.watched_page).toMatchObject({
      variant_id: variantId,
      sku: "PW-BRK-208",
      currency: "TND",
    })
  })

  it("one pass: every extraction method, robots obeyed, alerts against our price", async () => {
    const ids = Object.values(pageIds)
    const run = await watch(ids)
    expect(run.status).toBe("completed")
    expect(run.summary).toMatchObject({
      pages: ids.length,
      ok: ids.length - 1,
      disallowed: 1,
      errors: 0,
      no_price: 0,
    })

    expect(await lastObservation(pageIds.jsonLd)).toMatchObject({
      amount: "89900",
      currency: "TND",
      in_stock: true,
      method: "json-ld",
    })
    expect(await lastObservation(pageIds.severalOffers)).toMatchObject({
      amount: "21750",
      in_stock: false,
      method: "json-ld",
      matched_by: "mpn",
    })
    expect(await lastObservation(pageIds.openGraph)).toMatchObject({
      amount: "4590",
      currency: "EUR",
      in_stock: false,
      method: "opengraph",
    })
    expect(await lastObservation(pageIds.microdata)).toMatchObject({
      amount: "135500",
      currency: "TND",
      method: "microdata",
    })
    expect(await lastObservation(pageIds.plain)).toMatchObject({
      amount: "1250000",
      currency: "TND",
      in_stock: false,
      method: "selector",
    })
    if (hasChromium) {
      expect(await lastObservation(pageIds.jsRendered)).toMatchObject({
        amount: "389000",
        method: "json-ld",
        via: "browser",
      })
    }

    // robots.txt disallows /p/secret: never requested
    expect(site.hits("/p/secret")).toBe(0)
    const secret = await api(
      "GET",
      `/admin/prospector/watched-pages/${pageIds.secret}`
    )
    expect(secret.json.watched_page).toMatchObject({
      last_status: "disallowed",
    })
    expect(secret.json.watched_page.last_error).toMatch(/robots\.txt/)
    // an honest User-Agent on every request
    expect(
      site.requests.every((r) =>
        /ShabouPriceBot\/[\d.]+ \(\+https?:\/\//.test(r.userAgent ?? "")
      )
    ).toBe(true)

    // 89.900 DT < our 95.000 DT: alert
    const alerts = await api(
      "GET",
      `/admin/prospector/alerts?watched_page_id=${pageIds.jsonLd}`
    )
    expect(alerts.json.alerts.map((a: any) => a.kind)).toEqual([
      "below_our_price",
    ])
    expect(alerts.json.alerts[0].details).toMatchObject({
      our_price: { amount: 95000, currency: "TND" },
      current: { amount: 89900, currency: "TND" },
    })
  })

  it("uses conditional GET, then alerts on a price move above the threshold", async () => {
    const httpIds = [
      "jsonLd",
      "severalOffers",
      "openGraph",
      "microdata",
      "plain",
    ].map((n) => pageIds[n])
    const second = await watch(httpIds)
    expect(second.summary).toMatchObject({ not_modified: 5, ok: 0 })
    const conditional = site.requests.filter((r) => r.path === "/p/jsonLd")
    expect(conditional[conditional.length - 1]).toMatchObject({
      status: 304,
      ifNoneMatch: expect.stringMatching(/^"/),
    })

    site.setPage("/p/jsonLd", PAGES.jsonLd.replace('"89.900"', '"99.900"'))
    const third = await watch([pageIds.jsonLd])
    expect(third.summary).toMatchObject({ ok: 1, alerts: 1 })
    expect(await lastObservation(pageIds.jsonLd)).toMatchObject({
      amount: "99900",
    })
    const alerts = await api(
      "GET",
      `/admin/prospector/alerts?watched_page_id=${pageIds.jsonLd}&kind=price_move`
    )
    expect(alerts.json.alerts).toHaveLength(1)
    expect(alerts.json.alerts[0]).toMatchObject({
      kind: "price_move",
      details: { direction: "up", change_percent: 11.1 },
    })
    const ack = await api(
      "POST",
      `/admin/prospector/alerts/${alerts.json.alerts[0].id}`,
      {}
    )
    expect(ack.json.alert.acknowledged_at).toBeTruthy()
  })

  it("reads the supplier prices of one of our products (the product page's price chart)", async () => {
    const pages = await api(
      "GET",
      `/admin/prospector/watched-pages?product_id=${productId}`
    )
    expect(pages.status).toBe(200)
    expect(pages.json.watched_pages.map((p: any) => p.id)).toEqual([
      pageIds.jsonLd,
    ])
    expect(
      (
        await api(
          "GET",
          `/admin/prospector/watched-pages?variant_id=${variantId}`
        )
      ).json.count
    ).toBe(1)

    const all = await api(
      "GET",
      `/admin/prospector/observations?watched_page_id=${pageIds.jsonLd}&limit=200`
    )
    const byProduct = await api(
      "GET",
      `/admin/prospector/observations?product_id=${productId}&limit=200`
    )
    expect(byProduct.status).toBe(200)
    expect(byProduct.json.count).toBe(all.json.count)
    expect(byProduct.json.count).toBeGreaterThanOrEqual(3)
    for (const o of byProduct.json.observations) {
      expect(o).toMatchObject({
        watched_page_id: pageIds.jsonLd,
        variant_id: variantId,
        supplier: "Fournisseur JSON-LD",
      })
    }
    expect(byProduct.json.observations[0]).toMatchObject({
      amount: "99900",
      currency: "TND",
    })
    expect(
      (
        await api(
          "GET",
          `/admin/prospector/observations?variant_id=${variantId}`
        )
      ).json.count
    ).toBe(all.json.count)
    expect(
      (
        await api(
          "GET",
          `/admin/prospector/observations?product_id=${productId}&since=2999-01-01`
        )
      ).json.count
    ).toBe(0)
    expect(
      (await api("GET", `/admin/prospector/observations?product_id=prod_nope`))
        .json.count
    ).toBe(0)
    const bad = await api(
      "GET",
      `/admin/prospector/observations?product_id=${productId}&since=hier`
    )
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/since/)
  })

  it("robots.txt answering 500 means disallow all: the page is never fetched", async () => {
    const broken = await startSupplierSite({ robots: { status: 500 } })
    try {
      const created = await api("POST", "/admin/prospector/watched-pages", {
        url: `${broken.baseUrl}/p/jsonLd`,
        supplier: "Robots 500",
      })
      const run = await watch([created.json.watched_page.id])
      expect(run.summary).toMatchObject({ disallowed: 1, ok: 0 })
      expect(broken.hits("/robots.txt")).toBe(1)
      expect(broken.hits("/p/jsonLd")).toBe(0)
      const del = await api(
        "DELETE",
        `/admin/prospector/watched-pages/${created.json.watched_page.id}`
      )
      expect(del.json).toMatchObject({ deleted: true })
      expect(
        (
          await api(
            "GET",
            `/admin/prospector/watched-pages/${created.json.watched_page.id}`
          )
        ).status
      ).toBe(404)
    } finally {
      await broken.close()
    }
  })
})
