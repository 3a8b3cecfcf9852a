import { sql } from "../helpers/env"
import { adminCall } from "../helpers/http"

/** JSON request to the admin API as the seeded admin user; `body` is the answer's text when it is not JSON. */
export async function admin(
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: any }> {
  const reply = await adminCall(method, path, body)
  return {
    status: reply.status,
    body:
      reply.body === null && reply.text !== "null" ? reply.text : reply.body,
  }
}

/** POST /admin/fitment/imports as multipart, the way the admin UI or curl -F would send it. */
export async function upload(
  type: "vehicles" | "fitments",
  csv: string | Buffer,
  flags: { dry_run?: boolean; skip_invalid?: boolean; fileName?: string } = {}
): Promise<{ status: number; body: any }> {
  const form = new FormData()
  form.append("type", type)
  if (flags.dry_run) form.append("dry_run", "true")
  if (flags.skip_invalid) form.append("skip_invalid", "true")
  form.append(
    "file",
    new Blob([csv], { type: "text/csv" }),
    flags.fileName ?? `${type}.csv`
  )
  const reply = await adminCall("POST", "/admin/fitment/imports", undefined, {
    form,
  })
  return { status: reply.status, body: reply.body }
}

/** A vehicle as importVehicles reads it back. */
export type ImportedVehicle = {
  id: string
  model: string
  engine: string
  engine_code: string
}

/**
 * Imports the vehicles of `make` from CSV `rows` (make,model,year_from,year_to,engine,engine_code), expects the
 * import to answer 200, and reads back the make's vehicles; returns them with the import's summary.
 */
export async function importVehicles(
  make: string,
  rows: string[]
): Promise<{ summary: any; vehicles: ImportedVehicle[] }> {
  const csv = ["make,model,year_from,year_to,engine,engine_code", ...rows]
  const res = await upload("vehicles", csv.join("\n"))
  expect(res.status).toBe(200)
  const vehicles = await sql<ImportedVehicle>(
    `SELECT v.id, md.name AS model, v.engine, v.engine_code FROM vehicle v JOIN vehicle_model md ON md.id = v.model_id
     JOIN vehicle_make mk ON mk.id = v.make_id WHERE mk.name = $1`,
    [make]
  )
  return { summary: res.body.import.summary, vehicles }
}

/** Creates a published product with one variant through the admin API; returns its id. */
export async function createProduct(
  title: string,
  handle: string,
  sku: string
): Promise<string> {
  const { status, body } = await admin("POST", "/admin/products", {
    title,
    handle,
    status: "published",
    options: [{ title: "Default" }],
    variants: [
      {
        title: "Default",
        sku,
        prices: [{ currency_code: "tnd", amount: 12000 }],
        options: [{ value: "Default" }],
      },
    ],
  })
  if (status !== 200) {
    throw new Error(`product ${handle}: ${status} ${JSON.stringify(body)}`)
  }
  return body.product.id
}

/** Links a product to a vehicle (POST /admin/products/:id/fitment, `body` holds vehicle_id and the qualifiers); returns the new link's id. */
export async function link(
  productId: string,
  body: Record<string, unknown>
): Promise<string> {
  const res = await admin("POST", `/admin/products/${productId}/fitment`, body)
  expect(res.status).toBe(201)
  return res.body.link.id
}

/** POST /admin/fitment/merges: `merged_id` into `survivor_id` (left out when undefined), with `extra` fields such as dry_run. */
export function merge(
  entity: string,
  survivor_id: string,
  merged_id?: string,
  extra: Record<string, unknown> = {}
): Promise<{ status: number; body: any }> {
  return admin("POST", "/admin/fitment/merges", {
    entity,
    survivor_id,
    merged_id,
    ...extra,
  })
}

/** Creates an active, public product category holding `products`; returns its id. */
export async function category(
  name: string,
  handle: string,
  products: string[]
): Promise<string> {
  const cat = await admin("POST", "/admin/product-categories", {
    name,
    handle,
    is_active: true,
    is_internal: false,
  })
  expect(cat.status).toBe(200)
  const id = cat.body.product_category.id
  const batch = await admin(
    "POST",
    `/admin/product-categories/${id}/products/batch`,
    { product_ids: products.map((x) => ({ id: x })) }
  )
  expect(batch.status).toBe(200)
  return id
}
