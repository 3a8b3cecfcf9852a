/**
 * Everything this plugin takes from the fitment plugin, in one place (the table in the plugin README
 * lists it with its reasons). Reads go through fitment's read views (`fitment_read_*`, its migration
 * FitmentReadViews1765000000000) and its function `fitment_products_for_vehicles`, never through its
 * tables; the one thing done on its tables is installing statement triggers that queue changed
 * products (below). Fitment may be absent (created after our migrations, or not at all): the document
 * SQL then leaves brand, part numbers and vehicles out (see `FITMENT_PRESENT_SQL`).
 */

/**
 * Fitment tables whose changes queue products in `search_dirty` (statement triggers
 * `search_dirty_*`, installed by the migration, or by the loader when the table came later), with
 * the column naming the product (`brand`: its id, handled by `search_mark_dirty_brand`).
 */
export const FITMENT_DIRTY_SOURCES: [string, string][] = [
  ["fitment_product", "product_id"],
  ["part_number", "product_id"],
  ["fitment", "product_id"],
  ["brand", "id"],
]

/**
 * Fitment tables whose changes move the catalogue's lists generation (`catalogue_dirty_*`
 * triggers queue the `*lists` marker): `/store/vehicles…` and `/store/brands…` answers are cached
 * under it.
 */
export const FITMENT_LIST_SOURCES = [
  "vehicle",
  "vehicle_make",
  "vehicle_model",
  "brand",
] as const

/** Are the fitment plugin's read views present? */
export const FITMENT_PRESENT_SQL = `
SELECT to_regclass('public.fitment_read_product') IS NOT NULL AND to_regclass('public.fitment_read_part_number') IS NOT NULL
   AND to_regclass('public.fitment_read_link') IS NOT NULL AND to_regclass('public.fitment_read_vehicle') IS NOT NULL AS present`

export type FitmentPresentRow = { present: boolean }

/** Does vehicle $1 exist? (a row, or none) */
export const VEHICLE_EXISTS_SQL = `SELECT 1 FROM fitment_read_vehicle WHERE id = $1`

/**
 * `search_document d`'s products that fit the vehicles (a text[] placeholder), by fitment's one
 * definition (its SQL function `fitment_products_for_vehicles`). Called in FROM, the SQL function
 * is inlined: the planner sees the vehicles and how many parts fit them (in a select list it is
 * opaque, estimated at 1,000 rows whatever the vehicle).
 */
export function fitsVehiclesSql(vehicleIds: string): string {
  return `d.product_id IN (SELECT v.product_id FROM fitment_products_for_vehicles(${vehicleIds}::text[]) AS v(product_id))`
}

/**
 * The fitment CTEs of the document SQL (`prod` holds the product ids being rebuilt): `fp` the
 * product's brand (fitment's one brand of a product; its `metadata.brand` is not read) and
 * universal flag, `pn` its part numbers, `veh` the names of the vehicles it fits.
 */
export const FITMENT_DOCUMENT_CTES = `,
fp AS MATERIALIZED (
  SELECT fp.product_id, fp.brand_name AS brand, fp.brand_id, fp.is_universal
    FROM fitment_read_product fp JOIN prod ON prod.id = fp.product_id
),
pn AS MATERIALIZED (
  SELECT pn.product_id,
         jsonb_agg(jsonb_build_object('type', pn.type, 'brand', NULLIF(pn.brand_name, ''), 'number', pn.raw) ORDER BY pn.type, pn.raw) AS part_numbers
    FROM fitment_read_part_number pn JOIN prod ON prod.id = pn.product_id
   GROUP BY pn.product_id
),
veh AS MATERIALIZED (
  SELECT x.product_id, string_agg(x.name, ', ' ORDER BY x.name) AS vehicles
    FROM (
      SELECT DISTINCT f.product_id, v.make_name || ' ' || v.model_name AS name
        FROM fitment_read_link f JOIN prod ON prod.id = f.product_id
        JOIN fitment_read_vehicle v ON v.id = f.vehicle_id
    ) x
   GROUP BY x.product_id
)`

/**
 * The vehicle lists of the products in `doc` (see `insertListEntriesSql`): `v:<vehicle id>` for each
 * vehicle a product is linked to, universal products aside, which are in the list `u`.
 */
export const FITMENT_LIST_ENTRIES = `
  UNION
  SELECT f.product_id, 'v:' || f.vehicle_id FROM fitment_read_link f JOIN doc ON doc.product_id = f.product_id
   WHERE NOT EXISTS (SELECT 1 FROM fitment_read_product u WHERE u.product_id = f.product_id AND u.is_universal)
  UNION
  SELECT u.product_id, 'u' FROM fitment_read_product u JOIN doc ON doc.product_id = u.product_id WHERE u.is_universal`

/** The part numbers of the products being rebuilt, as raw and normalised references (`refs`). */
export const FITMENT_DOCUMENT_REFS = `
    UNION ALL SELECT pn.product_id, pn.raw FROM fitment_read_part_number pn JOIN prod ON prod.id = pn.product_id
    UNION ALL SELECT pn.product_id, pn.normalized FROM fitment_read_part_number pn JOIN prod ON prod.id = pn.product_id`

/**
 * The brand names of products $1 (text[]), read as the document SQL reads them: the Meilisearch
 * documents carry the same brand as the PostgreSQL ones.
 */
export const PRODUCT_BRANDS_SQL = `
SELECT fp.product_id AS id, fp.brand_name AS brand
  FROM fitment_read_product fp
 WHERE fp.product_id = ANY($1::text[]) AND fp.brand_name IS NOT NULL`

export type ProductBrandRow = { id: string; brand: string }
