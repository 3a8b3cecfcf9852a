import { gotoAdmin, ownerPageForSuite, screenshot } from "../helpers/browser"
import { sql, testEnv } from "../helpers/env"
import { adminCall } from "../helpers/http"
import { placeOrder } from "../helpers/orders"

jest.setTimeout(300000)
/** 124950 → "124.950": the admin's own (en-US) amount text with the currency's 3 decimals */
const threeDecimals = (millimes: number) =>
  (millimes / 1000).toLocaleString("en-US", {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  })

describe("dinars to the millime in Medusa's admin screens (patched admin UI)", () => {
  let product: { id: string; title: string; variant_id: string }

  beforeAll(async () => {
    ;[product] = await sql(
      `SELECT p.id, p.title, pv.id AS variant_id FROM product p JOIN product_variant pv ON pv.product_id = p.id AND pv.deleted_at IS NULL
       WHERE p.deleted_at IS NULL AND p.status = 'published'
         AND (SELECT count(*) FROM product_variant v2 WHERE v2.product_id = p.id AND v2.deleted_at IS NULL) = 1
         AND EXISTS (SELECT 1 FROM product_variant_money_amount pvma JOIN money_amount ma ON ma.id = pvma.money_amount_id
                     WHERE pvma.variant_id = pv.id AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL AND ma.region_id IS NULL)
       ORDER BY p.handle LIMIT 1`
    )
  })

  // opened once the suite's data is ready
  const owner = ownerPageForSuite()

  const tndPrice = async () => {
    const res = await adminCall("GET", `/admin/products/${product.id}`)
    const variant = res.body.product.variants.find(
      (v: any) => v.id === product.variant_id
    )
    return variant.prices.find(
      (p: any) => p.currency_code === "tnd" && !p.region_id && !p.price_list_id
    )?.amount
  }

  async function editTndPrice(typed: string) {
    await gotoAdmin(
      owner.page,
      `${testEnv().baseUrl}/app/a/products/${product.id}`
    )
    await owner.page
      .getByText(product.title)
      .first()
      .waitFor({ timeout: 60000 })
    // the variants section's "…" menu → Edit Prices: the spreadsheet-like price grid
    const section = owner.page
      .locator("div", {
        has: owner.page.getByRole("heading", { name: "Variants", exact: true }),
      })
      .last()
    await section.getByRole("button").first().click()
    await owner.page.getByText("Edit Prices", { exact: true }).click()
    await owner.page.getByText("Save and close").waitFor()
    const header = owner.page
      .locator('th:has(span:text-is("Price TND"))')
      .first()
    await header.waitFor()
    const col = await header.evaluate((th) =>
      Array.from(th.parentElement!.children).indexOf(th)
    )
    // the grid's table (the product page behind it has tables too): the first body row is the
    // product, then one row per variant
    const grid = owner.page.locator(
      'table:has(th:has(span:text-is("Price TND")))'
    )
    const cell = grid.locator("tbody tr").nth(1).locator("td").nth(col)
    await cell.dblclick()
    const input = cell.locator("input")
    await input.waitFor()
    await input.fill("")
    await input.type(typed, { delay: 30 })
    await owner.page.keyboard.press("Enter")
    await screenshot(
      owner.page,
      `dinars-price-grid-${typed.replace(/\W/g, "_")}`
    )
    await owner.page.getByText("Save and close").click()
    // "Saving changes" prompt: its Save button
    await owner.page.getByText("Saving changes").waitFor()
    await owner.page
      .getByRole("button", { name: "Save changes", exact: true })
      .click()
    await owner.page
      .getByText("Successfully updated variant prices")
      .waitFor({ timeout: 30000 })
  }

  it("stores 12,345 DT typed with a decimal comma as 12345 millimes", async () => {
    await editTndPrice("12,345")
    expect(await tndPrice()).toBe(12345)
  })

  it("stores 23.457 DT typed with a decimal point as 23457 millimes", async () => {
    await editTndPrice("23.457")
    expect(await tndPrice()).toBe(23457)
  })

  it("shows 3 decimals in the orders list and on the order's lines", async () => {
    const orderId = await placeOrder(
      product.variant_id,
      3,
      "millimes@example.tn"
    )
    const { order } = (await adminCall("GET", `/admin/orders/${orderId}`)).body
    await gotoAdmin(owner.page, `${testEnv().baseUrl}/app/a/orders`)
    const row = owner.page
      .locator("tr", { hasText: `#${order.display_id}` })
      .first()
    await row.waitFor({ timeout: 60000 })
    await expect(row.textContent()).resolves.toContain(
      threeDecimals(order.total)
    )
    await screenshot(owner.page, "dinars-orders-list")

    await gotoAdmin(owner.page, `${testEnv().baseUrl}/app/a/orders/${orderId}`)
    const item = order.items[0]
    await owner.page
      .getByText(`x ${item.quantity}`)
      .first()
      .waitFor({ timeout: 60000 })
    const body = await owner.page.locator("body").textContent()
    // the admin floors the unit amount to whole millimes before showing it
    expect(body).toContain(
      threeDecimals(Math.floor(item.total / item.quantity))
    )
    expect(body).toContain(threeDecimals(item.total))
    await screenshot(owner.page, "dinars-order-detail")
  })
})
