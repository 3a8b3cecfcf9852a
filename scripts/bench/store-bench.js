#!/usr/bin/env node
/**
 * `npm run bench:store`: the store read path under load (a script that prints figures, not a test).
 *
 *   1. a separate database "store_bench" on DATABASE_URL's server (an embedded PostgreSQL when it does not
 *      answer); the real migrations and the demo seed (Tunisia region, store, default sales channel and
 *      shipping profile, admin user) by a first boot of the real server (scripts/lib/app.js startServer);
 *   2. set-based SQL (scripts/bench/lib/catalogue-data.js): BENCH_PRODUCTS published products (default
 *      100,000, the demo ones included) with 3 variants, TND prices in millimes, stock, options, images, tags,
 *      a 3-level category tree, BENCH_BRANDS brands, BENCH_VEHICLES vehicles, BENCH_LINKS fitment links
 *      (veh_b000001 fits BENCH_POPULAR parts); then the catalogue read model (scripts/catalogue-rebuild.js,
 *      which rebuilds the search documents too) when it exists, else the search documents (search:reindex);
 *   3. the real server (scripts/lib/app.js startServer, through scripts/bench/lib/serve.js) in a child process on a free port, with Redis when REDIS_URL
 *      answers (own REDIS_PREFIX); waits for GET /admin/catalogue/status to report nothing pending when
 *      that route exists;
 *   4. autocannon, BENCH_DURATION seconds (default 10) per read at each of BENCH_CONNECTIONS (default 10,500):
 *      /health (the floor), then the reads a storefront makes (region_id of Tunisia where the Next.js
 *      starter sends it); a table of req/s, p50/p95/p99, errors and the ratio to /health of the same run,
 *      printed and written to .tmp/bench/store-bench-<time>.{md,json};
 *   5. cleans up: server stopped, database dropped unless BENCH_KEEP=1.
 *
 *   npm run bench:store
 *   BENCH_PRODUCTS=3000 BENCH_VEHICLES=300 BENCH_LINKS=30000 BENCH_DURATION=3 npm run bench:store
 *
 * Other knobs: BENCH_READS=listing,… (a subset), BENCH_NO_BUILD=1, BENCH_REUSE=1 (measure again on the
 * database a BENCH_KEEP=1 run kept: no generation nor rebuild), BENCH_TIMEOUT (s, per request, 10),
 * BENCH_DRAIN (s, 90: longest wait for the previous run's queries before the next run),
 * BENCH_ACCEPT_ENCODING (default "gzip, deflate, br", as a storefront's fetch; empty for plain bodies).
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { freePort } = require("../lib/database")
const { isRedisReachable } = require("../lib/redis")
const { mulberry32 } = require("../lib/prng")
const { openBenchDatabase, connect } = require("./lib/bench-db")
const data = require("./lib/catalogue-data")
const { PART_TYPES } = require("./lib/vocabulary")
const { startServerProcess } = require("./lib/server-process")
const { measure } = require("./lib/load")

const ROOT = path.resolve(__dirname, "..", "..")
const OUT_DIR = path.join(ROOT, ".tmp", "bench")
const DB_NAME = "store_bench"
const ADMIN = { email: "bench@shabou.tn", password: "bench-password" }

function intEnv(name, fallback, min = 1) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") {
    return fallback
  }
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`)
  }
  return Number(raw)
}

const N_PRODUCTS = intEnv("BENCH_PRODUCTS", 100000)
const N_VEHICLES = intEnv("BENCH_VEHICLES", 10000, 2)
const N_LINKS = intEnv("BENCH_LINKS", 1000000)
const N_POPULAR = intEnv(
  "BENCH_POPULAR",
  Math.min(30000, Math.floor(N_PRODUCTS * 0.3))
)
const N_BRANDS = intEnv("BENCH_BRANDS", 100)
const VARIANTS = 3
const DURATION = intEnv("BENCH_DURATION", 10)
const TIMEOUT = intEnv("BENCH_TIMEOUT", 10)
const DRAIN = intEnv("BENCH_DRAIN", 90)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "10,500")
  .split(",")
  .map((c) => {
    if (!/^[1-9][0-9]*$/.test(c.trim())) {
      throw new Error(
        `BENCH_CONNECTIONS must be a comma list of whole numbers, got "${process.env.BENCH_CONNECTIONS}"`
      )
    }
    return Number(c)
  })
// BENCH_REUSE=1 measures again on the database a BENCH_KEEP=1 run left (no generation, no rebuild: the
// server's migrations run and its read model catches up on what changed); the database is kept
const REUSE = Boolean(process.env.BENCH_REUSE)
const KEEP = Boolean(process.env.BENCH_KEEP) || REUSE
// what a storefront's fetch sends (undici, browsers); BENCH_ACCEPT_ENCODING= (empty) asks for plain bodies
const ACCEPT_ENCODING = process.env.BENCH_ACCEPT_ENCODING ?? "gzip, deflate, br"

const log = (m) => process.stdout.write(`[bench] ${m}\n`)
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`

/** Deterministic shuffle, so two runs send the same sequence. */
function shuffle(items, seed) {
  const rnd = mulberry32(seed)
  const a = [...items]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

/** A typing mistake in `word`: a letter dropped, doubled or swapped with the next one. */
function typo(word, seed) {
  const letters = [...word]
  if (letters.length < 4) {
    return word
  }
  const at = 1 + (seed % (letters.length - 2))
  const kind = seed % 3
  if (kind === 0) {
    letters.splice(at, 1)
  } else if (kind === 1) {
    letters.splice(at, 0, letters[at])
  } else {
    ;[letters[at], letters[at + 1]] = [letters[at + 1], letters[at]]
  }
  return letters.join("")
}

const plain = (s) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()

/** 200 different searches a shopper types: part names with typos, brands, Arabic names, references. */
function searchQueries(brands, references) {
  const out = new Set()
  const add = (q) => out.size < 200 && q.trim() && out.add(q.trim())
  PART_TYPES.forEach(([, , typed]) => add(typed))
  PART_TYPES.forEach(([, ar]) => add(ar))
  PART_TYPES.forEach(([fr], i) =>
    add(
      plain(fr)
        .split(" ")
        .map((w, j) => (j === 0 ? typo(w, i + 7) : w))
        .join(" ")
    )
  )
  brands.slice(0, 24).forEach((b, i) => add(typo(b.toLowerCase(), i + 3)))
  PART_TYPES.forEach(([fr], i) =>
    add(
      `${plain(fr).split(" ")[0]} ${brands[(i * 5) % brands.length].toLowerCase()}`
    )
  )
  references.forEach((r, i) =>
    add(i % 2 ? r : `${r.slice(0, 2)} ${r.slice(2)}`)
  )
  for (let i = 0; out.size < 200 && i < 1000; i++) {
    const [fr] = PART_TYPES[i % PART_TYPES.length]
    add(`${typo(plain(fr), i)} ${brands[i % brands.length]}`)
  }
  return [...out]
}

function fmt(n, digits = 0) {
  return n === null || n === undefined
    ? "—"
    : Number(n).toLocaleString("en-US", {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })
}

async function generate(db, { channelId, profileId }) {
  const t = Date.now()
  const [{ demo }] = (
    await db.query(
      `SELECT count(*)::int AS demo FROM product WHERE deleted_at IS NULL`
    )
  ).rows
  const count = N_PRODUCTS - demo
  if (count < 10) {
    throw new Error(
      `BENCH_PRODUCTS (${N_PRODUCTS}) must exceed the ${demo} demo products by at least 10`
    )
  }
  const brands = data.brandNames(N_BRANDS)
  const step = async (label, fn) => {
    const s = Date.now()
    const out = await fn()
    log(`  ${label} (${secs(s)})`)
    return out
  }
  await db.query("BEGIN")
  // Medusa's trigram (GIN) indexes on titles, descriptions and SKUs are built once after the load
  await step(
    "products and variants (trigram indexes built after the load)",
    () =>
      data.withoutGinIndexes(db, ["product", "product_variant"], async () => {
        await step(
          `${count} products × ${VARIANTS} variants, sales channel, images`,
          () =>
            data.insertProducts(db, {
              count,
              channelId,
              variants: VARIANTS,
              brands,
              manageInventory: true,
              images: true,
            })
        )
        await step(
          "options, option values, TND prices, shipping profile, tags",
          () =>
            data.insertStoreRows(db, {
              count,
              variants: VARIANTS,
              profileId,
              currency: "tnd",
            })
        )
      })
  )
  const { categories } = await step("category tree", () =>
    data.insertCategoryTree(db, { count })
  )
  await step(`${N_BRANDS} brands, product brands and part numbers`, () =>
    data.insertBrandsAndFacts(db, { count, brands })
  )
  await step(`${N_VEHICLES} vehicles`, () =>
    data.insertVehicles(db, { count: N_VEHICLES })
  )
  const { links, popular } = await step("fitment links", () =>
    data.insertLinks(db, {
      products: count,
      vehicles: N_VEHICLES,
      total: N_LINKS,
      popular: Math.min(N_POPULAR, count),
    })
  )
  // the statement triggers queued every product for the search refresh loop: the full reindex builds them
  await db.query(`DELETE FROM search_dirty`)
  await db.query("COMMIT")
  await step("ANALYZE", () => db.query("ANALYZE"))
  const [{ products, variants, prices }] = (
    await db.query(`
      SELECT (SELECT count(*)::int FROM product WHERE deleted_at IS NULL AND status = 'published') AS products,
             (SELECT count(*)::int FROM product_variant WHERE deleted_at IS NULL) AS variants,
             (SELECT count(*)::int FROM product_variant_money_amount WHERE deleted_at IS NULL) AS prices`)
  ).rows
  log(
    `generated in ${secs(t)}: ${products} published products (${demo} from the demo seed), ${variants} variants, ${prices} prices, ` +
      `${categories} bench categories, ${N_BRANDS} brands, ${N_VEHICLES} vehicles, ${links} fitment links (${popular} on ${data.POPULAR_VEHICLE})`
  )
  return {
    products,
    variants,
    prices,
    links,
    popular,
    demo,
    generated: count,
    ms: Date.now() - t,
  }
}

/** The sizes of a kept bench catalogue (BENCH_REUSE=1), as `generate` reports them. */
async function existing(db) {
  const [row] = (
    await db.query(
      `
      SELECT (SELECT count(*)::int FROM product WHERE deleted_at IS NULL AND status = 'published') AS products,
             (SELECT count(*)::int FROM product_variant WHERE deleted_at IS NULL) AS variants,
             (SELECT count(*)::int FROM product_variant_money_amount WHERE deleted_at IS NULL) AS prices,
             (SELECT count(*)::int FROM vehicle) AS vehicles,
             (SELECT count(*)::int FROM fitment) AS links,
             (SELECT count(*)::int FROM fitment WHERE vehicle_id = $1) AS popular`,
      [data.POPULAR_VEHICLE]
    )
  ).rows
  if (row.products < 10) {
    throw new Error(
      `BENCH_REUSE=1: ${DB_NAME} holds ${row.products} published products: nothing to measure`
    )
  }
  return { ...row, ms: null }
}

function runNode(script, env) {
  const { spawn } = require("child_process")
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    })
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${path.relative(ROOT, script)} exited with code ${code}`)
          )
    )
  })
}

async function adminToken(url) {
  const res = await fetch(`${url}/admin/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  })
  if (!res.ok) {
    throw new Error(`admin login as ${ADMIN.email} failed: ${res.status}`)
  }
  return (await res.json()).access_token
}

