/**
 * SQL that (re)builds `search_document` rows from the catalogue, shared by the documents'
 * repository (incremental refresh, repositories/search-document.ts) and scripts/search-reindex.js (full rebuild). Parameter $1 is a text[] of
 * product ids. With `fitment: true` it also reads the fitment plugin's tables (brand,
 * fitment_product, part_number, fitment → vehicle names); without, references come from product
 * metadata only and there is no brand (a product's one brand is fitment's; `metadata.brand` is not read).
 */

import {
  FITMENT_DOCUMENT_CTES,
  FITMENT_DOCUMENT_REFS,
  FITMENT_PRESENT_SQL,
} from "./fitment-sources"

export type DocumentSqlOptions = { fitment: boolean }

/** text rows of the jsonb array at <alias>.metadata-><key> (elements: strings, numbers or {number|reference|ref|raw}) */
const metaList = (key: string, alias: string) => `
  SELECT CASE jsonb_typeof(e) WHEN 'object' THEN COALESCE(e->>'number', e->>'reference', e->>'ref', e->>'raw') ELSE e #>> '{}' END AS v
    FROM jsonb_array_elements(CASE jsonb_typeof(${alias}.metadata->'${key}') WHEN 'array' THEN ${alias}.metadata->'${key}' ELSE '[]'::jsonb END) e`

/**
 * One set-based statement: every related table is read once for the whole id set (GROUP BY
 * product), not once per product through correlated sub-queries, and the intermediate results are
 * MATERIALIZED so that no expression is evaluated twice. Deleted products lose their document.
 */
