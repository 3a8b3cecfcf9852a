#!/usr/bin/env node
/**
 * Search benchmark (not a test). On a separate database created on DATABASE_URL's server
 * (default postgres://postgres@127.0.0.1:5432/postgres → database "search_bench"):
 *
 *   1. migrates it and boots the real Medusa app on it (seed off);
 *   2. bulk-generates BENCH_PRODUCTS products (default 100,000) with SQL generate_series: French and
 *      Arabic titles over 32 part types and 24 brands, one variant with a SKU, manufacturer and OE
 *      numbers, categories, brands and part numbers of the fitment plugin, BENCH_LINKS_PER_PRODUCT
 *      fitment links (default 3) to 1,000 vehicles;
 *   3. times a full reindex (scripts/search-reindex.js, the code behind `npm run search:reindex`);
 *   4. measures p50/p95 of POST /store/products/search over HTTP for each way of searching
 *      (BENCH_REQUESTS per kind, default 40), and overall;
 *   5. measures how long a title change takes to become searchable (the server's refresh loop).
 *
 *   npm run bench:search          (BENCH_KEEP=1 keeps the database, BENCH_NO_BUILD=1 skips the build)
 */
const path = require("path")
const { Client } = require("pg")
const ROOT = path.resolve(__dirname, "..", "..")
const { PART_TYPES, BRANDS, MAKES, lit } = require("./lib/vocabulary")
const {
  log,
  p50p95,
  percentiles,
  prepareBenchApp,
  runBench,
  timeEach,
} = require("./lib/bench-app")

const N_PRODUCTS = Number(process.env.BENCH_PRODUCTS || 100000)
const LINKS_PER_PRODUCT = Number(process.env.BENCH_LINKS_PER_PRODUCT || 3)
const REQUESTS = Number(process.env.BENCH_REQUESTS || 40)
const DB_NAME = "search_bench"