/** Waits until the read model reports nothing pending nor queued; false when the route does not exist. */
async function waitForCatalogue(url, token) {
  const started = Date.now()
  let lastLog = 0
  for (;;) {
    const res = await fetch(`${url}/admin/catalogue/status`, {
      headers: { authorization: `Bearer ${token}` },
    })
    if (res.status === 404) {
      return false
    }
    if (!res.ok) {
      throw new Error(`GET /admin/catalogue/status answered ${res.status}`)
    }
    const status = await res.json()
    const pending = Number(status.pending ?? 0) + Number(status.queued ?? 0)
    if (pending === 0) {
      log(
        `catalogue read model ready (${secs(started)}): ${JSON.stringify(status).slice(0, 200)}`
      )
      return true
    }
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now()
      log(
        `  catalogue: ${status.pending ?? 0} pending, ${status.queued ?? 0} queued (${secs(started)})`
      )
    }
    if (Date.now() - started > 120 * 60 * 1000) {
      throw new Error(
        `the catalogue read model still has ${pending} pending after 2 hours`
      )
    }
    // the status counts the missing bodies over every product: asked every 5 s, not to slow the rendering
    await new Promise((r) => setTimeout(r, 5000))
  }
}

/**
 * Waits until no query of the previous run is still running on the bench database (a slow server still
 * works off the requests a run left queued), at most BENCH_DRAIN seconds; resolves the time waited, and
 * whether the database was quiet then.
 */
