import type { ListRequest } from "./catalogue-request"
import { GENERATION_SQL, type ListSql } from "./catalogue-sql"
import { FITMENT_LIST_ENTRIES } from "./fitment-sources"

/**
 * The lists a storefront pages through most, kept in order (`catalogue_list_entry`): for every
 * published product, one row per list it belongs to, with the sort key of core's default order
 * (newest first) and what a page reads (document version, sales channels). A page of such a list
 * is one range of one index, read in its order and stopped at its last row, however many products
 * the list holds; without it, a vehicle's first page sorts every product that fits the vehicle, and
 * a category's deep page walks the whole catalogue's newest-first index until it has seen enough
 * products of the category.
 *
 * The lists, by the same rules as the document filters (`listWhere`):
 * - `v:<vehicle id>`: the products linked to the vehicle, universal ones excepted;
 * - `u`: the universal products (they fit every vehicle: fitment's `fitment_products_for_vehicles`);
 * - `c:<category id>`: the products directly in the category, when it is active and public;
 * - `t:<category id>`: the products directly in the category or in one of its descendants, each
 *   through a category that is active and public (core's `include_category_children`).
 * Rewritten with the product's document, in the same transaction (see SearchDocumentsService).
 */

/** The entries of products $1 (text[]) go, before they are written again. */
export const DELETE_LIST_ENTRIES_SQL = `DELETE FROM catalogue_list_entry WHERE product_id = ANY($1::text[])`

/**
 * Writes the entries of products $1 (text[]) from their documents (published ones only), their
 * categories and, with `fitment`, the vehicles they fit.
 */
export function insertListEntriesSql({
  fitment,
}: {
  fitment: boolean
}): string {
  const vehicles = fitment ? FITMENT_LIST_ENTRIES : ""
  return `
WITH RECURSIVE doc AS MATERIALIZED (
  SELECT d.product_id, d.product_created_at, d.version, d.sales_channel_ids
    FROM search_document d
   WHERE d.product_id = ANY($1::text[]) AND d.status = 'published' AND d.product_created_at IS NOT NULL
),
direct AS MATERIALIZED (
  SELECT pcp.product_id, c.id, c.parent_category_id
    FROM product_category_product pcp JOIN doc ON doc.product_id = pcp.product_id
    JOIN product_category c ON c.id = pcp.product_category_id
   WHERE c.is_active AND NOT c.is_internal
),
up AS (
  SELECT product_id, id, parent_category_id FROM direct
  UNION
  SELECT up.product_id, c.id, c.parent_category_id FROM up JOIN product_category c ON c.id = up.parent_category_id
),
lists AS (
  SELECT product_id, 'c:' || id AS list FROM direct
  UNION
  SELECT product_id, 't:' || id FROM up${vehicles}
)
INSERT INTO catalogue_list_entry (list, product_created_at, product_id, version, sales_channel_ids)
SELECT l.list, doc.product_created_at, doc.product_id, doc.version, doc.sales_channel_ids
  FROM lists l JOIN doc ON doc.product_id = l.product_id
 ORDER BY 1, 2, 3
ON CONFLICT DO NOTHING`
}

/**
 * The kept lists a listing reads, when it reads nothing else: core's default order (newest
 * first, or its reverse), and one vehicle (its own list and the universal parts) or one category;
 * null for any other listing (it searches the documents, see `listSql`).
 */
export function entryLists(request: ListRequest): string[] | null {
  const f = request.filters
  if (request.order.field !== "created_at") {
    return null
  }
  const others = [
    f.ids,
    f.handle,
    f.brandIds,
    f.collectionIds,
    f.typeIds,
    f.tagIds,
    f.q,
  ]
  if (others.some((v) => v !== undefined)) {
    return null
  }
  if (f.vehicleIds && !f.categoryIds) {
    return f.vehicleIds.length === 1 ? [`v:${f.vehicleIds[0]}`, "u"] : null
  }
  if (f.categoryIds && !f.vehicleIds) {
    return f.categoryIds.length === 1
      ? [`${f.includeCategoryChildren ? "t" : "c"}:${f.categoryIds[0]}`]
      : null
  }
  return null
}

/**
 * A page of kept lists (`entryLists`: no product is in two of them) with each product's current
 * body for the context, in the shape of `listSql`: each list gives its first offset + limit entries
 * in order, and the page is cut from their merge.
 */
export function entryPageSql(
  lists: string[],
  request: ListRequest,
  channels: string[],
  context: string
): ListSql {
  const dir = request.order.descending ? "DESC" : "ASC"
  const order = `product_created_at ${dir}, product_id ${dir}`
  const ranges = lists.map(
    (
      _,
      i
    ) => `(SELECT product_id, version, product_created_at FROM catalogue_list_entry
     WHERE list = $${i + 5} AND sales_channel_ids && $1::text[]
     ORDER BY ${order} LIMIT $2::int + $3::int)`
  )
  return {
    sql: `
WITH page AS (
  SELECT e.product_id, e.version FROM (
    ${ranges.join("\n    UNION ALL\n    ")}
  ) e
  ORDER BY ${order} LIMIT $2 OFFSET $3
),
numbered AS (SELECT page.product_id, page.version, row_number() OVER () AS pos FROM page)
SELECT n.product_id::varchar AS id, n.version::varchar AS version, CASE WHEN b.body_deflated IS NULL THEN b.body END AS body, b.body_deflated AS fragment, b.expires_at AS expires,
       ${GENERATION_SQL}::varchar AS generation
  FROM numbered n
  LEFT JOIN catalogue_body b ON b.product_id = n.product_id AND b.context = $4
       AND b.version = n.version AND (b.expires_at IS NULL OR b.expires_at > now())
 ORDER BY n.pos`,
    params: [channels, request.limit, request.offset, context, ...lists],
    prepared: true,
  }
}

/** How many products kept lists (`entryLists`) hold for the sales channels. */
export function entryCountSql(lists: string[], channels: string[]): ListSql {
  return {
    sql: `SELECT count(*)::int AS total FROM catalogue_list_entry
           WHERE list = ANY($2::text[]) AND sales_channel_ids && $1::text[]`,
    params: [channels, lists],
    prepared: true,
  }
}