async function generate(db, channelId) {
  const t = Date.now()
  await db.query("BEGIN")
  await db.query(
    `CREATE TEMP TABLE bench_type (n int PRIMARY KEY, fr text, ar text, typo text, parent text) ON COMMIT DROP`
  )
  await db.query(
    `INSERT INTO bench_type VALUES ${lit(PART_TYPES.map((p, i) => [i, ...p]))}`
  )
  await db.query(
    `CREATE TEMP TABLE bench_brand (n int PRIMARY KEY, name text) ON COMMIT DROP`
  )
  await db.query(
    `INSERT INTO bench_brand VALUES ${lit(BRANDS.map((b, i) => [i, b]))}`
  )
  // categories: parents, then one per part type
  await db.query(`
    INSERT INTO product_category (id, name, handle, parent_category_id, mpath, is_active, is_internal, rank, description)
    SELECT 'pcat_bp_' || md5(parent), parent, 'bench-' || md5(parent), NULL, 'pcat_bp_' || md5(parent), true, false, 0, ''
      FROM (SELECT DISTINCT parent FROM bench_type) x`)
  await db.query(`
    INSERT INTO product_category (id, name, handle, parent_category_id, mpath, is_active, is_internal, rank, description, metadata)
    SELECT 'pcat_bt_' || n, fr, 'bench-type-' || n, 'pcat_bp_' || md5(parent), 'pcat_bp_' || md5(parent) || '.pcat_bt_' || n, true, false, n, '',
           jsonb_build_object('name_ar', ar)
      FROM bench_type`)
  await db.query(`
    INSERT INTO brand (id, name, handle) SELECT 'brand_b' || n, name, 'bench-' || lower(regexp_replace(name, '[^A-Za-z]', '', 'g')) FROM bench_brand`)
  // products: type = i % 32, brand = (i * 7) % 24, reference = 3 letters + 6 digits shown with a space
  await db.query(
    `
    CREATE TEMP TABLE bench_p ON COMMIT DROP AS
    SELECT i, 'prod_b' || lpad(i::text, 7, '0') AS id, ty.n AS type_n, ty.fr, ty.ar, b.n AS brand_n, b.name AS brand,
           upper(substr(md5(i::text), 1, 2)) || (100000 + (i * 7919) % 900000)::text AS ref,
           (1000 + (i * 31) % 9000)::text || '.' || upper(substr(md5('oe' || i), 1, 2)) AS oe1,
           (10 + i % 89)::text || ' ' || (100 + (i * 13) % 899)::text || ' ' || (1000 + (i * 17) % 8999)::text AS oe2
      FROM generate_series(1, $1) AS i
      JOIN bench_type ty ON ty.n = i % ${PART_TYPES.length}
      JOIN bench_brand b ON b.n = (i * 7) % ${BRANDS.length}`,
    [N_PRODUCTS]
  )
  await db.query(`
    INSERT INTO product (id, title, handle, status, discountable, is_giftcard, created_at, metadata)
    SELECT id, fr || ' ' || brand || ' ' || substr(ref, 1, 2) || ' ' || substr(ref, 3), 'bench-' || i,
           (CASE WHEN i % 50 = 0 THEN 'draft' ELSE 'published' END)::product_status_enum, true, false, now() - (i || ' seconds')::interval,
           jsonb_build_object('mpn', ref, 'oe_numbers', jsonb_build_array(oe1, oe2),
                              'title_ar', ar || ' ' || brand || ' ' || ref)
      FROM bench_p`)
  await db.query(`
    INSERT INTO product_variant (id, title, product_id, sku, inventory_quantity, allow_backorder, manage_inventory)
    SELECT 'variant_b' || lpad(i::text, 7, '0'), 'Default', id, upper(substr(regexp_replace(brand, '[^A-Za-z]', '', 'g'), 1, 3)) || '-' || ref, 10, false, false
      FROM bench_p`)
  await db.query(
    `INSERT INTO product_sales_channel (product_id, sales_channel_id) SELECT id, $1 FROM bench_p`,
    [channelId]
  )
  await db.query(
    `INSERT INTO product_category_product (product_id, product_category_id) SELECT id, 'pcat_bt_' || type_n FROM bench_p`
  )
  await db.query(
    `INSERT INTO fitment_product (product_id, brand_id, is_universal) SELECT id, 'brand_b' || brand_n, i % 500 = 0 FROM bench_p`
  )
  await db.query(`
    INSERT INTO part_number (id, product_id, type, brand_name, raw, normalized)
    SELECT 'pn_b' || i || '_' || k, id, CASE k WHEN 1 THEN 'mpn' ELSE 'oe' END, CASE k WHEN 1 THEN brand ELSE '' END,
           CASE k WHEN 1 THEN ref WHEN 2 THEN oe1 ELSE oe2 END,
           regexp_replace(upper(CASE k WHEN 1 THEN ref WHEN 2 THEN oe1 ELSE oe2 END), '[^A-Z0-9]', '', 'g')
      FROM bench_p, generate_series(1, 3) AS k`)
  // vehicles: 10 makes × 10 models × 10 versions
  await db.query(
    `INSERT INTO vehicle_make (id, name, handle, key) VALUES ${lit(MAKES.map(([m], i) => [`vmake_b${i}`, m, `bench-${i}`, `bench${i}`]))}`
  )
  await db.query(
    `INSERT INTO vehicle_model (id, make_id, name, handle, key) VALUES ${lit(
      MAKES.flatMap(([, models], i) =>
        models.map((m, j) => [
          `vmodel_b${i}_${j}`,
          `vmake_b${i}`,
          m,
          `bench-${i}-${j}`,
          `bench${i}m${j}`,
        ])
      )
    )}`
  )
  await db.query(`
    INSERT INTO vehicle (id, make_id, model_id, year_from, year_to, engine, engine_code, fuel, natural_key)
    SELECT 'veh_b' || lpad(v::text, 4, '0'), 'vmake_b' || (v / 100), 'vmodel_b' || (v / 100) || '_' || (v / 10 % 10),
           2000 + v % 20, 2005 + v % 20, '1.' || (2 + v % 8) || ' ' || CASE WHEN v % 2 = 0 THEN 'HDi' ELSE 'VTi' END, 'E' || v,
           CASE WHEN v % 2 = 0 THEN 'diesel' ELSE 'petrol' END, 'bench|' || v
      FROM generate_series(0, 999) AS v`)
  await db.query(
    `
    INSERT INTO fitment (id, product_id, vehicle_id, source)
    SELECT 'fit_b' || i || '_' || k, id, 'veh_b' || lpad(((i * 37 + k * 331) % 1000)::text, 4, '0'), 'import'
      FROM bench_p, generate_series(1, $1) AS k`,
    [LINKS_PER_PRODUCT]
  )
  // the statement triggers queued every product: the full reindex below builds them instead
  await db.query(`DELETE FROM search_dirty`)
  await db.query("COMMIT")
  await db.query("ANALYZE")
  const [{ products, links }] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM product) AS products, (SELECT count(*)::int FROM fitment) AS links`
    )
  ).rows
  log(
    `generated ${products} products (2% drafts), ${links} fitment links, ${PART_TYPES.length} part types, ${BRANDS.length} brands in ${((Date.now() - t) / 1000).toFixed(1)} s`
  )
}

async function main() {
  const bench = await prepareBenchApp(DB_NAME, { log, withoutRedis: true })
  const { app, port } = await bench.start()

  const db = new Client({ connectionString: bench.url })
  await db.connect()
  const [{ channel }] = (
    await db.query(
      `SELECT default_sales_channel_id AS channel FROM store LIMIT 1`
    )
  ).rows
  await generate(db, channel)

  // ---- full reindex
  const { reindex } = require(path.join(ROOT, "scripts", "search-reindex"))
  const full = await reindex({
    url: bench.url,
    log: (m) => log(`reindex: ${m}`),
  })
  const [{ size }] = (
    await db.query(
      `SELECT pg_size_pretty(pg_total_relation_size('search_document')) AS size`
    )
  ).rows
  log(
    `full reindex of ${full.products} products: ${(full.ms / 1000).toFixed(1)} s (${Math.round(full.products / (full.ms / 1000))} products/s), search_document ${size}`
  )

  // ---- queries, built from real generated products
  const sample = (
    await db.query(
      `
      SELECT p.id, p.title, p.metadata, v.sku, (SELECT f.vehicle_id FROM fitment f WHERE f.product_id = p.id LIMIT 1) AS vehicle_id,
             (SELECT b.name FROM fitment_product fp JOIN brand b ON b.id = fp.brand_id WHERE fp.product_id = p.id) AS brand
        FROM product p JOIN product_variant v ON v.product_id = p.id
       WHERE p.status = 'published' ORDER BY md5(p.id) LIMIT $1`,
      [REQUESTS]
    )
  ).rows
  const pick = (i) => sample[i % sample.length]
  const typeOf = (p) => PART_TYPES.find(([fr]) => p.title.startsWith(fr))
  const kinds = [
    ["French words with typos", (i) => ({ q: typeOf(pick(i))[2] })],
    [
      "part type + brand",
      (i) => ({
        q: `${typeOf(pick(i))[0].split(" ")[0].toLowerCase()} ${pick(i).brand}`,
      }),
    ],
    ["Arabic name", (i) => ({ q: typeOf(pick(i))[1] })],
    ["brand", (i) => ({ q: pick(i).brand.toUpperCase() })],
    ["SKU", (i) => ({ q: pick(i).sku })],
    [
      "manufacturer number, spaced",
      (i) => ({ q: pick(i).metadata.mpn.split("").join(" ") }),
    ],
    [
      "OE number with dots/dashes",
      (i) => ({ q: pick(i).metadata.oe_numbers[1].replace(/ /g, "-") }),
    ],
    ["category name", (i) => ({ q: typeOf(pick(i))[3] })],
    [
      "words + vehicle_id",
      (i) => ({ q: typeOf(pick(i))[2], vehicle_id: pick(i).vehicle_id }),
    ],
    [
      "vehicle_id only (browse)",
      (i) => ({ q: "", vehicle_id: pick(i).vehicle_id }),
    ],
  ]
  const url = `http://127.0.0.1:${port}/store/products/search`
  const post = async (body) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
    const json = await res.json()
    if (res.status !== 200) {
      throw new Error(
        `${JSON.stringify(body)}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`
      )
    }
    return json
  }
  const all = []
  const rows = []
  for (const [label, make] of kinds) {
    let empty = 0
    let refFirst = 0
    let warm = false
    const times = await timeEach(REQUESTS, async (i) => {
      const json = await post(make(i))
      if (!warm) {
        warm = true // the warm-up call is not counted
      } else if (!json.hits.length) {
        empty++
      } else if (json.hits[0].id === pick(i).id) {
        refFirst++
      }
    })
    all.push(...times)
    const extra = /SKU|number/.test(label)
      ? `, the product first in ${refFirst}/${REQUESTS}`
      : ""
    rows.push(percentiles(label, times))
    log(
      `${label.padEnd(32)} ${p50p95(times, 5)}   (${REQUESTS - empty}/${REQUESTS} with hits${extra})`
    )
  }
  log(
    `${"all searches".padEnd(32)} ${p50p95(all, 5)}   (${all.length} requests, one at a time)`
  )

  // ---- freshness: a title change, as an admin edit would write it, until it is found
  const word = `benchword${Date.now().toString(36)}`
  const target = pick(1)
  const t0 = Date.now()
  await db.query(
    `UPDATE product SET title = title || ' ' || $2 WHERE id = $1`,
    [target.id, word]
  )
  let fresh = null
  while (Date.now() - t0 < 30000) {
    const json = await post({ q: word })
    if (json.hits.some((h) => h.id === target.id)) {
      fresh = Date.now() - t0
      break
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  log(
    fresh === null
      ? "a title change was NOT searchable within 30 s"
      : `a title change was searchable after ${fresh} ms (refresh loop, ${N_PRODUCTS} products)`
  )

  await db.end()
  await bench.finish(app)
}

runBench(main)
