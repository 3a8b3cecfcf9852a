/**
 * Set-based generation of a large benchmark catalogue (generate_series, no per-row round trip), shared
 * by fitment-bench and store-bench. Ids are deterministic: product i is `prod_b` + i on 7 digits, its
 * variant k `variant_b…` (+ `_k` from the second), vehicle v `veh_b` + v on 6 digits (`veh_b000001` is the
 * "popular" vehicle), so a bench can name them without asking the database.
 *
 * The rows have the shape Medusa 1.20 writes through its services (compared with the demo seed):
 * product + product_option, one product_option_value per variant and option, money_amount joined to the
 * variant by product_variant_money_amount, product_sales_channel, product_shipping_profile,
 * product_category_product, image + product_images, product_tags; the fitment plugin's tables beside them.
 */
const { PART_TYPES, BRANDS } = require("./vocabulary")

const productId = (i) => `prod_b${String(i).padStart(7, "0")}`
const vehicleId = (v) => `veh_b${String(v).padStart(6, "0")}`
const POPULAR_VEHICLE = vehicleId(1)

/** SQL of product i's id, from an integer expression. */
const pid = (expr) => `'prod_b' || lpad((${expr})::text, 7, '0')`
/** SQL of variant k of product i (k from 1): the first keeps the short id and the SKU `SKU-i`. */
const vid = (i, k) =>
  `'variant_b' || lpad((${i})::text, 7, '0') || CASE WHEN ${k} = 1 THEN '' ELSE '_' || ${k} END`
const VARIANT_TITLES = ["Standard", "Renforcé", "Premium"]
const LINES = ["Premium", "Standard", "Économie"]

/** Brand names for `count` brands: the vocabulary's, then "Marque N". */
function brandNames(count = BRANDS.length) {
  return Array.from({ length: count }, (_, n) =>
    n < BRANDS.length ? BRANDS[n] : `Marque ${n + 1}`
  )
}

/**
 * BENCH products prod_b0000001 … : title "<part type> <brand> <reference>", handle `piece-i`, published,
 * `variants` variants each (the first titled "Default" when there is one), in the sales channel `channelId`.
 *
 * @param {import("pg").Client} db
 * @param {{ count: number, channelId: string, variants?: number, brands?: string[], manageInventory?: boolean,
 *   images?: boolean }} opts
 */
async function insertProducts(
  db,
  {
    count,
    channelId,
    variants = 1,
    brands = brandNames(),
    manageInventory = false,
    images = false,
  }
) {
  const types = PART_TYPES.map(([fr]) => fr)
  await db.query(
    `
    INSERT INTO product (id, title, handle, status, description, discountable, is_giftcard, weight, mid_code, thumbnail, created_at, updated_at, metadata)
    SELECT ${pid("i")}, t.title, 'piece-' || i, 'published', 'Pièce de test ' || i || ' : ' || t.title, true, false,
           200 + (i * 37) % 4800, t.ref, CASE WHEN $4 THEN 'http://localhost:9000/uploads/bench-' || i || '.jpg' END,
           now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval,
           jsonb_build_object('brand', t.brand, 'mpn', t.ref)
      FROM generate_series(1, $1) AS i,
           LATERAL (SELECT ($2::text[])[1 + i % array_length($2::text[], 1)] AS type,
                           ($3::text[])[1 + (i * 7) % array_length($3::text[], 1)] AS brand,
                           upper(substr(md5(i::text), 1, 2)) || (100000 + (i * 7919) % 900000)::text AS ref) r,
           LATERAL (SELECT r.type || ' ' || r.brand || ' ' || r.ref AS title, r.brand, r.ref) t`,
    [count, types, brands, images]
  )
  await db.query(
    `
    INSERT INTO product_variant (id, title, product_id, sku, ean, barcode, inventory_quantity, allow_backorder, manage_inventory, variant_rank, created_at, updated_at)
    SELECT ${vid("i", "k")},
           CASE WHEN $2 = 1 THEN 'Default' ELSE coalesce(($4::text[])[k], 'Version ' || k) END,
           ${pid("i")}, 'SKU-' || i || CASE WHEN k = 1 THEN '' ELSE '-' || k END,
           CASE WHEN $2 > 1 THEN '619' || lpad(((i::bigint * 3 + k) * 7919 % 10000000000)::text, 10, '0') END,
           CASE WHEN $2 > 1 THEN '619' || lpad(((i::bigint * 3 + k) * 7919 % 10000000000)::text, 10, '0') END,
           CASE WHEN $2 = 1 THEN 10 WHEN (i + k) % 13 = 0 THEN 0 ELSE 1 + (i * k * 31) % 80 END,
           false, $3, k - 1, now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval
      FROM generate_series(1, $1) AS i, generate_series(1, $2) AS k`,
    [count, variants, manageInventory, VARIANT_TITLES]
  )
  await db.query(
    `INSERT INTO product_sales_channel (product_id, sales_channel_id) SELECT ${pid("i")}, $2 FROM generate_series(1, $1) AS i`,
    [count, channelId]
  )
  if (images) {
    await db.query(
      `INSERT INTO image (id, url) SELECT 'img_b' || lpad(i::text, 7, '0'), 'http://localhost:9000/uploads/bench-' || i || '.jpg' FROM generate_series(1, $1) AS i`,
      [count]
    )
    await db.query(
      `INSERT INTO product_images (product_id, image_id) SELECT ${pid("i")}, 'img_b' || lpad(i::text, 7, '0') FROM generate_series(1, $1) AS i`,
      [count]
    )
  }
}

