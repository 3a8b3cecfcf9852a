/**
 * The shopper suites' shared part: a guest medusa-js client, signed-in customers of their own, and the demo
 * data they need (a vehicle with a part that fits it, a part with fitment data that does not, a vehicle no
 * part is linked to, a Renault of 2016 and a Peugeot).
 */
import Medusa from "@medusajs/medusa-js"
import { sql, storeClient, testEnv } from "../helpers/env"

/** Enough stock to order a few. */
const inStock = `(NOT pv.manage_inventory OR pv.allow_backorder OR pv.inventory_quantity >= 10)`

/** A link that holds for its vehicle's own engine (or one of them has no engine code). */
const sameEngine = `(f.engine_code IS NULL OR v.engine_code IS NULL
  OR upper(regexp_replace(f.engine_code, '[^A-Za-z0-9]', '', 'g')) = upper(regexp_replace(v.engine_code, '[^A-Za-z0-9]', '', 'g')))`

export const guest = storeClient()

/** Each run signs up customers of its own (the test database may be reused). */
const RUN = Date.now().toString(36)

export async function signedIn(name: string): Promise<Medusa> {
  const email = `${name}-${RUN}@example.tn`
  await guest.customers.create({
    first_name: "Amel",
    last_name: "Trabelsi",
    email,
    password: "motdepasse-2026",
  })
  const { access_token } = await guest.auth.getToken({
    email,
    password: "motdepasse-2026",
  })
  return new Medusa({
    baseUrl: testEnv().baseUrl,
    maxRetries: 0,
    customHeaders: { Authorization: `Bearer ${access_token}` },
  })
}

export type DemoPicks = {
  fitVehicle: string
  fitVariant: string
  otherVariant: string
  noDataVehicle: string
  renault2016: string
  peugeot: string
}

/** Demo data: a vehicle with a part that fits it, a part with fitment data that does not, a vehicle no part is linked to. */
export async function demoPicks(): Promise<DemoPicks> {
  const priced = `EXISTS (SELECT 1 FROM product_variant_money_amount pvma JOIN money_amount ma ON ma.id = pvma.money_amount_id
                   WHERE pvma.variant_id = pv.id AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL) AND ${inStock}`
  const [fit] = await sql(
    `SELECT f.vehicle_id, pv.id AS variant_id FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id
       JOIN product p ON p.id = f.product_id AND p.status = 'published' AND p.deleted_at IS NULL
       JOIN product_variant pv ON pv.product_id = p.id AND pv.deleted_at IS NULL
      WHERE ${sameEngine} AND ${priced}
        AND NOT EXISTS (SELECT 1 FROM fitment_product fp WHERE fp.product_id = p.id AND fp.is_universal)
      ORDER BY p.handle, f.vehicle_id LIMIT 1`
  )
  const fitVehicle = fit.vehicle_id
  const fitVariant = fit.variant_id
  const [{ id: otherVariant }] = await sql(
    `SELECT pv.id FROM product p JOIN product_variant pv ON pv.product_id = p.id AND pv.deleted_at IS NULL
      WHERE p.status = 'published' AND p.deleted_at IS NULL AND ${priced}
        AND EXISTS (SELECT 1 FROM fitment f WHERE f.product_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM fitment f WHERE f.product_id = p.id AND f.vehicle_id = $1)
        AND NOT EXISTS (SELECT 1 FROM fitment_product fp WHERE fp.product_id = p.id AND fp.is_universal)
      ORDER BY p.handle LIMIT 1`,
    [fitVehicle]
  )
  const [{ id: noDataVehicle }] = await sql(
    `SELECT v.id FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id
      WHERE NOT EXISTS (SELECT 1 FROM fitment f WHERE f.vehicle_id = v.id) ORDER BY mk.name, v.id LIMIT 1`
  )
  const [{ id: renault2016 }] = await sql(
    `SELECT v.id FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id
      WHERE mk.name = 'Renault' AND v.year_from <= 2016 AND (v.year_to IS NULL OR v.year_to >= 2016) ORDER BY v.id LIMIT 1`
  )
  const [{ id: peugeot }] = await sql(
    `SELECT v.id FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id WHERE mk.name = 'Peugeot' ORDER BY v.id LIMIT 1`
  )
  return {
    fitVehicle,
    fitVariant,
    otherVariant,
    noDataVehicle,
    renault2016,
    peugeot,
  }
}
