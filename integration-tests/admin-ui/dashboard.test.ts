import type { Browser, Page } from "playwright-core"
import { formatAmount, formatNumber } from "../../src/admin/lib/format"
import {
  launchBrowser,
  loginAsOwner,
  PageWatch,
  screenshot,
  watchPage,
} from "../helpers/browser"
import { sql, testEnv } from "../helpers/env"
import { adminCall, call } from "../helpers/http"
import { placeOrder } from "../helpers/orders"

jest.setTimeout(300000)
const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? "").replace(
    /[\u00a0\u202f]/g,
    " "
  )
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ")

describe("Tableau de bord (the admin's first screen)", () => {
  let browser: Browser
  let page: Page
  let watch: PageWatch

  beforeAll(async () => {
    const [variant] = await sql(
      `SELECT pv.id FROM product_variant pv JOIN product p ON p.id = pv.product_id
       WHERE p.status = 'published' AND p.deleted_at IS NULL AND pv.deleted_at IS NULL AND pv.inventory_quantity > 10
       ORDER BY pv.sku DESC LIMIT 1`
    )
    await placeOrder(variant.id, 2, "dashboard@example.tn")
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
    watch = await watchPage(page)
  })

  afterAll(async () => {
    await browser?.close()
  })

  it("shows the shop's name and logo on the login page, with no data-sharing prompt after login", async () => {
    await page.goto(`${testEnv().baseUrl}/app/login`, {
      waitUntil: "networkidle",
    })
    const brand = page.getByTestId("shop-login-brand")
    await brand.waitFor({ timeout: 60000 })
    expect(await brand.textContent()).toContain("Shabou Auto Pièces")
    const logo = brand.locator("img")
    expect(await logo.getAttribute("src")).toBe("/logo.svg")
    expect(
      await logo.evaluate(
        (img: HTMLImageElement) => img.complete && img.naturalWidth > 0
      )
    ).toBe(true)
    const svg = await call("GET", "/logo.svg")
    expect(svg.status).toBe(200)
    expect(svg.headers.get("content-type")).toContain("image/svg+xml")
    expect(svg.text).toContain("Shabou Auto Pièces")
    await screenshot(page, "dashboard-login")

    await loginAsOwner(page)
    await page.waitForURL(/\/app\/a\/tableau-de-bord$/, { timeout: 60000 })
    await page.getByTestId("dashboard").waitFor({ timeout: 60000 })
    // Medusa's "help us improve" (analytics) prompt would cover the page: it must not be there
    await page.waitForTimeout(1500)
    expect(
      await page
        .getByText(/Help us improve|Aidez-nous à nous améliorer/i)
        .count()
    ).toBe(0)
  })

  it("shows the same figures as GET /admin/dashboard and the orders API, each linking to its screen", async () => {
    const { dashboard: d } = (await adminCall("GET", "/admin/dashboard")).body
    expect(norm(await text(page, "sales-today-value"))).toBe(
      norm(formatAmount(d.sales.today.amount, "tnd"))
    )
    expect(norm(await text(page, "sales-7-days-value"))).toBe(
      norm(formatAmount(d.sales.last_7_days.amount, "tnd"))
    )
    expect(norm(await text(page, "sales-30-days-value"))).toBe(
      norm(formatAmount(d.sales.last_30_days.amount, "tnd"))
    )
    expect(norm(await text(page, "orders-to-ship-value"))).toBe(
      norm(formatNumber(d.orders_to_ship))
    )
    expect(norm(await text(page, "out-of-stock-value"))).toBe(
      norm(formatNumber(d.out_of_stock_variants))
    )
    expect(norm(await text(page, "new-leads-value"))).toBe(
      norm(formatNumber(d.leads.new_this_week))
    )
    expect(norm(await text(page, "price-alerts-value"))).toBe(
      norm(formatNumber(d.price_alerts.unacknowledged))
    )

    // today's sales as the orders API gives them: Σ subtotal of today's non-canceled orders
    const orders = await adminCall(
      "GET",
      `/admin/orders?created_at[gte]=${encodeURIComponent(d.sales.today.from)}&fields=id,status,currency_code,created_at,subtotal&limit=500`
    )
    const today = orders.body.orders.filter(
      (o: any) => o.status !== "canceled" && o.currency_code === "tnd"
    )
    expect(today.length).toBeGreaterThanOrEqual(1)
    expect(norm(await text(page, "sales-today-value"))).toBe(
      norm(
        formatAmount(
          today.reduce((a: number, o: any) => a + o.subtotal, 0),
          "tnd"
        )
      )
    )
    expect(await text(page, "sales-today-value")).toMatch(/^\d[\d ]*,\d{3} DT$/)

    const href = async (testId: string) =>
      page.getByTestId(testId).locator("a").last().getAttribute("href")
    expect(await href("sales-today")).toBe("/app/a/orders")
    expect(await href("orders-to-ship")).toBe("/app/a/orders")
    expect(await href("out-of-stock")).toBe("/app/a/products")
    expect(await href("new-leads")).toBe("/app/a/prospects")
    expect(await href("price-alerts")).toBe("/app/a/veille-prix")
    expect(
      await page
        .getByTestId("restock-panel")
        .locator('a[href="/app/a/reassort"]')
        .count()
    ).toBe(1)
    // recent activity: our order, linked to its page
    const latest = d.activity.find((a: any) => a.kind === "order")
    expect(
      await page
        .getByTestId("activity-panel")
        .locator(`a[href="/app/a/orders/${latest.id}"]`)
        .count()
    ).toBe(1)
    expect(
      await page.getByRole("link", { name: "Tableau de bord" }).count()
    ).toBeGreaterThanOrEqual(1)
    await screenshot(page, "dashboard-main")

    // a link opens its screen
    await page
      .getByTestId("activity-panel")
      .locator(`a[href="/app/a/orders/${latest.id}"]`)
      .click()
    await page.waitForURL(new RegExp(`/app/a/orders/${latest.id}$`))
    expect(watch.outside).toEqual([])
    expect(watch.errors).toEqual([])
  })
})