export function upsertDocumentsSql({ fitment }: DocumentSqlOptions): string {
  const fitmentCtes = fitment ? FITMENT_DOCUMENT_CTES : ""
  const partRefs = fitment ? FITMENT_DOCUMENT_REFS : ""
  return `
WITH RECURSIVE ids AS MATERIALIZED (SELECT DISTINCT unnest($1::text[]) AS id),
-- a deleted product keeps a tombstone (status "deleted", a new version) so that every instance
-- sees the change; search:reindex removes tombstones
gone AS (
  UPDATE search_document d SET status = 'deleted', version = nextval('search_document_version_seq')
    FROM ids
   WHERE d.product_id = ids.id AND d.status <> 'deleted'
     AND NOT EXISTS (SELECT 1 FROM product p WHERE p.id = ids.id AND p.deleted_at IS NULL)
  RETURNING d.product_id
),
prod AS MATERIALIZED (
  SELECT p.id, p.title, p.subtitle, p.handle, p.thumbnail, p.status, p.created_at, p.metadata,
         p.mid_code, p.type_id, p.collection_id, p.updated_at, p.description
    FROM product p JOIN ids ON ids.id = p.id
   WHERE p.deleted_at IS NULL
),
var AS MATERIALIZED (
  SELECT v.product_id, v.sku, v.ean, v.barcode, v.upc, v.variant_rank, v.id, v.title
    FROM product_variant v JOIN prod ON prod.id = v.product_id
   WHERE v.deleted_at IS NULL
),
sku AS MATERIALIZED (
  SELECT product_id, array_agg(sku ORDER BY variant_rank, id) AS skus
    FROM var WHERE sku IS NOT NULL GROUP BY product_id
),
-- what core's free-text filter (?q=) reads: variant titles and SKUs (with product title,
-- description and collection title below), one line each
vtext AS MATERIALIZED (
  SELECT product_id, string_agg(concat_ws(E'\n', title, sku), E'\n' ORDER BY variant_rank, id) AS text
    FROM var GROUP BY product_id
),
-- core's price ordering (order=variants.prices.amount) reads every price of every variant, left-joined:
-- ascending, a product sorts by its lowest price; descending by its highest, or first of all (NULLS FIRST)
-- when one of its variants has no price (its row then carries a NULL amount)
price AS MATERIALIZED (
  SELECT var.product_id, min(ma.amount) AS lo,
         CASE WHEN bool_or(ma.id IS NULL) THEN NULL ELSE max(ma.amount) END AS hi
    FROM var LEFT JOIN product_variant_money_amount pvma ON pvma.variant_id = var.id AND pvma.deleted_at IS NULL
    LEFT JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
   GROUP BY var.product_id
),
dcat AS MATERIALIZED (
  SELECT pcp.product_id, array_agg(pcp.product_category_id ORDER BY pcp.product_category_id) AS ids
    FROM product_category_product pcp JOIN prod ON prod.id = pcp.product_id
   GROUP BY pcp.product_id
),
ref AS MATERIALIZED (
  SELECT r.product_id, array_agg(DISTINCT r.k) AS refs
    FROM (
      SELECT x.product_id, shabou_ref_norm(x.v) AS k
        FROM (
          SELECT product_id, unnest(ARRAY[sku, ean, barcode, upc]) AS v FROM var
          UNION ALL SELECT prod.id, prod.mid_code FROM prod
          UNION ALL SELECT prod.id, prod.metadata->>'mpn' FROM prod
          UNION ALL SELECT prod.id, o.v FROM prod, LATERAL (${metaList("oe_numbers", "prod")}) o
          UNION ALL SELECT prod.id, o.v FROM prod, LATERAL (${metaList("cross_references", "prod")}) o${partRefs}
        ) x
       WHERE x.v IS NOT NULL
    ) r
   WHERE length(r.k) >= 3
   GROUP BY r.product_id
),
up AS (
  SELECT pcp.product_id, c.id, c.name, c.parent_category_id, c.metadata->>'name_ar' AS name_ar, true AS direct
    FROM product_category_product pcp JOIN prod ON prod.id = pcp.product_id
    JOIN product_category c ON c.id = pcp.product_category_id
  UNION
  SELECT up.product_id, c.id, c.name, c.parent_category_id, c.metadata->>'name_ar', false
    FROM product_category c JOIN up ON c.id = up.parent_category_id
),
cat AS MATERIALIZED (
  SELECT product_id,
         array_agg(DISTINCT id) AS ids,
         string_agg(DISTINCT name, ' ') AS names,
         string_agg(DISTINCT name_ar, ' ') AS names_ar,
         string_agg(DISTINCT name, ', ') FILTER (WHERE direct) AS direct_names
    FROM up GROUP BY product_id
),
chan AS MATERIALIZED (
  SELECT psc.product_id, array_agg(psc.sales_channel_id ORDER BY psc.sales_channel_id) AS ids
    FROM product_sales_channel psc JOIN prod ON prod.id = psc.product_id
   GROUP BY psc.product_id
),
tag AS MATERIALIZED (
  SELECT pt.product_id, string_agg(t.value, ' ' ORDER BY t.value) AS tags, array_agg(t.id ORDER BY t.id) AS ids
    FROM product_tags pt JOIN prod ON prod.id = pt.product_id
    JOIN product_tag t ON t.id = pt.product_tag_id
   GROUP BY pt.product_id
)${fitmentCtes},
src AS MATERIALIZED (
  SELECT p.id, p.title, p.subtitle, p.handle, p.thumbnail, p.status, p.created_at, p.metadata,
         ${fitment ? "fp.brand" : "NULL::text"} AS brand,
         (${fitment ? "COALESCE(fp.is_universal, false) OR " : ""}COALESCE(p.metadata->>'universal', '') = 'true') AS is_universal,
         p.metadata->>'title_ar' AS title_ar,
         cat.ids AS category_ids, cat.names AS category_names, cat.names_ar AS category_names_ar,
         cat.direct_names AS direct_category_names,
         COALESCE(chan.ids, '{}') AS sales_channel_ids,
         COALESCE(sku.skus, '{}') AS skus,
         tag.tags,
         COALESCE(tag.ids, '{}') AS tag_ids,
         COALESCE(dcat.ids, '{}') AS direct_category_ids,
         p.collection_id, p.type_id, p.updated_at,
         ${fitment ? "fp.brand_id" : "NULL::text"} AS brand_id,
         concat_ws(E'\n', p.title, p.description, vtext.text, col.title) AS core_text,
         price.lo AS price_min, price.hi AS price_max,
         ty.value AS type_value,
         col.title AS collection_title,
         ${fitment ? "veh.vehicles" : "NULL::text"} AS vehicles,
         ${fitment ? "COALESCE(pn.part_numbers, '[]'::jsonb)" : "'[]'::jsonb"} AS part_numbers,
         COALESCE(ref.refs, '{}') AS refs,
         shabou_search_norm(p.title) AS title_norm
    FROM prod p
    LEFT JOIN cat ON cat.product_id = p.id
    LEFT JOIN chan ON chan.product_id = p.id
    LEFT JOIN sku ON sku.product_id = p.id
    LEFT JOIN ref ON ref.product_id = p.id
    LEFT JOIN tag ON tag.product_id = p.id
    LEFT JOIN dcat ON dcat.product_id = p.id
    LEFT JOIN vtext ON vtext.product_id = p.id
    LEFT JOIN price ON price.product_id = p.id
    LEFT JOIN product_type ty ON ty.id = p.type_id
    LEFT JOIN product_collection col ON col.id = p.collection_id${
      fitment
        ? `
    LEFT JOIN fp ON fp.product_id = p.id
    LEFT JOIN pn ON pn.product_id = p.id
    LEFT JOIN veh ON veh.product_id = p.id`
        : ""
    }
),
docs AS MATERIALIZED (
  SELECT s.*,
         shabou_search_norm(concat_ws(' ', s.brand, s.category_names, s.subtitle, s.type_value,
           -- "5W-30", "C.E.I" also as one word ("5w30", "cei"): shoppers type them joined
           (SELECT string_agg(replace(replace(replace(m[1], '-', ''), '.', ''), '/', ''), ' ')
              FROM regexp_matches(s.title_norm, '([a-z0-9]+(?:[-./][a-z0-9]+)+)', 'g') m))) AS b_text,
         shabou_search_norm(concat_ws(' ', s.vehicles, s.tags, s.collection_title)) AS c_text,
         to_tsvector('shabou_fr', s.title_norm) AS title_tsv
    FROM src s
)
INSERT INTO search_document AS d (
  product_id, title, subtitle, handle, thumbnail, status, brand, title_ar, is_universal,
  category_ids, categories, sales_channel_ids, skus, refs, part_numbers, fitment_summary,
  mpn, oe_numbers, title_tsv, tsv, ar_words, words, product_created_at, indexed_at,
  product_updated_at, direct_category_ids, collection_id, type_id, tag_ids, brand_id, core_text,
  price_min, price_max, version
)
SELECT s.id, s.title, s.subtitle, s.handle, s.thumbnail, s.status::text, s.brand, s.title_ar, s.is_universal,
       COALESCE(s.category_ids, '{}'), COALESCE(s.direct_category_names, ''), s.sales_channel_ids, s.skus, s.refs,
       s.part_numbers, s.vehicles,
       s.metadata->>'mpn',
       ARRAY(SELECT x.v FROM (${metaList("oe_numbers", "s")}) x WHERE x.v IS NOT NULL),
       s.title_tsv,
       setweight(s.title_tsv, 'A')
         || setweight(to_tsvector('shabou_fr', s.b_text), 'B')
         || setweight(to_tsvector('shabou_fr', s.c_text), 'C'),
       shabou_ar_words(concat_ws(' ', s.title_ar, s.category_names_ar)),
       concat_ws(' ', s.title_norm, s.b_text, s.c_text),
       s.created_at, now(),
       s.updated_at, s.direct_category_ids, s.collection_id, s.type_id, s.tag_ids, s.brand_id, s.core_text,
       s.price_min, s.price_max, nextval('search_document_version_seq')
  FROM docs s
 ORDER BY s.id
ON CONFLICT (product_id) DO UPDATE SET
  title = EXCLUDED.title, subtitle = EXCLUDED.subtitle, handle = EXCLUDED.handle,
  thumbnail = EXCLUDED.thumbnail, status = EXCLUDED.status, brand = EXCLUDED.brand,
  title_ar = EXCLUDED.title_ar, is_universal = EXCLUDED.is_universal,
  category_ids = EXCLUDED.category_ids, categories = EXCLUDED.categories,
  sales_channel_ids = EXCLUDED.sales_channel_ids, skus = EXCLUDED.skus, refs = EXCLUDED.refs,
  part_numbers = EXCLUDED.part_numbers, fitment_summary = EXCLUDED.fitment_summary,
  mpn = EXCLUDED.mpn, oe_numbers = EXCLUDED.oe_numbers, title_tsv = EXCLUDED.title_tsv,
  tsv = EXCLUDED.tsv, ar_words = EXCLUDED.ar_words, words = EXCLUDED.words,
  product_created_at = EXCLUDED.product_created_at, indexed_at = EXCLUDED.indexed_at,
  product_updated_at = EXCLUDED.product_updated_at, direct_category_ids = EXCLUDED.direct_category_ids,
  collection_id = EXCLUDED.collection_id, type_id = EXCLUDED.type_id, tag_ids = EXCLUDED.tag_ids,
  brand_id = EXCLUDED.brand_id, core_text = EXCLUDED.core_text, price_min = EXCLUDED.price_min,
  price_max = EXCLUDED.price_max, version = EXCLUDED.version
RETURNING d.product_id`
}

