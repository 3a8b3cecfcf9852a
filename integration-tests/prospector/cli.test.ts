/**
 * `node scripts/cli.js prospector` (npm run prospector) on the test database:
 * search with a progress line and a summary, then export to a CSV file; a
 * price-watch pass against a local supplier site; the weekly report; a bad
 * Places key stops the search without printing the key.
 */
import fs from "fs"
import os from "os"
import path from "path"

import { PlacesServer } from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import {
  SupplierSite,
  startSupplierSite,
} from "../../plugins/prospector/src/lib/__fixtures__/supplier-site"
import { sql } from "../helpers/env"
import {
  api,
  placeAt,
  prospectorProcessEnv,
  ROOT,
  runNode,
  startPlacesStandIn,
  stopPlacesStandIn,
} from "./helpers"

let places: PlacesServer

function cli(args: string[], env: Record<string, string> = {}) {
  return runNode(
    [path.join(ROOT, "scripts", "cli.js"), "prospector", ...args],
    {
      ...prospectorProcessEnv(),
      ...env,
    }
  )
}

beforeAll(async () => {
  places = await startPlacesStandIn([
    placeAt("cli-1", "Garage Gabès Centre", 33.88, 10.09, {
      internationalPhoneNumber: "+216 75 100 200",
    }),
    placeAt("cli-2", "ميكانيك قابس", 33.885, 10.1),
  ])
})

afterAll(() => stopPlacesStandIn(places))

