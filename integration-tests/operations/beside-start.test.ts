/**
 * The owner's everyday commands beside a running shop (issue 13): the real start script (`npm start`) on
 * an embedded PostgreSQL of its own (a temporary data folder, a free port), Redis through a forwarder
 * the test can cut; then, while it serves, `npm run fitment -- import vehicles … --skip-invalid`,
 * `npm run prospector -- search …` (against a local stand-in of Google Places), `npm run search:reindex`,
 * `npm run db:backup` and `npm run db:restore` use its PostgreSQL (no second one on the data folder),
 * and the results are read through the server's API. Readiness follows Redis; Ctrl-C (SIGINT to the
 * process group, as a terminal sends it) stops the server and its PostgreSQL within seconds; a command
 * run when no server runs starts the embedded PostgreSQL on the same data and stops it again.
 */
import fs from "fs"
import path from "path"

import { testEnv } from "../helpers/env"
import {
  alive,
  api,
  backupDir,
  base,
  dataDir,
  fingerprint,
  npmRun,
  postmaster,
  query,
  restoredName,
  shop,
  startShop,
  stopShop,
  within,
  type Run,
} from "./beside-start-setup"

jest.setTimeout(900000)

beforeAll(startShop)

afterAll(stopShop)

describe("commands beside a running npm start (embedded PostgreSQL)", () => {
  it("lists the whole demo catalogue in the store as soon as it says it is ready", async () => {
    // the first test: nothing has waited since "backend is ready"
    const listing = await api("GET", "/store/products?limit=1")
    expect(listing.status).toBe(200)
    const [{ published }] = await query(
      shop.liveUrl,
      `SELECT count(*)::int AS published FROM product WHERE status = 'published' AND deleted_at IS NULL`
    )
    expect(published).toBeGreaterThan(300)
    expect(listing.body.count).toBe(published)
  })

  it("GET /health/ready checks the database and Redis; /health stays liveness", async () => {
    // just after the start the server is busy rendering the catalogue: a loaded machine may need a moment
    const ready = await within(
      60000,
      async () => {
        const r = await api("GET", "/health/ready")
        return r.status === 200 ? r : null
      },
      "readiness 200"
    )
    expect(ready.body.status).toBe("ready")
    expect(ready.body.checks.database).toMatchObject({ ok: true })
    expect(ready.body.checks.redis).toEqual(
      shop.redis ? expect.objectContaining({ ok: true }) : { configured: false }
    )
    expect((await fetch(`${shop.baseUrl}/health`)).status).toBe(200)
  })

  it("npm run fitment -- import vehicles <file> --skip-invalid uses the running PostgreSQL; the server sees the vehicles", async () => {
    const file = path.join(base, "vehicules.csv")
    fs.writeFileSync(
      file,
      "\ufeffMarque;Modèle;Année début;Année fin;Moteur;Code moteur;Cylindrée;CH;Carburant\r\n" +
        "Opsmake;Kappa;2012;2018;1.6 HDi;DV6;1560;92;Gazole\r\n" +
        ";Kappa;2013;2018;;;;;\r\n" +
        "OPSMAKE;Lambda;2019;;1.2 PureTech;EB2;1199;110;Essence\r\n"
    )
    const run = await npmRun("fitment", [
      "import",
      "vehicles",
      file,
      "--skip-invalid",
    ])
    expect(run.stderr).not.toMatch(/Another PostgreSQL/)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(
      /the embedded PostgreSQL already running on 127\.0\.0\.1:\d+/
    )
    expect(run.stdout).toMatch(/created:\s+2/)
    expect(run.stdout).toMatch(/row 3: Marque: make is missing/)
    const makeId = (
      await query(
        shop.liveUrl,
        `SELECT id FROM vehicle_make WHERE key = 'opsmake'`
      )
    )[0].id
    const vehicles = await api("GET", `/admin/vehicles?make_id=${makeId}`)
    expect(vehicles.status).toBe(200)
    expect(vehicles.body.count).toBe(2)
    expect(vehicles.body.vehicles.map((v: any) => v.model.name).sort()).toEqual(
      ["Kappa", "Lambda"]
    )
  })

  it("npm run prospector -- search … uses the running PostgreSQL; the leads are in the admin API", async () => {
    const run = await npmRun("prospector", [
      "search",
      "--query",
      "garage",
      "--city",
      "sfax",
    ])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/the embedded PostgreSQL already running/)
    expect(run.stderr + run.stdout).toMatch(
      /\[1\/1\] Sfax · "garage": \d+ requests, 2 new/
    )
    expect(run.stdout).toMatch(/places: 2, new: 2/)
    const leads = await api("GET", "/admin/prospector/leads?city=Sfax&limit=50")
    expect(leads.status).toBe(200)
    expect(leads.body.leads.map((l: any) => l.name).sort()).toEqual([
      "Auto Service Sakiet",
      "Garage Sfax Nord",
    ])
  })

  it("npm run search:reindex and a bad argument: one line, exit 2", async () => {
    const run = await npmRun("search:reindex", ["--chunk", "50"])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/reindexed \d+ products/)
    const bad = await npmRun("search:reindex", ["--chunk", "many"])
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split("\n")).toEqual([
      `[search:reindex] --chunk expects a positive whole number (products per transaction), got "many"`,
    ])
    const fitment = await npmRun("fitment", ["import", "cars", "x.csv"])
    expect(fitment.code).toBe(2)
    expect(fitment.stderr.trim().split("\n")).toHaveLength(1)
    expect(fitment.stderr).toMatch(
      /usage: npm run fitment -- import vehicles\|fitments/
    )
  })

  it("npm run db:backup writes a compressed dump of the shop, keeps the newest BACKUP_KEEP; db:restore rebuilds it in a fresh database", async () => {
    // the shop is quiet (no search document or product body left to refresh) before it is compared
    await within(
      120000,
      async () => {
        const [r] = await query(
          shop.liveUrl,
          `SELECT (SELECT count(*)::int FROM search_dirty) AS queued`
        )
        return r.queued === 0
      },
      "search queue drained"
    )
    const status = await api("GET", "/admin/catalogue/status")
    if (status.status === 200) {
      await within(
        180000,
        async () => (await api("GET", "/admin/catalogue/status")).body.ready,
        "catalogue bodies rendered"
      )
    }
    const before = await fingerprint(shop.liveUrl)
    expect(before.counts.product).toBeGreaterThan(0)
    expect(before.counts.fitment).toBeGreaterThan(0)

    const runs: Run[] = []
    for (let i = 0; i < 3; i++) {
      runs.push(await npmRun("db:backup", []))
    }
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/Another PostgreSQL/)
      expect(run.code).toBe(0)
    }
    const files = runs.map((r) => r.stdout.trim())
    expect(files[2]).toMatch(
      new RegExp(
        `^${backupDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/shabou-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z\\.dump$`
      )
    )
    // BACKUP_KEEP=2: the oldest is gone, no partial file is left
    expect(fs.readdirSync(backupDir).sort()).toEqual([
      path.basename(files[1]),
      path.basename(files[2]),
    ])
    expect(fs.readFileSync(files[2]).subarray(0, 5).toString()).toBe("PGDMP")
    expect(runs[0].stderr).toMatch(/backup written: .* \(\d+\.\d MB/)
    const after = await fingerprint(shop.liveUrl)
    expect(after).toEqual(before)

    // a fresh database on another server (the tests' PostgreSQL), created by the restore
    const target = new URL(testEnv().databaseUrl)
    target.pathname = `/${restoredName}`
    shop.restoredUrl = target.toString()
    const restored = await npmRun("db:restore", [files[2]], {
      DATABASE_URL: shop.restoredUrl,
    })
    expect(restored.stdout + restored.stderr).toMatch(
      /created database "shabou_restore_/
    )
    expect(restored.code).toBe(0)
    const copy = await fingerprint(shop.restoredUrl)
    expect(copy.counts).toEqual(before.counts)
    expect(copy.prices).toBe(before.prices)
    expect(copy.fitments).toBe(before.fitments)

    // a database that is not empty is not overwritten without --force
    await query(
      shop.restoredUrl,
      `UPDATE money_amount SET amount = amount + 1 WHERE id = (SELECT min(id) FROM money_amount)`
    )
    const refused = await npmRun("db:restore", [files[2]], {
      DATABASE_URL: shop.restoredUrl,
    })
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split("\n").pop()).toMatch(
      /^\[db:restore\] the database .* is not empty \(\d+ tables\): restore into an empty database, or add --force/
    )
    expect((await fingerprint(shop.restoredUrl)).prices).not.toBe(before.prices)
    const forced = await npmRun("db:restore", [files[2], "--force"], {
      DATABASE_URL: shop.restoredUrl,
    })
    expect(forced.code).toBe(0)
    const again = await fingerprint(shop.restoredUrl)
    expect(again.counts).toEqual(before.counts)
    expect(again.prices).toBe(before.prices)
    expect(again.fitments).toBe(before.fitments)
  })

  it("db:restore and db:backup refuse bad input with one line", async () => {
    const missing = await npmRun("db:restore", [path.join(base, "nope.dump")])
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim()).toBe(
      `[db:restore] backup file not found: ${path.join(base, "nope.dump")}`
    )
    const notDump = path.join(base, "notes.txt")
    fs.writeFileSync(notDump, "not a backup\n")
    const target = new URL(testEnv().databaseUrl)
    target.pathname = `/${restoredName}_never`
    const wrong = await npmRun("db:restore", [notDump], {
      DATABASE_URL: target.toString(),
    })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr.trim().split("\n").pop()).toMatch(
      /^\[db:restore\] .*notes\.txt is not a backup made by db:backup/
    )
    const adminUrl = new URL(target.toString())
    adminUrl.pathname = "/postgres"
    await query(
      adminUrl.toString(),
      `DROP DATABASE IF EXISTS "${restoredName}_never"`
    )
    const keep = await npmRun("db:backup", ["--keep", "0"])
    expect(keep.code).toBe(2)
    expect(keep.stderr.trim()).toBe(
      `[db:backup] --keep expects a positive whole number, got "0"`
    )
  })

  it("readiness answers 503 naming Redis while Redis is away, and 200 again when it is back; /health stays 200", async () => {
    if (!shop.redis) {
      return // no Redis in this run (REDIS_URL unset): nothing to cut
    }
    await shop.redis.close()
    const down = await within(
      20000,
      async () => {
        const r = await api("GET", "/health/ready")
        return r.status === 503 ? r : null
      },
      "readiness 503"
    )
    expect(down.body).toMatchObject({ status: "not_ready", failed: ["redis"] })
    expect(down.body.checks.redis).toMatchObject({ ok: false })
    expect(down.body.checks.database).toMatchObject({ ok: true })
    expect((await fetch(`${shop.baseUrl}/health`)).status).toBe(200)
    await shop.redis.open()
    await within(
      30000,
      async () => (await api("GET", "/health/ready")).status === 200,
      "readiness back to 200"
    )
  })

  it("Ctrl-C (SIGINT to the process group) stops the server and its embedded PostgreSQL within seconds", async () => {
    const pm = postmaster()
    expect(pm).not.toBeNull()
    expect(alive(pm!.pid)).toBe(true)
    const exited = new Promise<{ code: number | null; signal: string | null }>(
      (resolve) =>
        shop.server!.once("exit", (code, signal) => resolve({ code, signal }))
    )
    const started = Date.now()
    process.kill(-shop.server!.pid!, "SIGINT")
    const result = await Promise.race([
      exited,
      new Promise<null>((r) => setTimeout(() => r(null), 20000)),
    ])
    expect(result).not.toBeNull()
    expect(Date.now() - started).toBeLessThan(15000)
    expect(result!.code).toBe(0)
    expect(shop.output).toContain("SIGINT received: shutting down")
    expect(shop.output).toContain("embedded PostgreSQL stopped")
    // the background loops stopped before the database closed (the staged-job enqueuer's read after the
    // close logged "Failed to fetch jobs: Driver not Connected")
    expect(shop.output).not.toMatch(
      /Failed to fetch jobs|Driver not Connected|Database connection failure/
    )
    await within(5000, async () => !alive(pm!.pid), "postgres gone")
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false)
    expect(
      (await fetch(`${shop.baseUrl}/health`).catch(() => null)) === null
    ).toBe(true)
  })

  it("without a running server a command starts the embedded PostgreSQL on the same data and stops it again", async () => {
    const run = await npmRun("search:reindex", [])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/embedded PostgreSQL started for this command/)
    expect(run.stdout).toMatch(/reindexed \d+ products/)
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false)
  })
})
