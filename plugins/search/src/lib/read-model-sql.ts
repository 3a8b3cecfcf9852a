/**
 * The statements of the catalogue read model (generations, contexts, rendering, warming, status)
 * beside their result rows, run by the plugin's repositories (`repositories/catalogue-*.ts`,
 * `repositories/search-*.ts`). The listing's own statements are in catalogue-sql.ts.
 */

/** How many products wait in the queue. */
export const QUEUED_SQL = `SELECT count(*)::int AS left FROM search_dirty`
export type QueuedRow = { left: number }

/** The generations the answer cache is keyed on. */
export const GENERATIONS_SQL = `SELECT products_generation::int AS products, lists_generation::int AS lists FROM catalogue_state WHERE id = 1`
export type GenerationsRow = { products: number; lists: number }

/** Documents changed after version $1, oldest change first. */
export const CHANGED_VERSIONS_SQL = `SELECT product_id AS id, version::text AS version FROM search_document WHERE version > $1::bigint ORDER BY version`
export type VersionRow = { id: string; version: string }

export const DEFAULT_CHANNEL_SQL = `SELECT default_sales_channel_id AS id FROM store LIMIT 1`
export type DefaultChannelRow = { id: string | null }

export const REGIONS_SQL = `SELECT id, currency_code FROM region WHERE deleted_at IS NULL ORDER BY id`
export type RegionRow = { id: string; currency_code: string }

/** The region of cart $1. */
export const CART_REGION_SQL = `SELECT region_id FROM cart WHERE id = $1 AND deleted_at IS NULL`
export type CartRegionRow = { region_id: string }

/** The groups of customer $1. */
export const CUSTOMER_GROUPS_SQL = `SELECT customer_group_id AS id FROM customer_group_customers WHERE customer_id = $1 ORDER BY 1`
export type IdRow = { id: string }

/** The status of product $1 (none when deleted or unknown). */
export const PRODUCT_STATUS_SQL = `SELECT status FROM product WHERE id = $1 AND deleted_at IS NULL`
export type ProductStatusRow = { status: string }

/**
 * Stores rendered bodies if their document is still at the version they were rendered from;
 * `expires_at` is the next start or end of a price list on one of the product's prices.
 * $1 ids, $2 versions, $3 bodies, $4 context, $5 the bodies' deflate fragments (lib/gzip-parts.ts).
 */
export const STORE_BODIES_SQL = `
INSERT INTO catalogue_body (product_id, context, version, body, body_deflated, expires_at, rendered_at)
SELECT x.id, $4, d.version, x.body, x.deflated,
       (SELECT min(t.at) FROM product_variant v
          JOIN product_variant_money_amount pvma ON pvma.variant_id = v.id AND pvma.deleted_at IS NULL
          JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
          JOIN price_list pl ON pl.id = ma.price_list_id AND pl.deleted_at IS NULL
          CROSS JOIN LATERAL (VALUES (pl.starts_at), (pl.ends_at)) AS t(at)
         WHERE v.product_id = x.id AND t.at > now()),
       now()
  FROM unnest($1::text[], $2::bigint[], $3::text[], $5::bytea[]) AS x(id, version, body, deflated)
  JOIN search_document d ON d.product_id = x.id AND d.version = x.version
 ORDER BY x.id
ON CONFLICT (product_id, context) DO UPDATE
   SET version = EXCLUDED.version, body = EXCLUDED.body, body_deflated = EXCLUDED.body_deflated,
       expires_at = EXCLUDED.expires_at, rendered_at = EXCLUDED.rendered_at`

/**
 * Bodies rendered before fragments were kept (catalogue_body.body_deflated), in key order after
 * ($2 product id, $3 context; null from the start), at most $1.
 */
export const BODIES_WITHOUT_FRAGMENT_SQL = `SELECT product_id AS id, context, body, rendered_at::text AS rendered
               FROM catalogue_body
              WHERE ($2::text IS NULL OR (product_id, context) > ($2::text, $3::text))
                AND body_deflated IS NULL AND body <> ''
              ORDER BY product_id, context
              LIMIT $1`
export type BodyWithoutFragmentRow = {
  id: string
  context: string
  body: string
  rendered: string
}

/** Stores fragments of bodies not rendered again meanwhile. $1 ids, $2 contexts, $3 rendered at, $4 fragments. */
export const STORE_FRAGMENTS_SQL = `UPDATE catalogue_body b SET body_deflated = x.fragment
  FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bytea[]) AS x(id, context, rendered, fragment)
 WHERE b.product_id = x.id AND b.context = x.context AND b.rendered_at = x.rendered AND b.body_deflated IS NULL`

/** Tells `npm run catalogue:rebuild` that a server renders the bodies. */
export const RENDERER_SEEN_SQL = `UPDATE catalogue_state SET renderer_seen_at = now() WHERE id = 1`

/**
 * Published products lacking a current body in context $1, newest first from the cursor
 * ($4 created, $5 id; null from the top), leaving out $3; at most $2.
 * The body is looked up per product on the primary key (`OFFSET 0` keeps the subquery a per-row
 * probe): as an anti-join, statistics taken before a rebuild (a few hundred documents) had the
 * planner compare every document with every body of the context in a nested loop, 100,000 ×
 * 100,000 rows, for minutes on both cores, where the probe takes half a second.
 */
export const MISSING_BODIES_SQL = `SELECT d.product_id AS id, d.version::text AS version, d.sales_channel_ids AS channels, d.product_created_at::text AS created
               FROM search_document d
              WHERE d.status = 'published' AND cardinality(d.sales_channel_ids) > 0
                AND NOT (d.product_id = ANY($3::text[]))
                AND ($4::timestamptz IS NULL OR (d.product_created_at, d.product_id) < ($4::timestamptz, $5::text))
                AND NOT EXISTS (SELECT 1 FROM catalogue_body b WHERE b.product_id = d.product_id AND b.context = $1
                                   AND b.version = d.version AND (b.expires_at IS NULL OR b.expires_at > now())
                                 OFFSET 0)
              ORDER BY d.product_created_at DESC, d.product_id DESC
              LIMIT $2`
export type MissingBodyRow = {
  id: string
  version: string
  channels: string[]
  created: string
}

/** Published products, queued changes, and bodies missing in the contexts $1 (text[]). */
export const STATUS_SQL = `SELECT (SELECT count(*)::int FROM search_document WHERE status = 'published') AS products,
              (SELECT count(*)::int FROM search_dirty) AS queued,
              (SELECT count(*)::int FROM search_document d, unnest($1::text[]) AS c(key)
                WHERE d.status = 'published' AND cardinality(d.sales_channel_ids) > 0
                  AND NOT EXISTS (SELECT 1 FROM catalogue_body b WHERE b.product_id = d.product_id AND b.context = c.key
                                     AND b.version = d.version AND (b.expires_at IS NULL OR b.expires_at > now()))) AS pending`
export type StatusRow = { products: number; queued: number; pending: number }
