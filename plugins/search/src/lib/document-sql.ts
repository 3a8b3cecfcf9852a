/**
 * SQL that (re)builds `search_document` rows from the catalogue, shared by the search service
 * (incremental refresh) and scripts/search-reindex.js (full rebuild). Parameter $1 is a text[] of
 * product ids. With `fitment: true` it also reads the fitment plugin's tables (brand,
 * fitment_product, part_number, fitment → vehicle names); without, brand and references come from
 * product metadata only.
 */

export type DocumentSqlOptions = { fitment: boolean }

/** jsonb array or scalar at metadata->key, as text rows */
const metaList = (key: string, alias = "p") => `
  SELECT CASE jsonb_typeof(e) WHEN 'object' THEN COALESCE(e->>'number', e->>'reference', e->>'ref', e->>'raw') ELSE e #>> '{}' END AS v
    FROM jsonb_array_elements(CASE jsonb_typeof(${alias}.metadata->'${key}') WHEN 'array' THEN ${alias}.metadata->'${key}' ELSE '[]'::jsonb END) e`

export function upsertDocumentsSql({ fitment }: DocumentSqlOptions): string {
  const brand = fitment
    ? `COALESCE((SELECT b.name FROM fitment_product fp JOIN brand b ON b.id = fp.brand_id WHERE fp.product_id = p.id), p.metadata->>'brand')`
    : `p.metadata->>'brand'`
  const universal = fitment
    ? `COALESCE((SELECT fp.is_universal FROM fitment_product fp WHERE fp.product_id = p.id), false) OR COALESCE(p.metadata->>'universal', '') = 'true'`
    : `COALESCE(p.metadata->>'universal', '') = 'true'`
  const partNumbers = fitment
    ? `UNION ALL SELECT pn.raw FROM part_number pn WHERE pn.product_id = p.id
       UNION ALL SELECT pn.normalized FROM part_number pn WHERE pn.product_id = p.id`
    : ""
  const partJson = fitment
    ? `(SELECT COALESCE(jsonb_agg(jsonb_build_object('type', pn.type, 'brand', NULLIF(pn.brand_name, ''), 'number', pn.raw) ORDER BY pn.type, pn.raw), '[]'::jsonb)
          FROM part_number pn WHERE pn.product_id = p.id)`
    : `'[]'::jsonb`
  const vehicles = fitment
    ? `(SELECT string_agg(DISTINCT mk.name || ' ' || md.name, ', ' ORDER BY mk.name || ' ' || md.name)
          FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id
          JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id
         WHERE f.product_id = p.id)`
    : `NULL::text`
  return `
WITH ids AS (SELECT DISTINCT unnest($1::text[]) AS id),
gone AS (
  DELETE FROM search_document d USING ids
   WHERE d.product_id = ids.id
     AND NOT EXISTS (SELECT 1 FROM product p WHERE p.id = ids.id AND p.deleted_at IS NULL)
  RETURNING d.product_id
),
src AS (
  SELECT p.id, p.title, p.subtitle, p.handle, p.thumbnail, p.status, p.created_at, p.metadata,
         ${brand} AS brand,
         (${universal}) AS is_universal,
         p.metadata->>'title_ar' AS title_ar,
         cat.ids AS category_ids, cat.names AS category_names, cat.names_ar AS category_names_ar,
         cat.direct_names AS direct_category_names,
         ARRAY(SELECT psc.sales_channel_id FROM product_sales_channel psc WHERE psc.product_id = p.id) AS sales_channel_ids,
         ARRAY(SELECT v.sku FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL AND v.sku IS NOT NULL ORDER BY v.variant_rank, v.id) AS skus,
         (SELECT string_agg(t.value, ' ') FROM product_tags pt JOIN product_tag t ON t.id = pt.product_tag_id WHERE pt.product_id = p.id) AS tags,
         (SELECT ty.value FROM product_type ty WHERE ty.id = p.type_id) AS type_value,
         (SELECT c.title FROM product_collection c WHERE c.id = p.collection_id) AS collection_title,
         ${vehicles} AS vehicles,
         ${partJson} AS part_numbers,
         ARRAY(
           SELECT DISTINCT shabou_ref_norm(r.v) FROM (
             SELECT v.sku AS v FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL
             UNION ALL SELECT v.ean FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL
             UNION ALL SELECT v.barcode FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL
             UNION ALL SELECT v.upc FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL
             UNION ALL SELECT p.mid_code
             UNION ALL SELECT p.metadata->>'mpn'
             UNION ALL ${metaList("oe_numbers")}
             UNION ALL ${metaList("cross_references")}
             ${partNumbers}
           ) r WHERE r.v IS NOT NULL AND length(shabou_ref_norm(r.v)) >= 3
         ) AS refs
    FROM product p
    JOIN ids ON ids.id = p.id
    LEFT JOIN LATERAL (
      WITH RECURSIVE up AS (
        SELECT c.id, c.name, c.parent_category_id, c.metadata->>'name_ar' AS name_ar, true AS direct
          FROM product_category_product pcp JOIN product_category c ON c.id = pcp.product_category_id
         WHERE pcp.product_id = p.id
        UNION
        SELECT c.id, c.name, c.parent_category_id, c.metadata->>'name_ar', false
          FROM product_category c JOIN up ON c.id = up.parent_category_id
      )
      SELECT array_agg(DISTINCT up.id) AS ids,
             string_agg(DISTINCT up.name, ' ') AS names,
             string_agg(DISTINCT up.name_ar, ' ') AS names_ar,
             string_agg(DISTINCT up.name, ', ') FILTER (WHERE up.direct) AS direct_names
        FROM up
    ) cat ON true
   WHERE p.deleted_at IS NULL
),
docs AS (
  SELECT s.*,
         shabou_search_norm(concat_ws(' ', s.brand, s.category_names, s.subtitle, s.type_value)) AS b_text,
         shabou_search_norm(concat_ws(' ', s.vehicles, s.tags, s.collection_title)) AS c_text
    FROM src s
)
INSERT INTO search_document AS d (
  product_id, title, subtitle, handle, thumbnail, status, brand, title_ar, is_universal,
  category_ids, categories, sales_channel_ids, skus, refs, part_numbers, fitment_summary,
  mpn, oe_numbers, title_tsv, tsv, ar_words, words, product_created_at, indexed_at
)
SELECT s.id, s.title, s.subtitle, s.handle, s.thumbnail, s.status::text, s.brand, s.title_ar, s.is_universal,
       COALESCE(s.category_ids, '{}'), COALESCE(s.direct_category_names, ''), s.sales_channel_ids, s.skus, s.refs,
       s.part_numbers, s.vehicles,
       s.metadata->>'mpn',
       ARRAY(SELECT x.v FROM (${metaList("oe_numbers", "s")}) x WHERE x.v IS NOT NULL),
       to_tsvector('shabou_fr', shabou_search_norm(s.title)),
       setweight(to_tsvector('shabou_fr', shabou_search_norm(s.title)), 'A')
         || setweight(to_tsvector('shabou_fr', s.b_text), 'B')
         || setweight(to_tsvector('shabou_fr', s.c_text), 'C'),
       shabou_ar_words(concat_ws(' ', s.title_ar, s.category_names_ar)),
       concat_ws(' ', shabou_search_norm(s.title), s.b_text, s.c_text),
       s.created_at, now()
  FROM docs s
ON CONFLICT (product_id) DO UPDATE SET
  title = EXCLUDED.title, subtitle = EXCLUDED.subtitle, handle = EXCLUDED.handle,
  thumbnail = EXCLUDED.thumbnail, status = EXCLUDED.status, brand = EXCLUDED.brand,
  title_ar = EXCLUDED.title_ar, is_universal = EXCLUDED.is_universal,
  category_ids = EXCLUDED.category_ids, categories = EXCLUDED.categories,
  sales_channel_ids = EXCLUDED.sales_channel_ids, skus = EXCLUDED.skus, refs = EXCLUDED.refs,
  part_numbers = EXCLUDED.part_numbers, fitment_summary = EXCLUDED.fitment_summary,
  mpn = EXCLUDED.mpn, oe_numbers = EXCLUDED.oe_numbers, title_tsv = EXCLUDED.title_tsv,
  tsv = EXCLUDED.tsv, ar_words = EXCLUDED.ar_words, words = EXCLUDED.words,
  product_created_at = EXCLUDED.product_created_at, indexed_at = EXCLUDED.indexed_at
RETURNING d.product_id`
}

/** Adds the words of the given documents to the typo dictionary (words of 3+ letters). */
export const ADD_WORDS_SQL = `
INSERT INTO search_word (word)
SELECT DISTINCT w FROM search_document d, regexp_split_to_table(d.words, '[^a-z0-9]+') w
 WHERE d.product_id = ANY($1::text[]) AND length(w) >= 3 AND w !~ '^[0-9]+$'
ON CONFLICT (word) DO NOTHING`

/** Is the fitment plugin's schema present? */
export const FITMENT_PRESENT_SQL = `
SELECT to_regclass('public.fitment') IS NOT NULL AND to_regclass('public.part_number') IS NOT NULL
   AND to_regclass('public.fitment_product') IS NOT NULL AND to_regclass('public.brand') IS NOT NULL
   AND to_regclass('public.vehicle') IS NOT NULL AS present`