/** Adds the words of the given documents to the typo dictionary (words of 3+ letters). */
export const ADD_WORDS_SQL = `
INSERT INTO search_word (word)
SELECT DISTINCT w FROM search_document d, regexp_split_to_table(d.words, '[^a-z0-9]+') w
 WHERE d.product_id = ANY($1::text[]) AND length(w) >= 3 AND w !~ '^[0-9]+$'
ON CONFLICT (word) DO NOTHING`

/** Is the fitment plugin's schema present? (scripts/search-reindex.js reads it here) */
export { FITMENT_PRESENT_SQL }

/** The kept lists, rewritten with the documents (scripts/search-reindex.js reads them here) */
export { DELETE_LIST_ENTRIES_SQL, insertListEntriesSql } from "./list-entry-sql"

/**
 * After documents were rebuilt (in the same transaction): their rendered catalogue bodies are
 * stale and go (the read path renders them again), the answer cache moves to a new generation,
 * and the markers do their part: `*all` queues every product again (a tax rate or region
 * changed), any marker moves the generation of the lists (vehicles, brands, categories).
 * $1 text[] product ids, $2 boolean requeue all, $3 boolean lists changed.
 */
export const CATALOGUE_AFTER_DRAIN_SQL = `
WITH gone AS (
  DELETE FROM catalogue_body WHERE product_id = ANY($1::text[]) RETURNING 1
),
requeued AS (
  INSERT INTO search_dirty (product_id)
  SELECT id FROM product WHERE $2::boolean AND deleted_at IS NULL ORDER BY id
  ON CONFLICT DO NOTHING RETURNING 1
)
UPDATE catalogue_state
   SET products_generation = products_generation + CASE WHEN cardinality($1::text[]) > 0 OR $2::boolean THEN 1 ELSE 0 END,
       lists_generation = lists_generation + CASE WHEN $3::boolean THEN 1 ELSE 0 END
 WHERE id = 1 AND (cardinality($1::text[]) > 0 OR $2::boolean OR $3::boolean)`
