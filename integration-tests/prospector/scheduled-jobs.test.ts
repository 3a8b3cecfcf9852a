/**
 * The three scheduled jobs: registered in BullMQ by the server with the
 * documented cron patterns (when Redis is used), and what they do, run in a
 * separate process booted on the test database (integration-tests/prospector/run-jobs.js):
 * the job files' default exports as BullMQ calls them, and the daily search's
 * due-time decisions at fixed instants (Africa/Tunis).
 */
import path from "path"

import { zonedMidnight, zonedParts, dueReportPeriod } from "@shabou/ops"
import { PlacesServer } from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import {
  SupplierSite,
  startSupplierSite,
} from "../../plugins/prospector/src/lib/__fixtures__/supplier-site"
import { sql } from "../helpers/env"
import { itWithRedis, scheduledJobs } from "../helpers/job-schedules"
import {
  api,
  injectPlacesError,
  placeAt,
  placesFixture,
  prospectorProcessEnv,
  runNode,
  startPlacesStandIn,
  stopPlacesStandIn,
} from "./helpers"

const TZ = "Africa/Tunis"

type Step =
  { job: string } | { call: "scheduledSearch" | "scheduledReport"; now: string }

async function runJobs(steps: Step[]): Promise<any[]> {
  const { code, stdout, stderr } = await runNode(
    [path.join(__dirname, "run-jobs.js"), JSON.stringify(steps)],
    {
      ...prospectorProcessEnv(),
      MEDUSA_DISABLE_TELEMETRY: "true",
      PROSPECTOR_PLACES_BUDGET_PER_RUN: String(placesFixture().budgetPerRun),
    }
  )
  const results = stdout
    .split("\n")
    .filter((l) => l.startsWith("RESULT "))
    .map((l) => JSON.parse(l.slice(7)))
  if (code !== 0 || results.length !== steps.length) {
    throw new Error(
      `run-jobs.js exited ${code} after ${results.length}/${steps.length} steps\n${stderr}\n${stdout.slice(-3000)}`
    )
  }
  return results
}

/** A Tunis-local instant on `date` (YYYY-MM-DD) at hh:mm. */
function tunis(date: string, hh: number, mm: number): string {
  return new Date(
    zonedMidnight(date, TZ).getTime() + (hh * 60 + mm) * 60000
  ).toISOString()
}

async function usedThisMonth(): Promise<number> {
  const [{ used }] = await sql(
    `SELECT count(*)::int AS used FROM prospector_places_request WHERE created_at >= date_trunc('month', now() AT TIME ZONE 'Africa/Tunis') AT TIME ZONE 'Africa/Tunis'`
  )
  return used
}

let places: PlacesServer

beforeAll(async () => {
  places = await startPlacesStandIn([
    placeAt("job-1", "Garage du Cap Bon", 36.45, 10.73),
  ])
})

afterAll(() => stopPlacesStandIn(places))

