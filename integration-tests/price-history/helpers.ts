/**
 * Shared by the price-history tests: the history rows as stored and as the admin API pages them, seeded
 * variants with their TND base price, price edits through the admin API, and Medusa's product-import CSV.
 */
import { sql } from "../helpers/env"
import { adminCall } from "../helpers/http"
import {
  createBatchJob,
  finishedBatchJob,
  uploadCsv,
} from "../helpers/batch-jobs"

export type Row = {
  id: string
  variant_id: string
  money_amount_id: string
  currency_code: string
  price_list_id: string | null
  change: string
  old_amount: number | null
  new_amount: number | null
  changed_at: string
  source: string
  actor: string | null
  actor_email: string | null
}

export const admin = (method: string, path: string, body?: unknown) =>
  adminCall(method, path, body)

export async function history(
  productId: string,
  query = ""
): Promise<{ price_history: Row[]; count: number }> {
  const res = await admin(
    "GET",
    `/admin/products/${productId}/price-history${query}`
  )
  expect(res.status).toBe(200)
  return res.body
}

/** Creates a batch job (dry_run false: Medusa confirms it itself) and waits for a final status. */
export async function runBatchJob(
  type: string,
  context: Record<string, unknown>
): Promise<any> {
  return finishedBatchJob(await createBatchJob(type, context))
}

/** The columns of a price import: Medusa's product-import format, prices in major units. */
export const PRICE_CSV_HEADER = "Product Id;Product Handle;Variant Id;Price TND"

/**
 * A product-import batch job run on Medusa's import format: ";"-separated, one line per variant with its
 * price in major units ("Price TND" column; TND has 3 decimals, which the plugin's product-import strategy
 * scales by 1000, not Medusa's 100). Resolves with the finished job.
 */
export async function importPrices(
  lines: Array<[{ product_id: string; variant_id: string }, string | number]>,
  name: string
): Promise<any> {
  const rows: string[] = []
  for (const [v, price] of lines) {
    const [p] = await sql(`SELECT handle FROM product WHERE id = $1`, [
      v.product_id,
    ])
    rows.push(`${v.product_id};${p.handle};${v.variant_id};${price}`)
  }
  const csv = [PRICE_CSV_HEADER, ...rows].join("\n")
  return runBatchJob("product-import", { fileKey: await uploadCsv(csv, name) })
}

/** The current TND base price (minor units) of each variant. */
export async function tndPrices(
  variantIds: string[]
): Promise<Record<string, number>> {
  const rows = await sql(
    `SELECT pvma.variant_id, ma.amount FROM product_variant_money_amount pvma
       JOIN money_amount ma ON ma.id = pvma.money_amount_id
      WHERE pvma.variant_id = ANY($1) AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL AND ma.deleted_at IS NULL`,
    [variantIds]
  )
  return Object.fromEntries(rows.map((r: any) => [r.variant_id, r.amount]))
}

/** A seeded product with one variant and its TND base price. */
export async function pickVariant(offset: number) {
  const [row] = await sql(
    `SELECT pv.product_id, pv.id AS variant_id, ma.id AS money_amount_id, ma.amount
       FROM product_variant pv
       JOIN product_variant_money_amount pvma ON pvma.variant_id = pv.id
       JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.price_list_id IS NULL AND ma.currency_code = 'tnd'
      WHERE pv.deleted_at IS NULL AND ma.deleted_at IS NULL
      ORDER BY pv.id OFFSET $1 LIMIT 1`,
    [offset]
  )
  return row as {
    product_id: string
    variant_id: string
    money_amount_id: string
    amount: number
  }
}

export const setPrice = (
  v: { product_id: string; variant_id: string },
  amount: number
) =>
  admin("POST", `/admin/products/${v.product_id}/variants/${v.variant_id}`, {
    prices: [{ currency_code: "tnd", amount }],
  })
