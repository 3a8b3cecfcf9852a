import type { Statement } from "@shabou/sql"
import type { ListRequest } from "./catalogue-request"
import { fitsVehiclesSql } from "./fitment-sources"
import { joinParts, plainParts, type Part } from "./gzip-parts"

/**
 * The one indexed query behind a store listing: the page of product ids (filters, order, page
 * over `search_document`), the total count, and each product's rendered body for the request's
 * context (`catalogue_body`, current only: same document version, not expired).
 */

/** A statement of the read path; `prepared` when its plan does not depend on its values (see @shabou/sql). */
export type ListSql = Statement

/**
 * A row of a listing's page (`listSql`, `pageByIdsSql`): its body's fragment (lib/gzip-parts.ts)
 * when it has one, else its body (text); both null when not rendered yet. A body "" records that
 * core does not render the product for this caller.
 */
export type PageRow = {
  id: string
  version: string
  body: string | null
  fragment: Buffer | null
  expires: string | null
  generation: string
}

/** The row of `retrieveSql` (body and fragment as in `PageRow`). */
export type RetrieveRow = {
  id: string
  version: string
  status: string
  channels: string[]
  body: string | null
  fragment: Buffer | null
  expires: string | null
}

/** The row of `countSql`. */
export type CountRow = { total: number }

/** The row of `orderedIdsSql`. */
export type OrderedIdsRow = { ids: string[]; generation: string }

/** The row of `CATEGORY_IDS_SQL`. */
export type CategoryIdsRow = { ids: string[] }

const ORDER_COLUMNS: Record<
  ListRequest["order"]["field"],
  { asc: string; desc: string }
> = {
  created_at: { asc: "d.product_created_at", desc: "d.product_created_at" },
  updated_at: { asc: "d.product_updated_at", desc: "d.product_updated_at" },
  title: { asc: "d.title", desc: "d.title" },
  handle: { asc: "d.handle", desc: "d.handle" },
  // core orders by the lowest price of any variant ascending, by the highest descending (NULL when a
  // variant has no price: core's descending order puts those first, PostgreSQL's DESC default)
  price: { asc: "d.price_min", desc: "d.price_max" },
}

/** columns that are never NULL: ordered without a NULLS clause, so that one index serves both directions */
const NOT_NULL: ReadonlySet<ListRequest["order"]["field"]> = new Set([
  "created_at",
  "title",
])

/** `ORDER BY` of a listing; the product id breaks ties so that pages never overlap. */
export function orderSql(order: ListRequest["order"]): string {
  const col = ORDER_COLUMNS[order.field]
  if (NOT_NULL.has(order.field)) {
    return order.descending
      ? `${col.desc} DESC, d.product_id DESC`
      : `${col.asc} ASC, d.product_id ASC`
  }
  const nullsWhenDescending =
    order.field === "price" ? "NULLS FIRST" : "NULLS LAST"
  return order.descending
    ? `${col.desc} DESC ${nullsWhenDescending}, d.product_id DESC`
    : `${col.asc} ASC NULLS LAST, d.product_id ASC`
}

/**
 * What a listing's filters resolve to before its SQL is written: the categories (with their
 * descendants when asked) that are active and public. Passed as values, not as a subquery, so
 * that the planner sees them and picks the sort index or the category index by their size.
 */
export type Resolved = { categoryIds?: string[] }

/**
 * Core's category rule: the product is directly in one of the categories (with their descendants
 * when asked), and that category is active and public. $1 text[] asked ids, $2 boolean descendants.
 */
export const CATEGORY_IDS_SQL = `
WITH RECURSIVE down AS (
  SELECT c.id FROM product_category c WHERE c.id = ANY($1::text[])
  UNION
  SELECT c.id FROM product_category c JOIN down ON c.parent_category_id = down.id WHERE $2::boolean
)
SELECT COALESCE(array_agg(c.id::text ORDER BY c.id), '{}') AS ids
  FROM product_category c JOIN down ON down.id = c.id
 WHERE c.is_active AND NOT c.is_internal`

export { fitsVehiclesSql }

/**
 * `column` is one of `values`: `=` for one value, so that the planner reads an index on the column
 * in its order (a brand's newest products: one range of an index), `= ANY` for several.
 */
