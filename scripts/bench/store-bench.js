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
 * BENCH_WARMUP (s, 5: /health before the measured runs, not counted: a cold server answers it at half speed),
 * BENCH_ACCEPT_ENCODING (default "gzip, deflate, br", as a storefront's fetch; empty for plain bodies),
 * BENCH_PROXY=caddy (the load goes through Caddy in front of the server, as deploy/Caddyfile sets it, with
 * at most BENCH_PROXY_CONNS connections to the server, default 32; `caddy` on the PATH).
 */
const fs = require("fs")
const path = require("path")
const { freePort } = require("../lib/database")
const { deleteRedisKeys, isRedisReachable } = require("../lib/redis")
const { openBenchDatabase, connect } = require("./lib/bench-db")
const { startServerProcess } = require("./lib/server-process")
const { measure } = require("./lib/load")
const { startCaddy } = require("./lib/proxy")
const {
  ROOT,
  OUT_DIR,
  DB_NAME,
  ADMIN,
  N_VEHICLES,
  N_BRANDS,
  DURATION,
  TIMEOUT,
  DRAIN,
  WARMUP,
  CONNECTIONS,
  REUSE,
  KEEP,
  ACCEPT_ENCODING,
  PROXY,
  PROXY_CONNS,
  log,
  secs,
} = require("./lib/store-config")
const {
  generate,
  existing,
  runNode,
  adminToken,
  waitForCatalogue,
} = require("./lib/store-catalogue")
const { drain, buildReads, checkReads } = require("./lib/store-reads")
const { fmt, machine, table } = require("./lib/store-report")

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
      cleanup.unshift(() =>
        deleteRedisKeys(process.env.REDIS_URL, [`*${prefix}*`])
      )
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

    // ---- 4. the load (straight to the server, or through the proxy production puts in front of it)
    let target = server.url
    if (PROXY) {
      const caddy = await startCaddy(port, { maxConns: PROXY_CONNS })
      cleanup.unshift(() => caddy.stop())
      target = caddy.url
      log(
        `load through Caddy on ${caddy.url} (at most ${PROXY_CONNS} connections to the server)`
      )
    }
    const { region, reads } = await buildReads(db)
    log(`region ${region}; one request of each read:`)
    await checkReads(target, reads)
    // a server just started answers /health at half its speed until its code is compiled: measured
    // cold, the floor every ratio is taken against would flatter them all
    const health = reads.find((r) => r.key === "health")
    if (health && WARMUP > 0) {
      await measure({
        url: target,
        connections: 10,
        duration: WARMUP,
        requests: health.requests,
        timeout: TIMEOUT,
      })
      log(`/health warmed up for ${WARMUP} s (not counted)`)
    }
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
          url: target,
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
        `(one vehicle with ${fmt(sizes.popularVehicleLinks)} parts), ${N_BRANDS} brands. ${DURATION} s per run, autocannon${PROXY ? `, through Caddy (at most ${PROXY_CONNS} connections to the server)` : ""}, read model: ${readModel ? "yes" : "no (core Medusa)"}.`,
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
      proxy: PROXY ? { kind: PROXY, connectionsToServer: PROXY_CONNS } : null,
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

main()