async function drain(db) {
  const started = Date.now()
  let quiet = 0
  while (quiet < 3 && Date.now() - started < DRAIN * 1000) {
    const [{ n }] = (
      await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`
      )
    ).rows
    quiet = n === 0 ? quiet + 1 : 0
    await new Promise((r) => setTimeout(r, 300))
  }
  return { ms: Date.now() - started, quiet: quiet >= 3 }
}

/** The reads, each a list of requests autocannon sends in turn. */
async function buildReads(db) {
  const [{ region }] = (
    await db.query(
      `SELECT id AS region FROM region WHERE currency_code = 'tnd' AND deleted_at IS NULL ORDER BY created_at LIMIT 1`
    )
  ).rows
  if (!region) {
    throw new Error("no TND region in the bench database")
  }
  const rows = async (sql, params) => (await db.query(sql, params)).rows
  const vehicles = (
    await rows(
      `
      SELECT vehicle_id AS id FROM (SELECT vehicle_id FROM fitment WHERE vehicle_id <> $1 GROUP BY vehicle_id) v ORDER BY md5(vehicle_id) LIMIT 999`,
      [data.POPULAR_VEHICLE]
    )
  ).map((r) => r.id)
  vehicles.unshift(data.POPULAR_VEHICLE)
  const categories = (
    await rows(
      `SELECT id FROM product_category WHERE id LIKE 'pcat_b%' ORDER BY id`
    )
  ).map((r) => r.id)
  const brands = await rows(
    `SELECT b.id, b.name FROM brand b WHERE EXISTS (SELECT 1 FROM fitment_product f WHERE f.brand_id = b.id) ORDER BY b.id`
  )
  const products = await rows(`
    SELECT p.id, p.handle, p.mid_code FROM product p
     WHERE p.status = 'published' AND p.deleted_at IS NULL ORDER BY md5(p.id) LIMIT 2000`)
  const pages = (n) => Array.from({ length: n }, (_, i) => i * 12)
  const list = (filter, offset) =>
    `/store/products?${filter}${filter ? "&" : ""}limit=12&offset=${offset}&region_id=${region}`
  const search = searchQueries(
    brands.map((b) => b.name),
    products
      .filter((p) => p.mid_code)
      .slice(0, 40)
      .map((p) => p.mid_code)
  )
  const get = (p) => ({ path: p })
  const reads = [
    {
      key: "health",
      label: "GET /health (the floor)",
      requests: [get("/health")],
    },
    {
      key: "listing",
      label: "listing, pages 1–100",
      requests: pages(100).map((o) => get(list("", o))),
    },
    {
      key: "vehicle",
      label: `by vehicle, ${vehicles.length} vehicles × 10 pages`,
      requests: shuffle(
        vehicles.flatMap((v) =>
          pages(10).map((o) => get(list(`vehicle_id=${v}`, o)))
        ),
        1
      ),
    },
    {
      key: "category",
      label: `by category (+children), ${categories.length} × 10 pages`,
      requests: shuffle(
        categories.flatMap((c) =>
          pages(10).map((o) =>
            get(list(`category_id[]=${c}&include_category_children=true`, o))
          )
        ),
        2
      ),
    },
    {
      key: "brand",
      label: `by brand, ${brands.length} × 10 pages`,
      requests: shuffle(
        brands.flatMap((b) =>
          pages(10).map((o) => get(list(`brand_id=${b.id}`, o)))
        ),
        3
      ),
    },
    {
      key: "search",
      label: `search, ${search.length} queries`,
      requests: shuffle(search, 4).map((q) => ({
        method: "POST",
        path: "/store/products/search",
        body: JSON.stringify({ q, limit: 12 }),
      })),
    },
    {
      key: "product",
      label: `product page by id, ${products.length} ids`,
      requests: products.map((p) =>
        get(`/store/products/${p.id}?region_id=${region}`)
      ),
    },
    {
      key: "handle",
      label: `product page by handle, ${products.length} handles`,
      requests: products.map((p) =>
        get(`/store/products?handle=${encodeURIComponent(p.handle)}`)
      ),
    },
  ]
  const only = (process.env.BENCH_READS || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = only.filter((k) => !reads.some((r) => r.key === k))
  if (unknown.length) {
    throw new Error(
      `BENCH_READS: unknown read(s) ${unknown.join(", ")} (known: ${reads.map((r) => r.key).join(", ")})`
    )
  }
  return {
    region,
    reads: only.length
      ? reads.filter((r) => r.key === "health" || only.includes(r.key))
      : reads,
  }
}

/** One request of each read before the load: a non-2xx here stops the bench with the answer. */
async function checkReads(url, reads) {
  for (const read of reads) {
    const r = read.requests[0]
    const t = Date.now()
    const res = await fetch(`${url}${r.path}`, {
      method: r.method || "GET",
      headers: r.body ? { "content-type": "application/json" } : {},
      body: r.body,
    })
    const text = await res.text()
    if (!res.ok) {
      throw new Error(
        `${r.method || "GET"} ${r.path}${r.body ? ` ${r.body}` : ""} answered ${res.status}: ${text.slice(0, 200)}`
      )
    }
    let what = ""
    try {
      const json = JSON.parse(text)
      const variant = (json.product || (json.products || [])[0] || {})
        .variants?.[0]
      const price =
        variant && variant.calculated_price !== undefined
          ? `, first variant calculated_price ${variant.calculated_price}`
          : ""
      what =
        (json.count !== undefined
          ? `count ${json.count}`
          : json.estimatedTotalHits !== undefined
            ? `${json.estimatedTotalHits} hits`
            : json.product
              ? "1 product"
              : "") + price
    } catch (e) {
      what = text.slice(0, 20)
    }
    const encoding = res.headers.get("content-encoding")
    log(
      `  ${read.key.padEnd(9)} ${res.status} ${what}, ${(text.length / 1024).toFixed(1)} kB${encoding ? ` (sent ${encoding})` : ""}, ${Date.now() - t} ms, ` +
        `x-catalogue: ${res.headers.get("x-catalogue") || "—"}`
    )
  }
}

async function machine(db, redis) {
  const [{ version }] = (
    await db.query(`SELECT current_setting('server_version') AS version`)
  ).rows
  const cpus = os.cpus()
  return {
    cores: cpus.length,
    cpu: cpus[0] ? cpus[0].model.trim() : "?",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    postgres: version,
    redis,
    node: process.version,
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  }
}

/**
 * Issue 10's bar: at the first connection count ≥ 25 % of /health's req/s with p95 ≤ 50 ms; at the others
 * no error, timeout nor non-2xx and ≥ 90 % of the first count's req/s.
 */
function target(r, health, base, first) {
  if (r.key === "health") {
    return ""
  }
  const clean = r.errors + r.timeouts + r.non2xx === 0 && r.answered > 0
  const ok = first
    ? clean &&
      health &&
      health.rps > 0 &&
      r.rps >= 0.25 * health.rps &&
      r.p95 !== null &&
      r.p95 <= 50
    : clean && base && base.rps > 0 && r.rps >= 0.9 * base.rps
  return ok ? "✓" : "✗"
}

function table(results, connections) {
  const lines = [
    `| read | conn. | answers | req/s | p50 ms | p95 ms | p99 ms | errors / timeouts / non-2xx | vs /health | vs ${connections[0]} conn. | x-catalogue | target |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|:-:|",
  ]
  for (const c of connections) {
    const health = results.find(
      (r) => r.key === "health" && r.connections === c
    )
    for (const r of results.filter((x) => x.connections === c)) {
      const base = results.find(
        (x) => x.key === r.key && x.connections === connections[0]
      )
      const ratio =
        r.key === "health" || !health || !health.rps
          ? "—"
          : `${fmt((100 * r.rps) / health.rps, 1)} %`
      const scale =
        c === connections[0] || !base || !base.rps
          ? "—"
          : `${fmt((100 * r.rps) / base.rps)} %`
      const header = Object.entries(r.xCatalogue)
        .filter(([k]) => k !== "none" || Object.keys(r.xCatalogue).length > 1)
        .map(([k, n]) => `${k} ${fmt((100 * n) / Math.max(1, r.answered))} %`)
        .join(", ")
      lines.push(
        `| ${r.label} | ${c} | ${fmt(r.answered)} | ${fmt(r.rps, 1)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.errors} / ${r.timeouts} / ${r.non2xx} | ${ratio} | ${scale} | ${header || "—"} | ${target(r, health, base, c === connections[0])} |`
      )
    }
  }
  return lines.join("\n")
}

const cleanup = []

async function runCleanup() {
  while (cleanup.length) {
    await cleanup
      .shift()()
      .catch(() => undefined)
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    process.stderr.write(`bench:store interrupted (${signal}): cleaning up\n`)
    runCleanup().finally(() => process.exit(130))
  })
}

