/**
 * The product page widgets in a real browser (Debian Chromium), as the owner: pick the brand (search as you
 * type), add a fitment through the make → model → year → engine picker and edit it, add a part number then
 * its duplicate (French refusal), see the price chart (our price and a watched supplier's) and download the
 * price-history CSV. Every result is checked through the API; no console error; screenshots in .tmp/screenshots.
 */
import type { Browser, Page } from "playwright-core"
import {
  startSupplierSite,
  SupplierSite,
} from "../../plugins/prospector/src/lib/__fixtures__/supplier-site"
import {
  downloadFrom,
  launchBrowser,
  loginAsOwner,
  screenshot,
  watchConsole,
  gotoAdmin,
} from "../helpers/browser"
import { sql, testEnv } from "../helpers/env"
import { admin as api } from "../fitment/helpers"

const AREA = "product-widgets"

const store = async (path: string) =>
  (await fetch(`${testEnv().baseUrl}${path}`)).json() as Promise<any>

describe("product page widgets (brand, fitment, part numbers, price history)", () => {
  let browser: Browser
  let page: Page
  let seen: { errors: string[]; outside: string[] }
  let site: SupplierSite
  let productId: string
  let variantId: string
  let vehicle: {
    id: string
    make_id: string
    model_id: string
    year_from: number
  }
  let otherVehicle: string

  beforeAll(async () => {
    // a fresh product: 12,345 DT, then 13,500 DT (two rows of history)
    const created = await api("POST", "/admin/products", {
      title: "Plaquettes widget test",
      handle: "plaquettes-widget-test",
      status: "published",
      options: [{ title: "Version" }],
      variants: [
        {
          title: "Standard",
          sku: "WDG-PLQ-1",
          prices: [{ currency_code: "tnd", amount: 12345 }],
          options: [{ value: "Standard" }],
          inventory_quantity: 5,
        },
      ],
    })
    expect(created.status).toBe(200)
    productId = created.body.product.id
    variantId = created.body.product.variants[0].id
    const priced = await api(
      "POST",
      `/admin/products/${productId}/variants/${variantId}`,
      { prices: [{ currency_code: "tnd", amount: 13500 }] }
    )
    expect(priced.status).toBe(200)
    // a supplier page watched for this variant, checked once (local supplier site)
    site = await startSupplierSite({ robots: "allow" })
    const watched = await api("POST", "/admin/prospector/watched-pages", {
      url: `${site.baseUrl}/p/jsonLd`,
      supplier: "Fournisseur Widget",
      sku: "WDG-PLQ-1",
      offer_sku: "BRK-208-AV",
    })
    expect(watched.status).toBe(201)
    const pass = await api("POST", "/admin/prospector/watch-runs", {
      page_ids: [watched.body.watched_page.id],
    })
    expect(pass.body.run.summary).toMatchObject({ ok: 1 })
    // the vehicle to pick, and another one the part must not fit
    ;[vehicle] = await sql(
      `SELECT v.id, v.make_id, v.model_id, v.year_from FROM vehicle v JOIN vehicle_model md ON md.id = v.model_id
        WHERE v.engine IS NOT NULL ORDER BY md.name, v.year_from, v.id LIMIT 1`
    )
    ;[{ id: otherVehicle }] = await sql(
      `SELECT id FROM vehicle WHERE id <> $1 ORDER BY id LIMIT 1`,
      [vehicle.id]
    )

    browser = await launchBrowser()
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    })
    seen = await watchConsole(page)
    await loginAsOwner(page)
    // this test covers the product page: what the login screen logs (the admin's 401 probes before login)
    // belongs to the login screen's own test
    seen.errors.splice(0)
    await gotoAdmin(page, `${testEnv().baseUrl}/app/a/products/${productId}`)
    await page.getByTestId("product-brand-widget").waitFor({ timeout: 60000 })
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  it("picks the brand from the brand list, searching as the owner types; the store product carries it", async () => {
    const [bosch] = await sql(
      `SELECT id, name FROM brand WHERE handle = 'bosch'`
    )
    await page
      .getByTestId("product-brand-search")
      .pressSequentially("bos", { delay: 80 })
    const option = page
      .getByTestId("product-brand-options")
      .getByRole("button", { name: /^Bosch/ })
    await option.waitFor()
    await screenshot(page, AREA, "brand-search")
    await option.click()
    await page
      .getByTestId("product-brand-current")
      .filter({ hasText: "Bosch" })
      .waitFor()

    expect(
      (await api("GET", `/admin/products/${productId}/fitment?limit=1`)).body
        .brand_id
    ).toBe(bosch.id)
    const { product } = await store(`/store/products/${productId}`)
    expect(product.brand).toMatchObject({
      id: bosch.id,
      name: "Bosch",
      handle: "bosch",
    })
    const byBrand = await store(
      `/store/products?brand_id=${bosch.id}&id=${productId}`
    )
    expect(byBrand.products.map((p: any) => p.id)).toEqual([productId])
    const brands = await store(`/store/brands?q=bosch`)
    expect(brands.brands.map((b: any) => b.id)).toContain(bosch.id)
  })

  it("adds a fitment through the make → model → year → engine picker, then edits its quantity", async () => {
    await page.getByTestId("product-fitment-add-open").click()
    await page.getByTestId("fitment-pick-make").selectOption(vehicle.make_id)
    await page.getByTestId("fitment-pick-model").selectOption(vehicle.model_id)
    await page
      .getByTestId("fitment-pick-year")
      .selectOption(String(vehicle.year_from))
    await page.getByTestId("fitment-pick-vehicle").selectOption(vehicle.id)
    await page.getByTestId("fitment-new-position").selectOption("front")
    await page.getByTestId("fitment-new-quantity").fill("2")
    await page.getByTestId("fitment-new-note-fr").fill("Sauf étriers Brembo")
    await page.getByTestId("fitment-new-note-ar").fill("باستثناء مكابح بريمبو")
    await screenshot(page, AREA, "fitment-picker")
    await page.getByTestId("product-fitment-add-save").click()
    const row = page.getByTestId("product-fitment-row").first()
    await row.waitFor()
    await page
      .getByTestId("product-fitment-count")
      .filter({ hasText: "1 véhicule" })
      .waitFor()
    expect(
      await row.locator(`a[href$="/a/vehicules/${vehicle.id}"]`).count()
    ).toBe(1)
    expect(await row.locator('[dir="rtl"]').innerText()).toBe(
      "باستثناء مكابح بريمبو"
    )

    const fits = await store(
      `/store/products?vehicle_id=${vehicle.id}&id=${productId}`
    )
    expect(fits.products.map((p: any) => p.id)).toEqual([productId])
    expect(
      (
        await store(
          `/store/products?vehicle_id=${otherVehicle}&id=${productId}`
        )
      ).count
    ).toBe(0)
    const links = (await api("GET", `/admin/products/${productId}/fitment`))
      .body
    expect(links.count).toBe(1)
    expect(links.links[0]).toMatchObject({
      vehicle_id: vehicle.id,
      position: "front",
      quantity: 2,
      note_fr: "Sauf étriers Brembo",
      note_ar: "باستثناء مكابح بريمبو",
      source: "staff",
    })

    await row.getByRole("button", { name: "Modifier" }).click()
    await page.getByTestId("fitment-edit-quantity").fill("4")
    await page.getByTestId("fitment-edit-save").click()
    await page
      .getByTestId("product-fitment-row")
      .first()
      .getByRole("cell", { name: "4", exact: true })
      .waitFor()
    expect(
      (await api("GET", `/admin/products/${productId}/fitment`)).body.links[0]
    ).toMatchObject({ quantity: 4, position: "front" })
  })

  it("adds an OE number and refuses its duplicate with a French message from the API's 422", async () => {
    await page.getByTestId("part-number-type").selectOption("oe")
    await page.getByTestId("part-number-raw").fill("1609.412.480")
    await page.getByTestId("part-number-brand").fill("Peugeot")
    await page.getByTestId("part-number-add").click()
    await page
      .getByTestId("product-part-number-row")
      .filter({ hasText: "1609.412.480" })
      .waitFor()

    await page.getByTestId("part-number-raw").fill("1609 412 480")
    await page.getByTestId("part-number-add").click()
    const refusal = page.getByTestId("product-part-numbers-error")
    await refusal.waitFor()
    const text = await refusal.innerText()
    expect(text).toMatch(
      /^Référence refusée : OE \(constructeur\) 1609 412 480 \(Peugeot\) existe déjà pour ce produit\./
    )
    expect(text).toContain(
      'is already recorded for this product as "1609.412.480"'
    )
    await screenshot(page, AREA, "part-number-duplicate")
    // Chromium logs every 4xx answer: exactly one, the refusal asked for here, and nothing else is excused
    const refused = seen.errors.filter((e) =>
      /status of 422 .*\/admin\/products\/[^/]+\/part-numbers\)$/.test(e)
    )
    expect(refused).toHaveLength(1)
    seen.errors.splice(seen.errors.indexOf(refused[0]), 1)
    const numbers = (
      await api("GET", `/admin/products/${productId}/part-numbers`)
    ).body.part_numbers
    expect(numbers.map((n: any) => [n.type, n.raw, n.brand_name])).toEqual([
      ["oe", "1609.412.480", "Peugeot"],
    ])
  })

  it("shows the price chart (our price and the supplier's) and the changes in dinars, and downloads the CSV", async () => {
    const chart = page.getByTestId("price-history-chart")
    await chart.locator(".recharts-line").first().waitFor()
    expect(await chart.locator(".recharts-line").count()).toBe(2)
    const legend = await chart.locator(".recharts-legend-wrapper").innerText()
    expect(legend).toContain("WDG-PLQ-1 (notre prix)")
    expect(legend).toContain("Fournisseur Widget (WDG-PLQ-1)")
    const rows = page.getByTestId("price-history-row")
    expect(await rows.count()).toBe(2)
    expect(await rows.first().innerText()).toMatch(/12,345\sDT\s→\s13,500\sDT/)
    expect(await rows.nth(1).innerText()).toMatch(/—\s→\s12,345\sDT/)
    await chart.scrollIntoViewIfNeeded()
    await screenshot(page, AREA, "price-history")

    const download = await downloadFrom(
      page,
      page.getByTestId("price-history-csv")
    )
    expect(download.name).toBe("historique-prix-plaquettes-widget-test.csv")
    const csv = download.bytes.toString("utf8")
    const lines = csv.trim().split(/\r\n/)
    expect(lines[0]).toMatch(
      /^changed_at,product_id,variant_id,variant_sku,currency_code,/
    )
    const header = lines[0].split(",")
    const body = lines
      .slice(1)
      .map((l) =>
        Object.fromEntries(l.split(",").map((v, i) => [header[i], v]))
      )
    expect(
      body.map((r) => [r.variant_sku, r.change, r.old_amount, r.new_amount])
    ).toEqual([
      ["WDG-PLQ-1", "updated", "12345", "13500"],
      ["WDG-PLQ-1", "created", "", "12345"],
    ])
    expect(
      String(
        (
          await api(
            "GET",
            `/admin/products/${productId}/price-history?format=csv`
          )
        ).body
      ).trim()
    ).toBe(csv.trim())
  })

  it("had no console error on the product page", async () => {
    await screenshot(page, AREA, "product-page")
    expect(seen.errors).toEqual([])
  })
})