describe("scheduled jobs", () => {
  itWithRedis(
    "the server registers the three jobs in BullMQ with the documented patterns",
    async () => {
      const next: Record<string, Date> = {}
      const patterns: Record<string, string> = {}
      for (const job of await scheduledJobs()) {
        if (job.name.startsWith("prospector-")) {
          patterns[job.name] = job.key
          next[job.name] = job.next
        }
      }
      expect(patterns).toEqual({
        "prospector-daily-lead-search":
          "prospector-daily-lead-search::::0 * * * *",
        "prospector-price-watch": "prospector-price-watch::::0 */6 * * *",
        "prospector-weekly-report": "prospector-weekly-report::::5 * * * *",
      })
      const now = Date.now()
      // hourly ticks at :00 and :05, the price watch at a multiple of 6 hours (server time)
      expect(next["prospector-daily-lead-search"].getUTCMinutes()).toBe(0)
      expect(
        next["prospector-daily-lead-search"].getTime() - now
      ).toBeLessThanOrEqual(3600000)
      expect(next["prospector-weekly-report"].getUTCMinutes()).toBe(5)
      expect(
        next["prospector-weekly-report"].getTime() - now
      ).toBeLessThanOrEqual(3600000 + 5 * 60000)
      expect(next["prospector-price-watch"].getMinutes()).toBe(0)
      expect(next["prospector-price-watch"].getHours() % 6).toBe(0)
      expect(
        next["prospector-price-watch"].getTime() - now
      ).toBeLessThanOrEqual(6 * 3600000)
    }
  )

  it("daily search: not before 02:00 Tunis, once that day with the month's budget spread, a failed run not retried the same day", async () => {
    // two days of the current month other than today (the server's own hourly job may run for today)
    const today = zonedParts(new Date(), TZ)
    const month = today.date.slice(0, 7)
    const day = today.day <= 14 ? 20 : 5
    const d1 = `${month}-${String(day).padStart(2, "0")}`
    const d2 = `${month}-${String(day + 1).padStart(2, "0")}`
    const daysInMonth = new Date(
      Date.UTC(today.year, today.month, 0)
    ).getUTCDate()
    const { budgetPerRun, budgetPerMonth } = placesFixture()
    const expected = Math.min(
      budgetPerRun,
      Math.ceil(
        Math.max(0, budgetPerMonth - (await usedThisMonth())) /
          (daysInMonth - day + 1)
      )
    )
    expect(expected).toBeGreaterThan(0)

    const sentBefore = places.requests.length
    const [early, due, later] = await runJobs([
      { call: "scheduledSearch", now: tunis(d1, 1, 30) },
      { call: "scheduledSearch", now: tunis(d1, 2, 10) },
      { call: "scheduledSearch", now: tunis(d1, 5, 0) },
    ])
    expect(early).toBeNull()
    expect(later).toBeNull()
    expect(due).toMatchObject({
      kind: "search",
      trigger: "job",
      status: "completed",
      run_date: d1,
    })
    expect(due.params.max_requests).toBe(expected)
    // every configured query over every area, least recently searched first, cut by the budget
    expect(due.summary.pairs_total).toBeGreaterThan(expected)
    expect(due.summary.requests).toBe(expected)
    expect(due.summary.budget_exhausted).toBe("run")
    expect(places.requests.length - sentBefore).toBe(expected)
    const searched = await sql(
      `SELECT DISTINCT area, query FROM prospector_places_request WHERE run_id = $1`,
      [due.id]
    )
    expect(searched).toHaveLength(expected)

    // the next day Google refuses the key: the run fails and is not retried every hour that day
    await injectPlacesError(
      1,
      403,
      "PERMISSION_DENIED",
      "API key not valid. Please pass a valid API key."
    )
    const [failed, retried] = await runJobs([
      { call: "scheduledSearch", now: tunis(d2, 2, 5) },
      { call: "scheduledSearch", now: tunis(d2, 3, 0) },
    ])
    expect(failed).toMatchObject({
      trigger: "job",
      status: "failed",
      run_date: d2,
      summary: { requests: 1 },
    })
    expect(failed.errors[0]).toMatchObject({
      http_status: 403,
      google_status: "PERMISSION_DENIED",
    })
    expect(retried).toBeNull()
    expect(places.requests.length - sentBefore).toBe(expected)
  })

  it("the price-watch and weekly-report job handlers run their work through the container", async () => {
    let site: SupplierSite | null = null
    try {
      site = await startSupplierSite({ robots: "allow" })
      const page = await api("POST", "/admin/prospector/watched-pages", {
        url: `${site.baseUrl}/p/jsonLd`,
        supplier: "Fournisseur (job)",
        offer_sku: "BRK-208-AV",
      })
      expect(page.status).toBe(201)
      const pageId = page.json.watched_page.id
      const period = dueReportPeriod(new Date(), TZ, 7)
      await sql(`DELETE FROM prospector_report WHERE period_start = $1`, [
        period.start,
      ])
      const startedAt = new Date()

      await runJobs([
        { job: "prospector-price-watch" },
        { job: "prospector-weekly-report" },
        { job: "prospector-weekly-report" },
      ])

      const [obs] = await sql(
        `SELECT amount, currency, method FROM prospector_price_observation WHERE watched_page_id = $1`,
        [pageId]
      )
      expect(obs).toMatchObject({ currency: "TND", method: "json-ld" })
      expect(Number(obs.amount)).toBe(89900)
      expect(site.hits("/p/jsonLd")).toBe(1)
      const watchRuns = await sql(
        `SELECT status, summary FROM prospector_run WHERE kind = 'watch' AND trigger = 'job' AND started_at >= $1`,
        [startedAt]
      )
      expect(watchRuns).toHaveLength(1)
      expect(watchRuns[0].status).toBe("completed")
      expect(watchRuns[0].summary.ok).toBeGreaterThanOrEqual(1)

      // the last complete Monday-to-Monday week (Tunis), built once although the handler ran twice
      const reports = await sql(
        `SELECT id, period_end FROM prospector_report WHERE period_start = $1`,
        [period.start]
      )
      expect(reports).toHaveLength(1)
      expect(new Date(reports[0].period_end).toISOString()).toBe(
        period.end.toISOString()
      )
      expect(zonedParts(period.start, TZ)).toMatchObject({
        weekday: 1,
        hour: 0,
        minute: 0,
      })
      const reportRuns = await sql(
        `SELECT summary FROM prospector_run WHERE kind = 'report' AND trigger = 'job' AND status = 'completed' AND started_at >= $1`,
        [startedAt]
      )
      expect(reportRuns.map((r) => r.summary.report_id)).toEqual([
        reports[0].id,
      ])
    } finally {
      await site?.close()
    }
  })
})