async function main() {
  const started = Date.now()
  let failed = null
  try {
    const database = await openBenchDatabase(DB_NAME, { log })
    cleanup.push(async () => {
      if (!KEEP) {
        await database
          .drop()
          .catch((e) => log(`could not drop ${DB_NAME}: ${e.message}`))
      }
      await database.stop()
    })
    if (REUSE) {
      if (!(await database.exists())) {
        throw new Error(
          `BENCH_REUSE=1: no database ${DB_NAME} on ${database.host} to measure again (run once with BENCH_KEEP=1)`
        )
      }
      log(
        `database ${DB_NAME} on ${database.host}${database.embedded ? " (embedded)" : ""} measured again (BENCH_REUSE=1)`
      )
    } else {
      await database.recreate()
      log(
        `database ${DB_NAME} created on ${database.host}${database.embedded ? " (embedded)" : ""}`
      )
    }
    if (!process.env.BENCH_NO_BUILD) {
      await require(path.join(ROOT, "scripts", "build")).build({
        ifChanged: true,
        admin: false,
      })
    }

    const redis =
      Boolean(process.env.REDIS_URL) &&
      (await isRedisReachable(process.env.REDIS_URL))
    const prefix = `store-bench-${process.pid}:`
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      ADMIN_SERVE: "false",
      MEDUSA_ADMIN_EMAIL: ADMIN.email,
      MEDUSA_ADMIN_PASSWORD: ADMIN.password,
      MEDUSA_DISABLE_TELEMETRY: "true",
      NODE_ENV: process.env.NODE_ENV || "development",
    }
    if (redis) {
      env.REDIS_PREFIX = prefix
      cleanup.unshift(() => clearRedis(process.env.REDIS_URL, prefix))
    } else {
      delete env.REDIS_URL
    }
    log(
      redis
        ? `Redis: yes (${process.env.REDIS_URL}, prefix ${prefix})`
        : "Redis: no (REDIS_URL unset or not answering)"
    )
    fs.mkdirSync(OUT_DIR, { recursive: true })
    const logFile = path.join(OUT_DIR, "store-bench-server.log")
    fs.writeFileSync(logFile, "")

    // ---- 1. migrations + demo seed + admin user: the first boot of the real start script
    let t = Date.now()
    if (!REUSE) {
      log("first boot: migrations, demo seed, admin user …")
      const seedBoot = await startServerProcess({
        env,
        port: await freePort(),
        logFile,
        log,
      })
      await seedBoot.stop()
      log(`first boot done (${secs(t)})`)
    }

    // ---- 2. the catalogue
    const db = await connect(database.url)
    cleanup.unshift(() => db.end().catch(() => undefined))
    const [{ channelId, profileId }] = (
      await db.query(`
        SELECT s.default_sales_channel_id AS "channelId",
               (SELECT id FROM shipping_profile WHERE type = 'default' AND deleted_at IS NULL LIMIT 1) AS "profileId"
          FROM store s LIMIT 1`)
    ).rows
    let generated
    if (REUSE) {
      generated = await existing(db)
      log(
        `kept catalogue: ${generated.products} published products, ${generated.variants} variants, ${generated.links} fitment links`
      )
    } else {
      log(`generating the catalogue …`)
      generated = await generate(db, { channelId, profileId })
    }
    // the read model's rebuild (issue 10) rebuilds the search documents too; without it, search:reindex does
    t = Date.now()
    let searchMs = null
    let catalogueMs = null
    let vacuumMs = null
    const rebuild = path.join(ROOT, "scripts", "catalogue-rebuild.js")
    if (REUSE) {
      log(
        "catalogue kept as it is: the server brings its read model up to date"
      )
    } else if (fs.existsSync(rebuild)) {
      log("catalogue read model: npm run catalogue:rebuild …")
      await runNode(rebuild, env)
      catalogueMs = Date.now() - t
      log(`catalogue rebuilt (${secs(t)})`)
    } else {
      const { reindex } = require(path.join(ROOT, "scripts", "search-reindex"))
      await reindex({ url: database.url, log: (m) => log(`  search: ${m}`) })
      searchMs = Date.now() - t
      log("no scripts/catalogue-rebuild.js: no read model to build")
    }

    // ---- 3. the server
    t = Date.now()
    const port = await freePort()
    const server = await startServerProcess({ env, port, logFile, log })
    cleanup.unshift(() => server.stop())
    log(
      `server ready on port ${port} (pid ${server.pid}, ${secs(t)}; log ${path.relative(ROOT, logFile)})`
    )
    const token = await adminToken(server.url)
    const readModel = await waitForCatalogue(server.url, token)
    if (!readModel) {
      log(
        "GET /admin/catalogue/status: 404 (no read model): every read goes to core Medusa"
      )
    }

    // A production PostgreSQL vacuums and analyses tables after bulk writes (autovacuum); the listing's
    // index-only scans need the visibility map that vacuum keeps. A server with autovacuum off (this
    // project's CI machines) would measure a state no shop runs in: vacuumed here, as autovacuum would.
    t = Date.now()
    const [{ autovacuum }] = (
      await db.query(`SELECT current_setting('autovacuum') AS autovacuum`)
    ).rows
    await db.query(`VACUUM (ANALYZE)`)
    vacuumMs = Date.now() - t
    log(
      `VACUUM (ANALYZE) of ${DB_NAME} (autovacuum is ${autovacuum} on this server) in ${secs(t)}`
    )

    // ---- 4. the load
    const { region, reads } = await buildReads(db)
    log(`region ${region}; one request of each read:`)
    await checkReads(server.url, reads)
    const results = []
    for (const connections of CONNECTIONS) {
      for (const read of reads) {
        const waited = await drain(db)
        if (!waited.quiet) {
          log(
            `  the previous run's queries still run after ${DRAIN} s: measuring ${read.key} anyway`
          )
        }
        const r = await measure({
          url: server.url,
          connections,
          duration: DURATION,
          requests: read.requests,
          timeout: TIMEOUT,
          headers: ACCEPT_ENCODING
            ? { "accept-encoding": ACCEPT_ENCODING }
            : {},
        })
        results.push({
          key: read.key,
          label: read.label,
          distinct: read.requests.length,
          ...r,
        })
        log(
          `${read.key.padEnd(9)} ${String(connections).padStart(4)} conn.: ${fmt(r.rps, 1).padStart(8)} req/s  p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  p99 ${fmt(r.p99)} ms` +
            `  errors ${r.errors}  timeouts ${r.timeouts}  non-2xx ${r.non2xx}  (${r.answered}/${r.sent ?? "?"} answered)${waited.ms > 1500 ? `  (waited ${(waited.ms / 1000).toFixed(1)} s for the previous run's queries)` : ""}`
        )
      }
    }

    // ---- 5. report
    const info = await machine(db, redis)
    const sizes = {
      products: generated.products,
      variants: generated.variants,
      prices: generated.prices,
      vehicles: generated.vehicles ?? N_VEHICLES,
      links: generated.links,
      popularVehicleLinks: generated.popular,
    }
    const md = [
      `## bench:store — ${new Date().toISOString()}`,
      "",
      `Requests sent with accept-encoding: ${ACCEPT_ENCODING || "(none)"}. ` +
        `Catalogue: ${fmt(sizes.products)} published products, ${fmt(sizes.variants)} variants with TND prices, ${fmt(sizes.vehicles)} vehicles, ${fmt(sizes.links)} fitment links ` +
        `(one vehicle with ${fmt(sizes.popularVehicleLinks)} parts), ${N_BRANDS} brands. ${DURATION} s per run, autocannon, read model: ${readModel ? "yes" : "no (core Medusa)"}.`,
      "",
      table(results, CONNECTIONS),
      "",
      `target (issue 10): at ${CONNECTIONS[0]} connections ≥ 25 % of /health's req/s and p95 ≤ 50 ms; at more, no error, timeout nor non-2xx and ≥ 90 % of the ${CONNECTIONS[0]}-connection req/s. ` +
        "answers: responses received during the run (requests still waiting when it ended are not counted, nor are they timeouts); " +
        "vs /health: req/s over /health's at the same connection count in this run; p50/p95/p99 over every answer.",
      "",
      `Machine: ${info.cores} cores (${info.cpu}), ${info.memoryGb} GB, PostgreSQL ${info.postgres}${database.embedded ? " (embedded)" : ""}, Redis ${redis ? "yes" : "no"}, Node ${info.node}, load average at the end ${info.loadAverage}.`,
      (generated.ms === null
        ? "Catalogue kept from an earlier run (BENCH_REUSE=1), "
        : `Generation ${(generated.ms / 1000).toFixed(1)} s, `) +
        (REUSE
          ? ""
          : catalogueMs !== null
            ? `catalogue rebuild (search documents included) ${(catalogueMs / 1000).toFixed(1)} s. `
            : `search reindex ${(searchMs / 1000).toFixed(1)} s. `) +
        `VACUUM (ANALYZE) before the load ${(vacuumMs / 1000).toFixed(1)} s.`,
    ].join("\n")
    process.stdout.write(`\n${md}\n\n`)
    const stamp = new Date().toISOString().replace(/[:.]/g, "-")
    const json = {
      date: new Date().toISOString(),
      machine: info,
      sizes,
      durationS: DURATION,
      readModel,
      generationMs: generated.ms,
      searchReindexMs: searchMs,
      catalogueRebuildMs: catalogueMs,
      vacuumMs,
      results,
    }
    for (const name of [`store-bench-${stamp}`, "store-bench-latest"]) {
      fs.writeFileSync(path.join(OUT_DIR, `${name}.md`), `${md}\n`)
      fs.writeFileSync(
        path.join(OUT_DIR, `${name}.json`),
        `${JSON.stringify(json, null, 2)}\n`
      )
    }
    log(
      `written to ${path.relative(ROOT, path.join(OUT_DIR, `store-bench-${stamp}.md`))} and .json (total ${secs(started)})`
    )
    const bad = results.filter((r) => r.non2xx > 0)
    for (const r of bad) {
      log(
        `non-2xx on ${r.key} at ${r.connections} conn.: ${JSON.stringify(r.statusCodes)}; e.g. ${r.samples.join(" | ")}`
      )
    }
    if (bad.length) {
      failed = `${bad.reduce((n, r) => n + r.non2xx, 0)} non-2xx answers (${bad.map((r) => `${r.key}@${r.connections}`).join(", ")})`
    }
  } catch (e) {
    failed = e && e.message ? e.message : String(e)
    if (process.env.BENCH_DEBUG) {
      console.error(e)
    }
  } finally {
    await runCleanup()
    if (KEEP) {
      log(`BENCH_KEEP=1: database ${DB_NAME} kept`)
    }
  }
  if (failed) {
    process.stderr.write(`bench:store failed: ${failed.split("\n")[0]}\n`)
    process.exit(1)
  }
  process.exit(0)
}

async function clearRedis(url, prefix) {
  const Redis = require("ioredis")
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await client.connect()
  try {
    let cursor = "0"
    do {
      const [next, keys] = await client.scan(
        cursor,
        "MATCH",
        `*${prefix}*`,
        "COUNT",
        1000
      )
      cursor = next
      if (keys.length) {
        await client.del(...keys)
      }
    } while (cursor !== "0")
  } finally {
    client.disconnect()
  }
}

main()
