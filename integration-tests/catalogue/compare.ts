/**
 * How the differential test compares a core answer with the read model's: field for field (jsonDiff), after
 * the only normalisations core itself makes necessary, each explained where it is done.
 */
import { sql } from "../helpers/env"
import {
  jsonDiff,
  send,
  type Difference,
  type StoreAnswer,
  type StoreRequest,
} from "./helpers"

/**
 * Relations core loads with no ORDER BY (one query per relation, `queryEntityWithIds` in
 * @medusajs/medusa utils/repository.js adds none except `variants.variant_rank`): PostgreSQL returns
 * their rows in whatever order its plan gives, so that order is not part of core's answer and the
 * arrays are compared sorted by id. Variants are NOT in this list: core orders them by variant_rank, except
 * in a listing ordered by price (`order=variants.prices.amount`), where it leaves that order out.
 */
const UNSORTED_PRODUCT_RELATIONS = [
  "images",
  "tags",
  "options",
  "categories",
  "sales_channels",
]
const UNSORTED_VARIANT_RELATIONS = ["prices", "options"]

const byId = (a: any, b: any) => String(a?.id).localeCompare(String(b?.id))

function normaliseProduct(p: any, variantsUnordered: boolean) {
  if (!p || typeof p !== "object") {
    return
  }
  if (variantsUnordered && Array.isArray(p.variants)) {
    p.variants = [...p.variants].sort(byId)
  }
  for (const k of UNSORTED_PRODUCT_RELATIONS) {
    if (Array.isArray(p[k])) p[k] = [...p[k]].sort(byId)
  }
  if (Array.isArray(p.options)) {
    for (const o of p.options) {
      if (Array.isArray(o?.values)) o.values = [...o.values].sort(byId)
    }
  }
  if (Array.isArray(p.variants)) {
    for (const v of p.variants) {
      for (const k of UNSORTED_VARIANT_RELATIONS) {
        if (Array.isArray(v?.[k])) v[k] = [...v[k]].sort(byId)
      }
    }
  }
}

/**
 * A deep copy of a store answer with the unsorted relations of its products sorted by id, and without the
 * search answer's `processingTimeMs` (the time that search took: it differs between two calls of core itself).
 */
export function normalise(json: any, path = ""): any {
  if (json === undefined || json === null || typeof json !== "object") {
    return json
  }
  const copy = JSON.parse(JSON.stringify(json))
  if (Array.isArray(copy.hits) && "processingTimeMs" in copy) {
    copy.processingTimeMs = "(elapsed time)"
  }
  const variantsUnordered = /[?&]order=-?variants\.prices\.amount(&|$)/.test(
    path
  )
  if (Array.isArray(copy.products))
    copy.products.forEach((p: any) => normaliseProduct(p, variantsUnordered))
  if (copy.product) normaliseProduct(copy.product, false)
  return copy
}

export type SortKey = { field: string; of: (p: any) => unknown }

/**
 * What a product listing is ordered by (core's default is -created_at), read from core's tables: a product
 * field (`fields=` may leave it out of the answer), or for `variants.prices.amount` the value core sorts each
 * product by (the answer's prices are only those of the caller's context): core left-joins every price of every variant, orders the
 * rows and keeps each product's first, so ascending the lowest amount, descending the highest, or null
 * (first) when a variant has no price. Null when the answer is not such a listing.
 */
export async function sortKey(
  path: string,
  ids: string[]
): Promise<SortKey | null> {
  const url = new URL(path, "http://x")
  if (url.pathname !== "/store/products" || url.searchParams.has("handle")) {
    return null
  }
  const order = url.searchParams.get("order") ?? "-created_at"
  const field = order.replace(/^-/, "")
  if (["created_at", "updated_at", "title"].includes(field)) {
    // from the table: `fields=` may leave the key out of the answer
    const rows = await sql<{ id: string; key: string }>(
      field === "title"
        ? `SELECT id, title AS key FROM product WHERE id = ANY($1)`
        : `SELECT id, to_char(${field} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key FROM product WHERE id = ANY($1)`,
      [ids]
    )
    const keys = new Map(rows.map((r) => [r.id, r.key]))
    return { field, of: (p) => keys.get(p?.id) }
  }
  if (field === "variants.prices.amount") {
    const rows = await sql<{
      id: string
      lo: number | null
      hi: number | null
    }>(
      `SELECT v.product_id AS id, min(ma.amount)::int AS lo,
              CASE WHEN bool_or(ma.id IS NULL) THEN NULL ELSE max(ma.amount)::int END AS hi
         FROM product_variant v
         LEFT JOIN product_variant_money_amount pvma ON pvma.variant_id = v.id AND pvma.deleted_at IS NULL
         LEFT JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
        WHERE v.product_id = ANY($1) AND v.deleted_at IS NULL
        GROUP BY v.product_id`,
      [ids]
    )
    const keys = new Map(
      rows.map((r) => [r.id, order.startsWith("-") ? r.hi : r.lo])
    )
    return { field, of: (p) => keys.get(p?.id) ?? null }
  }
  return null
}

/**
 * Core orders a listing by the requested field only (no tie-breaker: `queryEntityWithoutRelations` sorts by
 * the order field alone), so products with the same value of that field (e.g. the demo catalogue's products,
 * all created in the seed's transaction, share created_at) come in an order core does not define, and when
 * such a run of equal values crosses the page boundary, WHICH of them are on the page is not defined either.
 * So for a listing whose order field is in the answer:
 * - the sequence of order-field values must be identical (the order itself is compared strictly);
 * - a run of equal values inside the page must hold the same products (compared as a set);
 * - a run touching the start (offset > 0) or end (more products after the page) may hold different products
 *   of that same value: each product only the model returned is compared field for field with core's answer
 *   for that product alone (same request, `id=<product>`, no filter, order or page).
 * Every product present in both is compared field for field. Everything else in the answer is compared as is.
 */