describe("prospector CLI", () => {
  it("prints usage errors without booting", async () => {
    const r = await cli(["search", "--query", "garage"])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/search: --city is required/)
  })

  it("search shows progress and a summary; a re-run creates no duplicates; export writes the CSV", async () => {
    const [{ now: since }] = await sql(`SELECT now() AS now`)
    const first = await cli([
      "search",
      "--query",
      "garage mécanique",
      "--city",
      "gabes",
    ])
    expect(first.stderr + first.stdout).toMatch(
      /\[1\/1\] Gabès · "garage mécanique": 1 requests, 2 new/
    )
    expect(first.stdout).toMatch(/places: 2, new: 2, updated: 0, merged: 0/)
    expect(first.code).toBe(0)
    const second = await cli([
      "search",
      "--query",
      "garage mécanique",
      "--city",
      "Gabès",
    ])
    expect(second.stdout).toMatch(/new: 0, updated: 2, merged: 0/)
    const [{ count }] = await sql(
      `SELECT count(*)::int AS count FROM prospector_lead WHERE place_id LIKE 'cli-%'`
    )
    expect(count).toBe(2)
    // the scheduled-jobs suite shares this database and may start "job" search runs meanwhile
    const runs = await sql(
      `SELECT trigger, params->'cities' AS cities FROM prospector_run
        WHERE kind = 'search' AND started_at >= $1 AND params->>'query' = 'garage mécanique'
        ORDER BY started_at`,
      [since]
    )
    expect(runs).toEqual([
      { trigger: "cli", cities: ["gabes"] },
      { trigger: "cli", cities: ["gabes"] },
    ])

    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "prospector-cli-")),
      "leads.csv"
    )
    const exp = await cli(["export", "--out", file, "--city", "Gabès"])
    expect(exp.code).toBe(0)
    expect(exp.stdout).toMatch(/2 leads written to/)
    const bytes = fs.readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString("utf8")).toContain("ميكانيك قابس")
  })

  it("report builds and stores the report of the given period; usage errors exit 2 before booting", async () => {
    const half = await cli(["report", "--start", "2026-01-05T00:00:00Z"])
    expect(half.code).toBe(2)
    expect(half.stderr).toMatch(/report: give both --start and --end/)
    const bad = await cli([
      "report",
      "--start",
      "lundi",
      "--end",
      "2026-01-12T00:00:00Z",
    ])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--start: "lundi" is not an ISO date/)

    // a period around now: the two leads found by the CLI search above are new in it
    const start = new Date(Date.now() - 3 * 3600000)
    start.setUTCMinutes(17, 0, 0)
    const end = new Date(start.getTime() + 6 * 3600000)
    const r = await cli([
      "report",
      "--start",
      start.toISOString(),
      "--end",
      end.toISOString(),
    ])
    expect(r.stderr).not.toMatch(/Error/)
    expect(r.code).toBe(0)
    const m = r.stdout.match(/report (\S+) for (\S+) \.\. (\S+)/)
    expect(m).not.toBeNull()
    const [, id, from, to] = m as RegExpMatchArray
    expect([from, to]).toEqual([start.toISOString(), end.toISOString()])
    const [row] = await sql(
      `SELECT period_start, period_end, summary, html FROM prospector_report WHERE id = $1`,
      [id]
    )
    expect(row.period_start.toISOString()).toBe(start.toISOString())
    expect(row.summary.new_leads).toBeGreaterThanOrEqual(2)
    expect(row.html).toContain("Gabès")
    expect(r.stdout).toContain(
      `GET /admin/prospector/reports/${id}?format=html`
    )
    // the run that stored this report (the scheduled-jobs suite may store others meanwhile)
    const runs = await sql(
      `SELECT trigger, status FROM prospector_run WHERE kind = 'report' AND summary->>'report_id' = $1`,
      [id]
    )
    expect(runs).toEqual([{ trigger: "cli", status: "completed" }])
    // the server serves the report the CLI stored
    const html = await api("GET", `/admin/prospector/reports/${id}?format=html`)
    expect(html.status).toBe(200)
  })

  it("watch runs one polite pass: progress per page, an observation stored, robots obeyed", async () => {
    let site: SupplierSite | null = null
    try {
      site = await startSupplierSite({ robots: "disallow" })
      const ids: string[] = []
      for (const body of [
        { url: `${site.baseUrl}/p/microdata`, supplier: "Amortisseurs CLI" },
        { url: `${site.baseUrl}/p/secret`, supplier: "Caché CLI" },
      ]) {
        const res = await api("POST", "/admin/prospector/watched-pages", body)
        expect(res.status).toBe(201)
        ids.push(res.json.watched_page.id)
      }
      const r = await cli(["watch"])
      const out = r.stdout + r.stderr
      expect(out).toMatch(
        new RegExp(`\\[\\d+/\\d+\\] ok ${site.baseUrl}/p/microdata`)
      )
      expect(out).toMatch(
        new RegExp(`\\[\\d+/\\d+\\] disallowed ${site.baseUrl}/p/secret`)
      )
      const runLine = r.stdout.match(/run (\S+): (\w+) (\{.*\})/)
      expect(runLine).not.toBeNull()
      const [, runId, status, summary] = runLine as RegExpMatchArray
      expect(status).toBe("completed")
      expect(r.code).toBe(0)
      expect(JSON.parse(summary)).toMatchObject({
        ok: expect.any(Number),
        disallowed: expect.any(Number),
      })
      expect(JSON.parse(summary).ok).toBeGreaterThanOrEqual(1)

      const [obs] = await sql(
        `SELECT amount, currency, in_stock, method FROM prospector_price_observation WHERE watched_page_id = $1`,
        [ids[0]]
      )
      expect(obs).toMatchObject({
        currency: "TND",
        in_stock: true,
        method: "microdata",
      })
      expect(Number(obs.amount)).toBe(135500)
      const [{ count }] = await sql(
        `SELECT count(*)::int AS count FROM prospector_price_observation WHERE watched_page_id = $1`,
        [ids[1]]
      )
      expect(count).toBe(0)
      expect(site.hits("/p/secret")).toBe(0)
      // honest User-Agent with the robots product token
      expect(
        site.requests.find((q) => q.path === "/p/microdata")?.userAgent
      ).toMatch(/ShabouPriceBot/)
      const [run] = await sql(
        `SELECT kind, trigger FROM prospector_run WHERE id = $1`,
        [runId]
      )
      expect(run).toEqual({ kind: "watch", trigger: "cli" })
    } finally {
      await site?.close()
    }
  })

  it("search with a key Google refuses stops at the first request, exits 1, never prints the key", async () => {
    const badKey = "AIzaSy-cli-wrong-key-0123456789"
    const before = places.requests.length
    const r = await cli(
      [
        "search",
        "--query",
        "garage",
        "--city",
        "Tunis",
        "--city",
        "Sfax",
        "--city",
        "Sousse",
      ],
      { GOOGLE_PLACES_API_KEY: badKey }
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/run \S+: failed/)
    expect(r.stdout).toMatch(/error: .*403.*PERMISSION_DENIED/)
    expect(r.stdout + r.stderr).not.toContain(badKey)
    const sent = places.requests.slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ keyValid: false, status: 403 })
  })
})
