import fs from "fs"
import { gotoAdmin, ownerPageForSuite, screenshot } from "../helpers/browser"
import { sql, testEnv } from "../helpers/env"
import { adminCall } from "../helpers/http"

jest.setTimeout(600000)

describe("Réassort and the demand forecast widget", () => {
  let variant: { id: string; product_id: string; sku: string }

  beforeAll(async () => {
    // the part with the most sales, out of stock: the run must ask to order it
    ;[variant] = await sql(
      `SELECT pv.id, pv.product_id, pv.sku FROM orion_sales_history h JOIN product_variant pv ON pv.id = h.variant_id
       WHERE pv.deleted_at IS NULL AND pv.manage_inventory GROUP BY pv.id ORDER BY sum(h.qty) DESC LIMIT 1`
    )
    const upd = await adminCall(
      "POST",
      `/admin/products/${variant.product_id}/variants/${variant.id}`,
      { inventory_quantity: 0 }
    )
    expect(upd.status).toBe(200)
  })

  // opened once the suite's data is ready
  const owner = ownerPageForSuite({
    viewport: { width: 1440, height: 1100 },
    acceptDownloads: true,
  })

  it("runs a forecast from the page and shows its progress, then the parts to order", async () => {
    const before =
      (await adminCall("GET", "/admin/orion/runs?limit=1")).body.runs[0]?.id ??
      null
    await gotoAdmin(owner.page, `${testEnv().baseUrl}/app/a/reassort`)
    await owner.page
      .getByRole("heading", { name: "Réassort" })
      .waitFor({ timeout: 60000 })
    await owner.page
      .getByRole("button", { name: "Lancer une prévision" })
      .click()
    await owner.page.getByText(/Prévision en cours/).waitFor({ timeout: 30000 })
    await screenshot(owner.page, "reassort-run-progress")
    await owner.page
      .getByText(/Dernière prévision terminée le/)
      .waitFor({ timeout: 480000 })
    const runs = (await adminCall("GET", "/admin/orion/runs?limit=1")).body.runs
    expect(runs[0].id).not.toBe(before)
    expect(runs[0]).toMatchObject({
      status: "succeeded",
      trigger: "manual",
      progress: 1,
    })

    // the run is shown as finished before its older forecasts are pruned and its accuracy work settles: the
    // list is read once it no longer changes, and the page is opened again to show that list
    const restock = async () =>
      (await adminCall("GET", "/admin/orion/restock?limit=25")).body
    let list = await restock()
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 1000))
      const again = await restock()
      const key = (l: any) =>
        JSON.stringify(
          l.suggestions.map((x: any) => [
            x.product_id,
            x.sku,
            x.stockout_date ?? null,
          ])
        )
      const same = key(again) === key(list)
      list = again
      if (same) break
    }
    expect(list.count).toBeGreaterThan(0)
    await gotoAdmin(owner.page, `${testEnv().baseUrl}/app/a/reassort`)
    const rows = owner.page.getByTestId("reassort-row")
    await rows.first().waitFor({ timeout: 60000 })
    expect(await rows.count()).toBe(list.suggestions.length)
    // same order as the API (stock-out date, then value), each linked to its product page
    for (let i = 0; i < Math.min(5, list.suggestions.length); i++) {
      const s = list.suggestions[i]
      const link = rows.nth(i).locator("a").first()
      expect(await link.getAttribute("href")).toBe(
        `/app/a/products/${s.product_id}`
      )
      expect(await rows.nth(i).textContent()).toContain(s.sku)
    }
    // the accuracy widget's figures (WQL, MASE…) are allowed in its details line only
    const details = (
      await owner.page.getByTestId("accuracy-details").allTextContents()
    ).join("")
    const pageText = (
      (await owner.page.locator("body").textContent()) ?? ""
    ).replace(details, "")
    for (const jargon of [
      "quantile",
      "WQL",
      "MASE",
      "nb(k",
      "p90",
      "reorder point",
    ]) {
      expect(pageText).not.toContain(jargon)
    }
    expect(pageText).toContain("à commander")
    await screenshot(owner.page, "reassort-list")
  })

  it("filters by brand and exports the order suggestions as CSV", async () => {
    const [fp] = await sql(
      `SELECT fp.brand_id, b.name FROM fitment_product fp JOIN brand b ON b.id = fp.brand_id WHERE fp.product_id = $1`,
      [variant.product_id]
    )
    if (fp) {
      await owner.page.getByTestId("filter-brand").click()
      await owner.page
        .getByRole("option", { name: fp.name, exact: true })
        .click()
      const api1 = (
        await adminCall(
          "GET",
          `/admin/orion/restock?brand_id=${fp.brand_id}&limit=25`
        )
      ).body
      await owner.page.waitForFunction(
        (n) =>
          document.querySelectorAll('[data-testid="reassort-row"]').length ===
          n,
        api1.suggestions.length,
        { timeout: 30000 }
      )
      expect(
        await owner.page.getByTestId("reassort-row").first().textContent()
      ).toContain(fp.name)
    }
    const [download] = await Promise.all([
      owner.page.waitForEvent("download"),
      owner.page.getByRole("button", { name: /Exporter CSV/ }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(
      /^reassort-\d{4}-\d{2}-\d{2}\.csv$/
    )
    const file = await download.path()
    const csv = fs.readFileSync(file as string, "utf8")
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.slice(1).trim().split("\r\n")
    expect(lines[0].split(";")[0]).toBe("Référence")
    const expected = (
      await adminCall(
        "GET",
        `/admin/orion/restock?limit=1${fp ? `&brand_id=${fp.brand_id}` : ""}`
      )
    ).body.count
    expect(lines.length - 1).toBe(expected)
    expect(lines.some((l) => l.startsWith(`${variant.sku};`))).toBe(true)
  })

  it("explains the forecast on the product page in plain French with a fan chart", async () => {
    const fc = (
      await adminCall("GET", `/admin/orion/forecasts?variant_id=${variant.id}`)
    ).body
    const alert = (
      await adminCall(
        "GET",
        `/admin/orion/alerts?variant_id=${variant.id}&type=restock`
      )
    ).body.alerts[0]
    expect(alert.suggested_quantity).toBeGreaterThan(0)
    await gotoAdmin(
      owner.page,
      `${testEnv().baseUrl}/app/a/products/${variant.product_id}`
    )
    const widget = owner.page
      .locator('[data-testid="orion-variant-forecast"]', {
        hasText: variant.sku,
      })
      .first()
    await widget.waitFor({ timeout: 60000 })
    const advice =
      (await widget.getByTestId("orion-advice").textContent()) ?? ""
    const level = Math.round(fc.forecast.restock.service_level * 100)
    expect(advice.replace(/[\u00a0\u202f]/g, " ")).toMatch(
      new RegExp(
        `^À commander : ${alert.suggested_quantity} (avant le \\d{1,2} \\S+|dès maintenant) pour garder ${level} % de chances de ne pas être en rupture\\.$`
      )
    )
    expect(await widget.getByTestId("orion-stock").textContent()).toBe("0")
    expect(await widget.getByTestId("orion-reorder-point").textContent()).toBe(
      String(fc.forecast.restock.reorder_point)
    )
    // fan chart: sales history, mean line and the p10–p90 band
    const chart = widget.getByTestId("orion-fan-chart")
    await chart
      .locator(".recharts-wrapper > svg.recharts-surface")
      .waitFor({ timeout: 30000 })
    expect(await chart.locator(".recharts-area").count()).toBe(1)
    expect(await chart.locator(".recharts-line").count()).toBe(2)
    // model names only in the details line
    const details =
      (await widget.getByTestId("orion-details").textContent()) ?? ""
    expect(details).toContain(fc.forecast.model)
    const withoutDetails = ((await widget.textContent()) ?? "").replace(
      details,
      ""
    )
    expect(withoutDetails).not.toContain(fc.forecast.model)
    await widget.scrollIntoViewIfNeeded()
    await screenshot(owner.page, "reassort-product-forecast")
  })
})