/**
 * What Medusa's product and variant services write beside a product a storefront sells: one option
 * "Version" with a value per variant, a TND price per variant (millimes, 5.000 to 450.000 DT, the
 * second and third variants dearer), the store's default shipping profile and two tags.
 */
async function insertStoreRows(
  db,
  { count, variants, profileId, currency = "tnd" }
) {
  await db.query(
    `INSERT INTO product_option (id, title, product_id) SELECT 'opt_b' || lpad(i::text, 7, '0'), 'Version', ${pid("i")} FROM generate_series(1, $1) AS i`,
    [count]
  )
  await db.query(
    `
    INSERT INTO product_option_value (id, value, option_id, variant_id)
    SELECT 'optval_b' || lpad(i::text, 7, '0') || '_' || k, coalesce(($3::text[])[k], 'Version ' || k),
           'opt_b' || lpad(i::text, 7, '0'), ${vid("i", "k")}
      FROM generate_series(1, $1) AS i, generate_series(1, $2) AS k`,
    [count, variants, VARIANT_TITLES]
  )
  await db.query(
    `
    INSERT INTO money_amount (id, currency_code, amount)
    SELECT 'ma_b' || lpad(i::text, 7, '0') || '_' || k, $3,
           (round((5000 + (i * 7919) % 445000) * (1 + 0.3 * (k - 1)) / 100) * 100)::int
      FROM generate_series(1, $1) AS i, generate_series(1, $2) AS k`,
    [count, variants, currency]
  )
  await db.query(
    `
    INSERT INTO product_variant_money_amount (id, money_amount_id, variant_id)
    SELECT 'pvma_b' || lpad(i::text, 7, '0') || '_' || k, 'ma_b' || lpad(i::text, 7, '0') || '_' || k, ${vid("i", "k")}
      FROM generate_series(1, $1) AS i, generate_series(1, $2) AS k`,
    [count, variants]
  )
  await db.query(
    `INSERT INTO product_shipping_profile (profile_id, product_id) SELECT $2, ${pid("i")} FROM generate_series(1, $1) AS i`,
    [count, profileId]
  )
  // Medusa reuses a tag of the same value: so does this
  const tags = [
    ...new Set(PART_TYPES.map((p) => p[3].toLowerCase())),
    "avant",
    "arrière",
    "kit",
  ]
  await db.query(
    `
    INSERT INTO product_tag (id, value)
    SELECT 'ptag_b' || n, t FROM unnest($1::text[]) WITH ORDINALITY AS x(t, n)
     WHERE NOT EXISTS (SELECT 1 FROM product_tag pt WHERE pt.value = x.t AND pt.deleted_at IS NULL)`,
    [tags]
  )
  const parentOfType = PART_TYPES.map(
    (p) => tags.indexOf(p[3].toLowerCase()) + 1
  )
  await db.query(
    `
    WITH tag AS (
      SELECT n, (SELECT id FROM product_tag pt WHERE pt.value = x.t AND pt.deleted_at IS NULL ORDER BY id LIMIT 1) AS id
        FROM unnest($1::text[]) WITH ORDINALITY AS x(t, n)
    )
    INSERT INTO product_tags (product_id, product_tag_id)
    SELECT ${pid("i")}, tag.id FROM generate_series(1, $2) AS i JOIN tag ON tag.n = ($3::int[])[1 + i % array_length($3::int[], 1)]
    UNION ALL
    SELECT ${pid("i")}, tag.id FROM generate_series(1, $2) AS i JOIN tag ON tag.n = $4 + i % 3`,
    [tags, count, parentOfType, tags.length - 2]
  )
}

