#!/usr/bin/env node
/**
 * Fitment benchmark (not a test). On a separate database created on DATABASE_URL's server
 * (default postgres://postgres@127.0.0.1:5432/postgres → database "fitment_bench"):
 *
 *   1. bulk-creates BENCH_PRODUCTS products (default 100,000, one variant each) and BENCH_VEHICLES vehicles with SQL
 *      generate_series (scripts/bench/lib/catalogue-data.js, shared with store-bench);
 *   2. times the CSV import of BENCH_IMPORT_ROWS fitment rows (default 100,000) through FitmentImportService,
 *      the code behind POST /admin/fitment/imports and the CLI;
 *   3. tops the links up to BENCH_LINKS (default 1,000,000) with SQL, one "popular" vehicle fitting
 *      BENCH_POPULAR products (default 30,000);
 *   4. boots the real Medusa app on that database and measures p50/p95 of GET /store/products?limit=12 over HTTP:
 *      with ?vehicle_id=<popular vehicle> (this plugin: one sub-select), without filter, and the demo approach
 *      (vehicle → list of product ids in `id`, done server-side through productService.listAndCount as the demo's
 *      middleware does, since 30,000 ids do not fit in a URL).
 *
 *   node scripts/bench/fitment-bench.js            (BENCH_REQUESTS=40 per case, BENCH_KEEP=1 keeps the database)
 */
const { Client } = require("pg")
const {
  insertProducts,
  insertVehicles,
  insertUniversal,
  insertLinks,
} = require("./lib/catalogue-data")
const { log, prepareBenchApp, runBench, timeCase } = require("./lib/bench-app")

const N_PRODUCTS = Number(process.env.BENCH_PRODUCTS || 100000)
const N_VEHICLES = Number(process.env.BENCH_VEHICLES || 10000)
const N_IMPORT = Number(process.env.BENCH_IMPORT_ROWS || 100000)
const N_LINKS = Number(process.env.BENCH_LINKS || 1000000)
const N_POPULAR = Number(process.env.BENCH_POPULAR || 30000)
const REQUESTS = Number(process.env.BENCH_REQUESTS || 40)

