/**
 * Shared by the freshness tests (freshness.test.ts): every store read they make, recorded to check who answered,
 * the delays they measure, and the published product (with its vehicles, categories and brands) they change.
 */
import { sql } from "../helpers/env"
import { admin } from "../fitment/helpers"
import { ok, send, storeGet, visibleWithin, type StoreAnswer } from "./helpers"

export const tag = `fr${Date.now().toString(36)}`
export const seen: Array<{
  what: string
  catalogue: string | null
  status: number
}> = []
export const delays: Record<string, number> = {}

export async function read(path: string, what = path): Promise<StoreAnswer> {
  const res = await storeGet(path)
  seen.push({ what, catalogue: res.catalogue, status: res.status })
  return res
}

export async function searchIds(
  q: string,
  extra: Record<string, unknown> = {}
): Promise<string[]> {
  const res = await send({
    name: "search",
    method: "POST",
    path: "/store/products/search",
    body: { q, limit: 50, ...extra },
  })
  seen.push({
    what: `search ${q}`,
    catalogue: res.catalogue,
    status: res.status,
  })
  expect(res.status).toBe(200)
  return res.json.hits.map((h: any) => h.id)
}

export async function listIds(query: string): Promise<string[]> {
  const res = await read(`/store/products?${query}&limit=100`)
  expect(res.status).toBe(200)
  return res.json.products.map((p: any) => p.id)
}

export async function measured(
  what: string,
  change: () => Promise<unknown>,
  check: () => Promise<boolean | string>
) {
  await change()
  const since = Date.now()
  delays[what] = await visibleWithin(what, since, check)
}

/** where a storefront could meet the product: by id, by handle, in a text listing, a vehicle's listing, search */
export const nowhere = async (
  id: string,
  h: string,
  word: string,
  vehicle: string
) => {
  const byId = await read(`/store/products/${id}`)
  const byHandle = await read(`/store/products?handle=${h}`)
  return {
    byId: byId.status,
    byHandle: byHandle.json?.count,
    listed: (await listIds(`q=${encodeURIComponent(tag)}`)).includes(id),
    vehicle: (await listIds(`vehicle_id=${vehicle}`)).includes(id),
    search: (await searchIds(word)).includes(id),
  }
}
export const absent = {
  byId: 404,
  byHandle: 0,
  listed: false,
  vehicle: false,
  search: false,
}

export type FreshVehicle = {
  id: string
  make: string
  model: string
  year_from: number
  year_to: number | null
}

/** What the freshness tests change: a new published product, and the vehicles, categories and brands it moves between. */
export type Freshness = {
  regionId: string
  productId: string
  variantId: string
  sku: string
  handle: string
  vehicleA: FreshVehicle
  vehicleB: string
  categoryA: string
  categoryB: string
  parentB: string
  brandA: string
  brandB: string
}

/**
 * Creates the product (7 in stock at 20.000 TND, in category A, of brand A) and waits until the store reads it;
 * picks two vehicles it does not fit yet and two leaf categories under different parents.
 */
export async function createFreshProduct(): Promise<Freshness> {
  const [{ id: regionId }] = await sql(
    `SELECT id FROM region WHERE currency_code = 'tnd' LIMIT 1`
  )
  // two vehicles the new product does not fit yet, one of them with make/model/years for the CSV import
  const vehicles = await sql(
    `SELECT v.id, mk.name AS make, md.name AS model, v.year_from, v.year_to FROM vehicle v
       JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id
      WHERE EXISTS (SELECT 1 FROM fitment f WHERE f.vehicle_id = v.id)
      ORDER BY v.id LIMIT 2`
  )
  const vehicleA: FreshVehicle = vehicles[0]
  const vehicleB: string = vehicles[1].id
  // two leaf categories under different parents
  const cats =
    await sql(`SELECT DISTINCT ON (c.parent_category_id) c.id, c.parent_category_id AS parent FROM product_category c
      WHERE c.is_active AND NOT c.is_internal AND c.parent_category_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM product_category k WHERE k.parent_category_id = c.id)
      ORDER BY c.parent_category_id, c.id LIMIT 2`)
  const categoryA: string = cats[0].id
  const categoryB: string = cats[1].id
  const parentB: string = cats[1].parent
  const brands = await sql(`SELECT id FROM brand ORDER BY id LIMIT 2`)
  const brandA: string = brands[0].id
  const brandB: string = brands[1].id

  const sku = `FRESH-${tag}`.toUpperCase()
  const created = ok(
    await admin("POST", "/admin/products", {
      title: `Rotule fraîcheur ${tag}`,
      handle: `rotule-${tag}`,
      status: "published",
      options: [{ title: "Version" }],
      variants: [
        {
          title: "Standard",
          sku,
          inventory_quantity: 7,
          manage_inventory: true,
          prices: [{ currency_code: "tnd", amount: 20000 }],
          options: [{ value: "Standard" }],
        },
      ],
    }),
    "product"
  )
  const productId: string = created.product.id
  const variantId: string = created.product.variants[0].id
  const handle: string = created.product.handle
  ok(
    await admin(
      "POST",
      `/admin/product-categories/${categoryA}/products/batch`,
      { product_ids: [{ id: productId }] }
    ),
    "category"
  )
  ok(
    await admin("POST", `/admin/products/${productId}/brand`, {
      brand_id: brandA,
    }),
    "brand"
  )
  // a published product must be readable before the changes start (the model took the creation in)
  await visibleWithin(
    "new product",
    Date.now(),
    async () => (await read(`/store/products/${productId}`)).status === 200,
    { deadline: 5000 }
  )
  return {
    regionId,
    productId,
    variantId,
    sku,
    handle,
    vehicleA,
    vehicleB,
    categoryA,
    categoryB,
    parentB,
    brandA,
    brandB,
  }
}
