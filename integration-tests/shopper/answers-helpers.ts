/**
 * Shared by the shopper answers tests (answers.test.ts): prices written as the messages write them, the shop's
 * WhatsApp number, demo variants and products to put in carts, and a cart's vehicle.
 */
import type Medusa from "@medusajs/medusa-js"
import { adminHeaders, sql, testEnv } from "../helpers/env"

/** 45500 → "45,500 DT", 1570443 → "1 570,443 DT". */
export const dt = (millimes: number) => {
  const [whole, frac] = (millimes / 1000).toFixed(3).split(".")
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ")},${frac} DT`
}

/** Sets the shop's WhatsApp number (store metadata) through the admin API. */
export async function setStoreWhatsApp(value: string): Promise<void> {
  const res = await fetch(`${testEnv().baseUrl}/admin/store`, {
    method: "POST",
    headers: { ...(await adminHeaders()), "content-type": "application/json" },
    body: JSON.stringify({ metadata: { whatsapp: value } }),
  })
  expect(res.status).toBe(200)
}

/** Variants in stock (10+) of published products priced in TND, cheapest first (from `minAmount` millimes), with SKU and price. */
export async function pricedVariants(
  limit: number,
  minAmount = 0
): Promise<
  Array<{
    variant_id: string
    sku: string
    title: string
    amount: number
    line_title: string
  }>
> {
  // the message names the variant only when its product has several ("Standard" alone says nothing)
  return await sql(
    `SELECT pv.id AS variant_id, pv.sku, p.title, min(ma.amount)::int AS amount,
            CASE WHEN (SELECT count(*) FROM product_variant v2 WHERE v2.product_id = p.id AND v2.deleted_at IS NULL) > 1
                 THEN p.title || ' – ' || pv.title ELSE p.title END AS line_title
       FROM product p JOIN product_variant pv ON pv.product_id = p.id AND pv.deleted_at IS NULL
       JOIN product_variant_money_amount pvma ON pvma.variant_id = pv.id
       JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL
      WHERE p.status = 'published' AND p.deleted_at IS NULL AND pv.sku IS NOT NULL
        AND (NOT pv.manage_inventory OR pv.allow_backorder OR pv.inventory_quantity >= 10)
      GROUP BY pv.id, pv.sku, p.id, p.title HAVING min(ma.amount) >= $2 ORDER BY min(ma.amount), pv.id LIMIT $1`,
    [limit, minAmount]
  )
}

/** A published product with several priced variants with SKUs (variant prices differ when possible). */
export async function productWithVariants(): Promise<{
  id: string
  handle: string
  title: string
}> {
  const [p] = await sql(
    `SELECT p.id, p.handle, p.title FROM product p
      WHERE p.status = 'published' AND p.deleted_at IS NULL
        AND (SELECT count(*) FROM product_variant pv WHERE pv.product_id = p.id AND pv.deleted_at IS NULL AND pv.sku IS NOT NULL) > 1
      ORDER BY (SELECT count(DISTINCT ma.amount) FROM product_variant pv JOIN product_variant_money_amount pvma ON pvma.variant_id = pv.id
                  JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL
                 WHERE pv.product_id = p.id AND pv.deleted_at IS NULL) DESC, p.handle LIMIT 1`
  )
  return p
}

/** Sets the first vehicle of the base on the cart (POST /store/carts/:id/vehicle); returns its id and the vehicle answered. */
export async function setCartVehicle(
  client: Medusa,
  cartId: string
): Promise<{ vehicleId: string; vehicle: any }> {
  const [{ id: vehicleId }] = await sql(
    `SELECT id FROM vehicle ORDER BY id LIMIT 1`
  )
  const { vehicle } = await client.client.request(
    "POST",
    `/store/carts/${cartId}/vehicle`,
    { vehicle_id: vehicleId }
  )
  return { vehicleId, vehicle }
}