async function main() {
  const bench = await prepareBenchApp("fitment_bench", { log })
  const db = new Client({ connectionString: bench.url })
  await db.connect()
  let t = Date.now()
  // the default sales channel is created on first boot; make one now so products can join it
  await db.query(
    `INSERT INTO sales_channel (id, name, is_disabled) VALUES ('sc_bench', 'Default Sales Channel', false) ON CONFLICT DO NOTHING`
  )
  await insertProducts(db, { count: N_PRODUCTS, channelId: "sc_bench" })
  await insertVehicles(db, { count: N_VEHICLES })
  await insertUniversal(db, { universal: 50 })
  await db.query("ANALYZE")
  log(
    `${N_PRODUCTS} products, ${N_VEHICLES} vehicles inserted in ${((Date.now() - t) / 1000).toFixed(1)} s`
  )

  // ---- the real app (booted before any Medusa module is required here: its models read feature flags at load)
  const { app, port } = await bench.start()
  // the store list filters on the store's default sales channel, created at first boot
  await db.query(
    `UPDATE product_sales_channel SET sales_channel_id = (SELECT default_sales_channel_id FROM store LIMIT 1)`
  )
  // ---- 2. import of N_IMPORT fitment rows through the import service
  const lines = ["sku,vehicle_id,position,quantity,note_fr"]
  for (let i = 0; i < N_IMPORT; i++) {
    const product = 1 + (i % N_PRODUCTS)
    const vehicle = 1 + ((i * 7919) % N_VEHICLES)
    lines.push(
      `sku-${product},veh_b${String(vehicle).padStart(6, "0")},${i % 3 === 0 ? "avant" : i % 3 === 1 ? "arrière" : ""},${1 + (i % 4)},${i % 10 === 0 ? "Vérifier le diamètre" : ""}`
    )
  }
  const csv = lines.join("\n")
  const service = app.container.resolve("fitmentImportService")
  t = Date.now()
  const dry = await service.import("fitments", csv, {
    dryRun: true,
    detailsLimit: 0,
  })
  const dryMs = Date.now() - t
  t = Date.now()
  const real = await service.import("fitments", csv, { detailsLimit: 0 })
  const importMs = Date.now() - t
  t = Date.now()
  const again = await service.import("fitments", csv, { detailsLimit: 0 })
  const reimportMs = Date.now() - t
  log(
    `import ${N_IMPORT} fitment rows: dry run ${(dryMs / 1000).toFixed(1)} s, real ${(importMs / 1000).toFixed(1)} s (created ${real.summary.created}, invalid ${real.summary.invalid}), re-import ${(reimportMs / 1000).toFixed(1)} s (unchanged ${again.summary.unchanged}, created ${again.summary.created})`
  )
  if (dry.summary.invalid || real.summary.invalid) {
    throw new Error(
      `bench import had invalid rows: ${JSON.stringify(real.invalid_rows.slice(0, 3))}`
    )
  }

  // ---- 3. links up to N_LINKS: the popular vehicle, then spread
  t = Date.now()
  const { links, popular } = await insertLinks(db, {
    products: N_PRODUCTS,
    vehicles: N_VEHICLES,
    total: N_LINKS,
    popular: N_POPULAR,
  })
  await db.query("ANALYZE")
  log(
    `links: ${links} in total, ${popular} for the popular vehicle (SQL top-up ${((Date.now() - t) / 1000).toFixed(1)} s)`
  )
  await db.end()

  const url = `http://127.0.0.1:${port}`
  const get = async (p) => {
    const res = await fetch(`${url}${p}`)
    const body = await res.json()
    if (res.status !== 200)
      throw new Error(
        `${p}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`
      )
    return body
  }
  const filtered = await get(`/store/products?vehicle_id=veh_b000001&limit=12`)
  log(
    `vehicle-filtered list: count ${filtered.count} (popular vehicle links + 50 universal)`
  )
  if (!filtered.count) {
    throw new Error(
      "the filtered list is empty: the products are not in the store's default sales channel"
    )
  }
  const results = []
  results.push(
    await timeCase("GET /store/products?limit=12 (no filter)", REQUESTS, () =>
      get(`/store/products?limit=12`)
    )
  )
  results.push(
    await timeCase(
      "GET /store/products?vehicle_id=<popular>&limit=12 (plugin)",
      REQUESTS,
      () => get(`/store/products?vehicle_id=veh_b000001&limit=12`)
    )
  )
  results.push(
    await timeCase("  same, page 100 (offset 1188)", REQUESTS, () =>
      get(`/store/products?vehicle_id=veh_b000001&limit=12&offset=1188`)
    )
  )
  results.push(
    await timeCase(
      "GET /store/products?vehicle_id=<average>&limit=12 (plugin)",
      REQUESTS,
      (i) =>
        get(
          `/store/products?vehicle_id=veh_b${String(2 + (i ?? 0) * 37).padStart(6, "0")}&limit=12`
        )
    )
  )

  // the demo approach, as its middleware does it: resolve the vehicle's product ids, pass them as `id`
  const container = app.container || (app.app && app.app.container)
  if (container) {
    const productService = container.resolve("productService")
    const manager = container.resolve("manager")
    const relations = [
      "variants",
      "variants.prices",
      "variants.options",
      "options",
      "options.values",
      "images",
      "tags",
      "collection",
      "type",
      "profiles",
    ]
    const demo = async () => {
      const rows = await manager.query(
        `SELECT fitment_products_for_vehicles(ARRAY[$1]::text[]) AS product_id`,
        ["veh_b000001"]
      )
      return productService.listAndCount(
        { id: rows.map((r) => r.product_id), status: ["published"] },
        { skip: 0, take: 12, relations, order: { created_at: "DESC" } }
      )
    }
    const [, demoCount] = await demo()
    log(`demo approach: ${demoCount} products`)
    results.push(
      await timeCase(
        "demo approach: id IN (<ids of the popular vehicle>) (in-process)",
        Math.min(REQUESTS, 20),
        demo
      )
    )
    const { Raw } = require("typeorm")
    const plugin = () =>
      productService.listAndCount(
        {
          id: Raw(
            (a) =>
              `${a} IN (SELECT fitment_products_for_vehicles(CAST(:v AS text[])))`,
            { v: ["veh_b000001"] }
          ),
          status: ["published"],
        },
        { skip: 0, take: 12, relations, order: { created_at: "DESC" } }
      )
    results.push(
      await timeCase(
        "plugin sub-select, same call (in-process)",
        Math.min(REQUESTS, 20),
        plugin
      )
    )
  } else {
    log(
      "startServer did not expose the container: demo-approach timing skipped"
    )
  }
  await bench.finish(app)
}

runBench(main)