/**
 * A three-level category tree: the part families (Freinage, Filtration…), the part types under them,
 * three lines (Premium, Standard, Économie) under each type; product i goes to one line of its type.
 * @returns {Promise<{ categories: number }>}
 */
async function insertCategoryTree(db, { count }) {
  const families = [...new Set(PART_TYPES.map((p) => p[3]))]
  await db.query(
    `
    INSERT INTO product_category (id, name, handle, parent_category_id, mpath, is_active, is_internal, rank, description)
    SELECT 'pcat_bf_' || (n - 1), f, 'bench-famille-' || (n - 1), NULL, 'pcat_bf_' || (n - 1) || '.', true, false, n - 1, ''
      FROM unnest($1::text[]) WITH ORDINALITY AS x(f, n)`,
    [families]
  )
  await db.query(
    `
    INSERT INTO product_category (id, name, handle, parent_category_id, mpath, is_active, is_internal, rank, description, metadata)
    SELECT 'pcat_bt_' || (n - 1), fr, 'bench-type-' || (n - 1), 'pcat_bf_' || (array_position($3::text[], parent) - 1),
           'pcat_bf_' || (array_position($3::text[], parent) - 1) || '.pcat_bt_' || (n - 1) || '.', true, false, n - 1, '',
           jsonb_build_object('name_ar', ar)
      FROM unnest($1::text[], $2::text[], $4::text[]) WITH ORDINALITY AS x(fr, ar, parent, n)`,
    [
      PART_TYPES.map((p) => p[0]),
      PART_TYPES.map((p) => p[1]),
      families,
      PART_TYPES.map((p) => p[3]),
    ]
  )
  await db.query(
    `
    INSERT INTO product_category (id, name, handle, parent_category_id, mpath, is_active, is_internal, rank, description)
    SELECT 'pcat_bl_' || t.n || '_' || l.n, t.name || ' — ' || l.line, 'bench-ligne-' || t.n || '-' || l.n, t.id,
           t.mpath || 'pcat_bl_' || t.n || '_' || l.n || '.', true, false, l.n, ''
      FROM (SELECT id, name, mpath, substr(id, 9)::int AS n FROM product_category WHERE id LIKE 'pcat_bt_%') t,
           (SELECT line, n - 1 AS n FROM unnest($1::text[]) WITH ORDINALITY AS x(line, n)) l`,
    [LINES]
  )
  await db.query(
    `
    INSERT INTO product_category_product (product_category_id, product_id)
    SELECT 'pcat_bl_' || (i % $2) || '_' || ((i / $2) % $3), ${pid("i")} FROM generate_series(1, $1) AS i`,
    [count, PART_TYPES.length, LINES.length]
  )
  return {
    categories: families.length + PART_TYPES.length * (1 + LINES.length),
  }
}

/**
 * Brands of the fitment plugin (a name already there, e.g. a seeded "Bosch", is reused), the brand and
 * manufacturer number of every product, and `universal` universal products (the first ones).
 */
async function insertBrandsAndFacts(
  db,
  { count, brands = brandNames(), universal = 50 }
) {
  await db.query(
    `
    INSERT INTO brand (id, name, handle)
    SELECT 'brand_b' || (n - 1), name, 'bench-' || (n - 1) || '-' || lower(regexp_replace(name, '[^A-Za-z0-9]+', '-', 'g'))
      FROM unnest($1::text[]) WITH ORDINALITY AS x(name, n)
     WHERE NOT EXISTS (SELECT 1 FROM brand b WHERE lower(b.name) = lower(x.name))`,
    [brands]
  )
  await db.query(
    `
    WITH b AS (
      SELECT n, (SELECT id FROM brand WHERE lower(brand.name) = lower(x.name) ORDER BY id LIMIT 1) AS id
        FROM unnest($2::text[]) WITH ORDINALITY AS x(name, n)
    )
    INSERT INTO fitment_product (product_id, brand_id, is_universal)
    SELECT ${pid("i")}, b.id, i <= $3 FROM generate_series(1, $1) AS i JOIN b ON b.n = 1 + (i * 7) % $4`,
    [count, brands, universal, brands.length]
  )
  await db.query(
    `
    INSERT INTO part_number (id, product_id, type, brand_name, raw, normalized)
    SELECT 'pn_b' || i, ${pid("i")}, 'mpn', p.metadata->>'brand', p.mid_code, regexp_replace(upper(p.mid_code), '[^A-Z0-9]', '', 'g')
      FROM generate_series(1, $1) AS i JOIN product p ON p.id = ${pid("i")}`,
    [count]
  )
}