function oneOf(
  column: string,
  values: string[],
  p: (value: unknown) => string
): string {
  return values.length === 1
    ? `${column} = ${p(values[0])}`
    : `${column} = ANY(${p(values)}::text[])`
}

/**
 * The WHERE of a listing over `search_document d`; `channels` are the sales channels the caller
 * may see (the request's, its publishable key's, else the store's default).
 */
export function listWhere(
  request: ListRequest,
  channels: string[],
  resolved: Resolved,
  p: (value: unknown) => string
): string[] {
  const f = request.filters
  const where = [
    `d.status = 'published'`,
    `d.sales_channel_ids && ${p(channels)}::text[]`,
  ]
  if (f.ids) {
    where.push(oneOf("d.product_id", f.ids, p))
  }
  if (f.handle !== undefined) {
    where.push(`d.handle = ${p(f.handle)}`)
  }
  if (f.brandIds) {
    where.push(oneOf("d.brand_id", f.brandIds, p))
  }
  if (f.collectionIds) {
    where.push(oneOf("d.collection_id", f.collectionIds, p))
  }
  if (f.typeIds) {
    where.push(oneOf("d.type_id", f.typeIds, p))
  }
  if (f.tagIds) {
    where.push(`d.tag_ids && ${p(f.tagIds)}::text[]`)
  }
  if (f.q !== undefined) {
    where.push(`d.core_text ILIKE ${p(`%${f.q}%`)}`)
  }
  if (f.categoryIds) {
    if (!resolved.categoryIds) {
      throw new Error(
        "listWhere: the categories of a category filter must be resolved first (CATEGORY_IDS_SQL)"
      )
    }
    where.push(`d.direct_category_ids && ${p(resolved.categoryIds)}::text[]`)
  }
  if (f.vehicleIds) {
    where.push(fitsVehiclesSql(p(f.vehicleIds)))
  }
  return where
}

/** A listing's WHERE (`listWhere`) with its bound values, and the binder for the values after them. */
function filtered(
  request: ListRequest,
  channels: string[],
  resolved: Resolved
): { params: unknown[]; p: (value: unknown) => string; where: string[] } {
  const params: unknown[] = []
  const p = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  return { params, p, where: listWhere(request, channels, resolved, p) }
}

/**
 * The page and its bodies in one statement, with the catalogue generations it was read at (the key
 * of the page's count, see `countSql`). No window over the whole result: the page is read from an
 * index in its order and stops at its last row; the count is a statement of its own, kept per
 * generation by the caller.
 */
export function listSql(
  request: ListRequest,
  channels: string[],
  resolved: Resolved,
  context: string
): ListSql {
  const { params, p, where } = filtered(request, channels, resolved)
  const order = orderSql(request.order)
  const sql = `
WITH page AS (
  SELECT d.product_id, d.version
    FROM search_document d
   WHERE ${where.join("\n     AND ")}
   ORDER BY ${order}
   LIMIT ${p(request.limit)} OFFSET ${p(request.offset)}
),
numbered AS (SELECT page.product_id, page.version, row_number() OVER () AS pos FROM page)
SELECT n.product_id AS id, n.version::text AS version, CASE WHEN b.body_deflated IS NULL THEN b.body END AS body, b.body_deflated AS fragment, b.expires_at AS expires,
       ${GENERATION_SQL} AS generation
  FROM numbered n
  LEFT JOIN catalogue_body b ON b.product_id = n.product_id AND b.context = ${p(context)}
       AND b.version = n.version AND (b.expires_at IS NULL OR b.expires_at > now())
 ORDER BY n.pos`
  return { sql, params }
}

/**
 * A listing that matches at most this many products keeps its ids in order (see `orderedIdsSql`):
 * its next pages and its count need no search at all (a shopper's vehicle, a brand, a small category).
 */
export const KEPT_ORDER_MAX = 1000

/** The catalogue generations a statement read its rows at (`products.lists`). */
export const GENERATION_SQL = `(SELECT products_generation || '.' || lists_generation FROM catalogue_state WHERE id = 1)`

/**
 * Every product id a listing's filters match, in the listing's order, at most `max` + 1 (more: the
 * listing is too large to keep), with the catalogue generations read by the same statement.
 */
