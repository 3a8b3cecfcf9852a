/**
 * The order page's "Véhicule du client" widget, in a real browser, as the owner: the vehicle the customer ordered
 * for and each line's verdict at checkout (a part that does not fit is shown first and announced), the same as
 * GET /admin/orders/:id/fitment answers.
 */
import {
  gotoAdmin,
  ownerPageForSuite,
  screenshot,
  whenShown,
} from "../helpers/browser"
import { adminHeaders, sql, storeClient, testEnv } from "../helpers/env"
import { checkoutCart, tunisiaRegionId } from "../helpers/orders"

/** Enough stock to order a few. */
const inStock = `(NOT pv.manage_inventory OR pv.allow_backorder OR pv.inventory_quantity >= 10)`

/** A link that holds for its vehicle's own engine (or one of them has no engine code). */
const sameEngine = `(f.engine_code IS NULL OR v.engine_code IS NULL
  OR upper(regexp_replace(f.engine_code, '[^A-Za-z0-9]', '', 'g')) = upper(regexp_replace(v.engine_code, '[^A-Za-z0-9]', '', 'g')))`

jest.setTimeout(300000)

describe("order page: the customer's vehicle and the fit of each line", () => {
  const owner = ownerPageForSuite()

  it("shows the vehicle with its VIN, the line that does not fit first with the reason, the one that fits", async () => {
    const [fit] = await sql(
      `SELECT f.vehicle_id, pv.id AS variant_id, p.title FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id
         JOIN product p ON p.id = f.product_id AND p.status = 'published' AND p.deleted_at IS NULL
         JOIN product_variant pv ON pv.product_id = p.id AND pv.deleted_at IS NULL
        WHERE ${sameEngine} AND ${inStock} AND NOT EXISTS (SELECT 1 FROM fitment_product fp WHERE fp.product_id = p.id AND fp.is_universal)
          -- a Peugeot built for model year 2012, as the VIN given with it says (the cart checks they agree)
          AND v.make_id = (SELECT id FROM vehicle_make WHERE name = 'Peugeot') AND v.year_from - 1 <= 2012 AND (v.year_to IS NULL OR v.year_to >= 2012)
        ORDER BY p.handle DESC, f.vehicle_id LIMIT 1`
    )
    const [other] = await sql(
      `SELECT pv.id AS variant_id, p.title FROM product p JOIN product_variant pv ON pv.product_id = p.id AND pv.deleted_at IS NULL
        WHERE p.status = 'published' AND p.deleted_at IS NULL AND ${inStock} AND EXISTS (SELECT 1 FROM fitment f WHERE f.product_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM fitment f WHERE f.product_id = p.id AND f.vehicle_id = $1)
          AND NOT EXISTS (SELECT 1 FROM fitment_product fp WHERE fp.product_id = p.id AND fp.is_universal)
        ORDER BY p.handle DESC LIMIT 1`,
      [fit.vehicle_id]
    )
    const client = storeClient()
    let { cart } = await client.carts.create({
      region_id: await tunisiaRegionId(client),
    })
    ;({ cart } = await client.carts.lineItems.create(cart.id, {
      variant_id: fit.variant_id,
      quantity: 1,
    }))
    ;({ cart } = await client.carts.lineItems.create(cart.id, {
      variant_id: other.variant_id,
      quantity: 2,
    }))
    const { vehicle } = await client.client.request(
      "POST",
      `/store/carts/${cart.id}/vehicle`,
      { vehicle_id: fit.vehicle_id, vin: "VF3CA9HP0CW123456" }
    )
    const orderId = await checkoutCart(client, cart.id, "vehicule@example.tn")

    const api = await (
      await fetch(`${testEnv().baseUrl}/admin/orders/${orderId}/fitment`, {
        headers: await adminHeaders(),
      })
    ).json()
    const lineId = (verdict: string) =>
      api.lines.find((l: any) => l.verdict === verdict).line_item_id

    await gotoAdmin(owner.page, `${testEnv().baseUrl}/app/a/orders/${orderId}`)
    const widget = owner.page.getByTestId("order-vehicle-fitment")
    await whenShown(
      owner.page,
      widget.getByTestId("order-vehicle-label"),
      60000
    )
    await widget.scrollIntoViewIfNeeded()
    expect(await widget.getByTestId("order-vehicle-label").textContent()).toBe(
      vehicle.label
    )
    expect(await widget.textContent()).toContain("VIN VF3CA9HP0CW123456")
    expect(await widget.getByRole("status").textContent()).toContain(
      "1 article ne correspond pas à ce véhicule"
    )

    const rows = widget.locator("tbody tr")
    expect(await rows.count()).toBe(2)
    // the line that does not fit comes first
    expect(await rows.nth(0).getAttribute("data-testid")).toBe(
      `order-line-fitment-${lineId("does_not_fit")}`
    )
    const bad = await rows.nth(0).textContent()
    expect(bad).toContain(other.title)
    expect(bad).toContain("Non compatible")
    expect(bad).toContain(
      "la pièce a des données de compatibilité et ce véhicule n'y figure pas"
    )
    const good = await widget
      .getByTestId(`order-line-fitment-${lineId("fits")}`)
      .textContent()
    expect(good).toContain(fit.title)
    expect(good).toContain("Compatible")
    await screenshot(owner.page, "order-vehicle-fitment")
  })

  it("says so when the customer gave no vehicle", async () => {
    const [{ variant_id }] = await sql(
      `SELECT pv.id AS variant_id FROM product p JOIN product_variant pv ON pv.product_id = p.id AND pv.deleted_at IS NULL
        WHERE p.status = 'published' AND p.deleted_at IS NULL AND ${inStock} ORDER BY p.handle LIMIT 1`
    )
    const client = storeClient()
    let { cart } = await client.carts.create({
      region_id: await tunisiaRegionId(client),
    })
    ;({ cart } = await client.carts.lineItems.create(cart.id, {
      variant_id,
      quantity: 1,
    }))
    const orderId = await checkoutCart(
      client,
      cart.id,
      "sans-vehicule@example.tn"
    )
    await gotoAdmin(owner.page, `${testEnv().baseUrl}/app/a/orders/${orderId}`)
    const none = owner.page.getByTestId("order-vehicle-none")
    await whenShown(owner.page, none, 60000)
    expect(await none.textContent()).toContain(
      "Le client n'a pas indiqué de véhicule pour cette commande."
    )
  })
})