/** `universal` universal products without brand (the fitment benchmark's). */
async function insertUniversal(db, { universal = 50 }) {
  await db.query(
    `INSERT INTO fitment_product (product_id, is_universal) SELECT ${pid("i")}, true FROM generate_series(1, $1) AS i`,
    [universal]
  )
}

/** One make "Benchmake", 100 models, `count` vehicles veh_b000001 … */
async function insertVehicles(db, { count }) {
  await db.query(
    `INSERT INTO vehicle_make (id, name, handle, key) VALUES ('vmake_b', 'Benchmake', 'benchmake', 'benchmake')`
  )
  await db.query(
    `INSERT INTO vehicle_model (id, make_id, name, handle, key) SELECT 'vmodel_b' || m, 'vmake_b', 'Model ' || m, 'benchmake-model-' || m, 'model' || m FROM generate_series(1, 100) AS m`
  )
  await db.query(
    `
    INSERT INTO vehicle (id, make_id, model_id, year_from, year_to, engine, engine_code, fuel, natural_key)
    SELECT 'veh_b' || lpad(v::text, 6, '0'), 'vmake_b', 'vmodel_b' || (1 + v % 100), 2000 + v % 20, NULL, 'Engine ' || v, 'E' || v, 'diesel',
           'benchmake|model' || (1 + v % 100) || '|||' || (2000 + v % 20) || '|e' || v || '|engine' || v || '|diesel'
    FROM generate_series(1, $1) AS v`,
    [count]
  )
}

/**
 * Fitment links up to `total`: first `popular` products (every third one) on the popular vehicle
 * veh_b000001, then the rest spread over the other vehicles. Links already there count.
 * @returns {Promise<{ links: number, popular: number }>}
 */
async function insertLinks(db, { products, vehicles, total, popular }) {
  await db.query(
    `
    INSERT INTO fitment (id, product_id, vehicle_id, source)
    SELECT 'fit_p' || i, ${pid("1 + (i * 3) % $1")}, 'veh_b000001', 'import'
    FROM generate_series(1, $2) AS i ON CONFLICT (link_key) DO NOTHING`,
    [products, popular]
  )
  const [{ n: have }] = (
    await db.query(`SELECT count(*)::int AS n FROM fitment`)
  ).rows
  const missing = Math.max(0, total - have)
  await db.query(
    `
    INSERT INTO fitment (id, product_id, vehicle_id, position, source)
    SELECT 'fit_s' || i, ${pid("1 + i % $1")}, 'veh_b' || lpad((2 + (i * 131) % ($2 - 1))::text, 6, '0'), 'rear_left', 'import'
    FROM generate_series(1, $3) AS i ON CONFLICT (link_key) DO NOTHING`,
    [products, vehicles, missing]
  )
  const [row] = (
    await db.query(
      `SELECT count(*)::int AS links, count(*) FILTER (WHERE vehicle_id = 'veh_b000001')::int AS popular FROM fitment`
    )
  ).rows
  return row
}

/**
 * Runs `fn` with the GIN indexes of `tables` (Medusa's trigram indexes on product and variant titles,
 * descriptions and SKUs) dropped, then builds them again with their exact definition: one index build
 * is much faster than a GIN insert per row. Call it inside the load's transaction.
 */
async function withoutGinIndexes(db, tables, fn) {
  const { rows } = await db.query(
    `
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
     WHERE am.amname = 'gin' AND i.indrelid = ANY(SELECT to_regclass(t) FROM unnest($1::text[]) AS t)`,
    [tables]
  )
  for (const r of rows) {
    await db.query(`DROP INDEX ${r.name}`)
  }
  const out = await fn()
  for (const r of rows) {
    await db.query(r.def)
  }
  return out
}

module.exports = {
  withoutGinIndexes,
  productId,
  vehicleId,
  POPULAR_VEHICLE,
  VARIANT_TITLES,
  brandNames,
  insertProducts,
  insertStoreRows,
  insertCategoryTree,
  insertBrandsAndFacts,
  insertUniversal,
  insertVehicles,
  insertLinks,
}