export function orderedIdsSql(
  request: ListRequest,
  channels: string[],
  resolved: Resolved,
  max: number
): ListSql {
  const { params, p, where } = filtered(request, channels, resolved)
  const sql = `
WITH matched AS (
  SELECT d.product_id
    FROM search_document d
   WHERE ${where.join("\n     AND ")}
   ORDER BY ${orderSql(request.order)}
   LIMIT ${p(max + 1)}
),
numbered AS (SELECT matched.product_id, row_number() OVER () AS pos FROM matched)
SELECT COALESCE((SELECT array_agg(product_id::text ORDER BY pos) FROM numbered), '{}') AS ids, ${GENERATION_SQL} AS generation`
  return { sql, params }
}

/**
 * A page of a kept listing (`orderedIdsSql`): the products by id in the given order, each with its
 * current version's body for the context, and the generations read with them.
 */
export function pageByIdsSql(ids: string[], context: string): ListSql {
  return {
    sql: `
SELECT d.product_id AS id, d.version::varchar AS version, CASE WHEN b.body_deflated IS NULL THEN b.body END AS body, b.body_deflated AS fragment, b.expires_at AS expires,
       ${GENERATION_SQL}::varchar AS generation
  FROM unnest($1::text[]) WITH ORDINALITY AS p(id, pos)
  JOIN search_document d ON d.product_id = p.id
  LEFT JOIN catalogue_body b ON b.product_id = d.product_id AND b.context = $2
       AND b.version = d.version AND (b.expires_at IS NULL OR b.expires_at > now())
 ORDER BY p.pos`,
    params: [ids, context],
    prepared: true,
  }
}

/**
 * The number of products a listing's filters match, whatever the page: one statement per filter
 * set and generation (the caller keeps it until the catalogue changes).
 */
export function countSql(
  request: ListRequest,
  channels: string[],
  resolved: Resolved
): ListSql {
  const { params, where } = filtered(request, channels, resolved)
  return {
    sql: `SELECT count(*)::int AS total FROM search_document d WHERE ${where.join(" AND ")}`,
    params,
  }
}

/** One product by id or handle, with its body for the context. */
export function retrieveSql(
  by: "id" | "handle",
  value: string,
  context: string
): ListSql {
  return {
    sql: `SELECT d.product_id AS id, d.version::text AS version, d.status, d.sales_channel_ids AS channels, CASE WHEN b.body_deflated IS NULL THEN b.body END AS body, b.body_deflated AS fragment, b.expires_at AS expires
            FROM search_document d
            LEFT JOIN catalogue_body b ON b.product_id = d.product_id AND b.context = $2
                 AND b.version = d.version AND (b.expires_at IS NULL OR b.expires_at > now())
           WHERE ${by === "id" ? "d.product_id = $1" : "d.handle = $1"}
           ORDER BY d.product_id LIMIT 1`,
    params: [value, context],
    prepared: true,
  }
}

/** A rendered body as a page reads it: its fragment, or its text (see `PageRow`). */
export type BodyPart = { body: string | null; fragment: Buffer | null }

/**
 * An answer assembled from rendered bodies without parsing them: its gzip stream joined from the
 * bodies' fragments (lib/gzip-parts.ts) and its length, or, on a Node.js without zlib.crc32 (no
 * fragments are made there), its plain JSON.
 */
export function joinedAnswer(
  parts: Part[]
): { gzip: Buffer; size: number } | { body: Buffer } {
  return joinParts(parts) ?? { body: plainParts(parts) }
}

/** The parts of a listing answer: its products' bodies in core's envelope and key order. */
export function listParts(
  bodies: BodyPart[],
  count: number,
  offset: number,
  limit: number
): Part[] {
  const parts: Part[] = [{ text: Buffer.from('{"products":[') }]
  bodies.forEach((b, i) => {
    if (i) {
      parts.push({ text: COMMA })
    }
    parts.push(bodyPart(b))
  })
  parts.push({
    text: Buffer.from(
      `],"count":${count},"offset":${offset},"limit":${limit}}`
    ),
  })
  return parts
}

/** The parts of a product page answer (`{"product": …}`). */
export function productParts(b: BodyPart): Part[] {
  return [
    { text: Buffer.from('{"product":') },
    bodyPart(b),
    { text: Buffer.from("}") },
  ]
}

function bodyPart({ body, fragment }: BodyPart): Part {
  return fragment ? { fragment } : { text: Buffer.from(body ?? "") }
}

const COMMA = Buffer.from(",")