export async function compareListing(
  req: StoreRequest,
  key: SortKey,
  core: any,
  model: any
): Promise<Difference[]> {
  const field = key.field
  const diffs = jsonDiff(
    { ...core, products: undefined },
    { ...model, products: undefined }
  )
  const a: any[] = core.products
  const b: any[] = model.products
  const values = (list: any[]) => list.map(key.of)
  // the key must be in the answer and core's page must really be in that order (fields= may leave the key out)
  const va = values(a)
  const ordered = va.every(
    (v, i) =>
      v !== undefined &&
      (i === 0 ||
        compareValues(va[i - 1], v) * (descending(req.path) ? -1 : 1) <= 0)
  )
  if (
    a.length !== b.length ||
    !ordered ||
    values(b).some((v) => v === undefined)
  ) {
    return jsonDiff(core, model, "$", diffs)
  }
  const keyDiffs = jsonDiff(va, values(b), `$.products[*].${field}`)
  if (keyDiffs.length) {
    // out of order: the products themselves are compared position by position
    return jsonDiff(a, b, "$.products", [...diffs, ...keyDiffs])
  }
  const byIdB = new Map(b.map((p) => [p.id, p]))
  const runs: Array<{ start: number; end: number }> = []
  for (let i = 0; i < a.length; i++) {
    if (i > 0 && va[i] === va[i - 1]) runs[runs.length - 1].end = i
    else runs.push({ start: i, end: i })
  }
  const more = core.offset + a.length < core.count
  const onlyModel: any[] = []
  for (const run of runs) {
    const idsA = a.slice(run.start, run.end + 1).map((p) => p.id)
    const idsB = b.slice(run.start, run.end + 1).map((p) => p.id)
    const open =
      (run.start === 0 && core.offset > 0) || (run.end === a.length - 1 && more)
    if (!open) {
      jsonDiff(
        [...idsA].sort(),
        [...idsB].sort(),
        `$.products[${run.start}..${run.end}].id (products with ${field}=${va[run.start]})`,
        diffs
      )
    }
    for (const id of idsA) {
      const other = byIdB.get(id)
      if (other) {
        const i = a.findIndex((p) => p.id === id)
        jsonDiff(a[i], other, `$.products[${i}](${id})`, diffs)
      }
    }
    if (open) {
      const setA = new Set(idsA)
      onlyModel.push(
        ...b.slice(run.start, run.end + 1).filter((p) => !setA.has(p.id))
      )
    }
  }
  for (const p of onlyModel) {
    const alone = await send({ ...req, path: aloneQuery(req.path, p.id) }, true)
    const reference = normalise(alone.json, req.path)?.products?.[0]
    jsonDiff(
      reference ?? "(core does not return this product alone)",
      p,
      `$.products(${p.id}, tied on ${field})`,
      diffs
    )
  }
  return diffs
}

const descending = (path: string) =>
  (
    new URL(path, "http://x").searchParams.get("order") ?? "-created_at"
  ).startsWith("-")

/** Order of two key values as PostgreSQL sorts them for these columns (numbers, ISO dates); text is not checked. */
function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b
  if (
    typeof a === "string" &&
    typeof b === "string" &&
    /^\d{4}-\d\d-\d\dT/.test(a) &&
    /^\d{4}-\d\d-\d\dT/.test(b)
  )
    return Date.parse(a) - Date.parse(b)
  return 0
}

/** The same listing request narrowed to one product: context, expand and fields kept; filters, order and page dropped. */
function aloneQuery(path: string, id: string): string {
  const url = new URL(path, "http://x")
  const keep = ["region_id", "currency_code", "cart_id", "expand", "fields"]
  const out = new URLSearchParams()
  url.searchParams.forEach((v, k) => {
    if (keep.includes(k)) out.append(k, v)
  })
  if (
    url.searchParams.getAll("sales_channel_id[]").length ||
    [...url.searchParams.keys()].some((k) => k.startsWith("sales_channel_id"))
  ) {
    url.searchParams.forEach((v, k) => {
      if (k.startsWith("sales_channel_id")) out.append(k, v)
    })
  }
  out.append("id", id)
  return `/store/products?${out.toString()}`
}

/** Every difference between core's answer and the model's for one request (status first, then the JSON). */
export async function compareAnswers(
  req: StoreRequest,
  core: StoreAnswer,
  model: StoreAnswer
): Promise<Difference[]> {
  if (core.status !== model.status) {
    return [{ path: "(HTTP status)", core: core.status, model: model.status }]
  }
  if (core.json === undefined || model.json === undefined) {
    return core.text === model.text
      ? []
      : [
          {
            path: "(body, not JSON)",
            core: core.text.slice(0, 200),
            model: model.text.slice(0, 200),
          },
        ]
  }
  const a = normalise(core.json, req.path)
  const b = normalise(model.json, req.path)
  if (
    core.status === 200 &&
    Array.isArray(a.products) &&
    Array.isArray(b.products)
  ) {
    const key = await sortKey(
      req.path,
      [...a.products, ...b.products].map((p: any) => p?.id).filter(Boolean)
    )
    if (key) {
      return compareListing(req, key, a, b)
    }
  }
  return jsonDiff(a, b)
}
