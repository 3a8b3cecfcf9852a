/**
 * The lead workflow (status, notes, assignee, history), the leads CSV export
 * (same filters as the list, UTF-8 with BOM, Arabic intact, formula cells
 * neutralised) and the weekly report (stored, downloadable as HTML and CSV).
 */
import { parse } from "csv-parse/sync"

import {
  FakePlace,
  PlacesServer,
} from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import {
  api,
  placeMaker,
  searchRun,
  startPlacesStandIn,
  stopPlacesStandIn,
} from "./helpers"

const place = placeMaker(() => ({
  businessStatus: "OPERATIONAL",
  rating: 4.1,
  userRatingCount: 40,
}))

// inside the Sfax rectangle (34.69..34.80, 10.68..10.80)
const SFAX: FakePlace[] = [
  place("ex-arabic", "ورشة الميكانيك الحديثة", 34.74, 10.75, {
    formattedAddress: "شارع الحبيب بورقيبة، صفاقس",
    internationalPhoneNumber: "+216 74 111 222",
  }),
  place(
    "ex-formula",
    '=HYPERLINK("http://evil.example","Cliquez")',
    34.741,
    10.751
  ),
  place("ex-plus", "+216 Garage Plus", 34.742, 10.752),
  place("ex-at", "@Garage Arobase", 34.743, 10.753),
  place("ex-minus", "-2+3 Mécanique", 34.744, 10.754, {
    formattedAddress: "Route de Gabès km 4, Sfax",
  }),
  place("ex-accent", "Garage Élégance Crème", 34.745, 10.755, {
    internationalPhoneNumber: "+216 74 333 444",
  }),
]

let places: PlacesServer

beforeAll(async () => {
  places = await startPlacesStandIn(SFAX)
  const run = await searchRun({ query: "garage", city: "Sfax" })
  if (run.summary.new !== SFAX.length) {
    throw new Error(
      `search for the export test found ${run.summary.new} new place(s)`
    )
  }
})

afterAll(() => stopPlacesStandIn(places))

describe("lead workflow, CSV export and weekly report", () => {
  let arabicId: string

  it("updates status, notes and assignee, keeps the status history, filters by status", async () => {
    const list = await api("GET", "/admin/prospector/leads?city=Sfax&limit=50")
    expect(list.json.count).toBe(SFAX.length)
    arabicId = list.json.leads.find((l: any) => l.place_id === "ex-arabic").id
    const up = await api("POST", `/admin/prospector/leads/${arabicId}`, {
      status: "contacted",
      notes: "Appelé le lundi",
      assignee: "Sami",
      status_note: "premier appel",
    })
    expect(up.status).toBe(200)
    expect(up.json.lead).toMatchObject({
      status: "contacted",
      notes: "Appelé le lundi",
      assignee: "Sami",
    })
    const up2 = await api("POST", `/admin/prospector/leads/${arabicId}`, {
      status: "qualified",
    })
    expect(
      up2.json.lead.status_history.map((h: any) => [h.from_status, h.to_status])
    ).toEqual([
      ["new", "contacted"],
      ["contacted", "qualified"],
    ])
    expect(up2.json.lead.status_history[0].changed_by).toMatch(/^usr_/)
    const filtered = await api(
      "GET",
      "/admin/prospector/leads?status=qualified&city=Sfax"
    )
    expect(filtered.json.leads.map((l: any) => l.place_id)).toEqual([
      "ex-arabic",
    ])

    const bad = await api("POST", `/admin/prospector/leads/${arabicId}`, {
      status: "done",
    })
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(
      /^status: "done" is not one of new, contacted/
    )
    const badFilter = await api("GET", "/admin/prospector/leads?min_score=abc")
    expect(badFilter.status).toBe(400)
    expect(badFilter.json.message).toMatch(/^min_score:/)
    expect(
      (await api("GET", "/admin/prospector/leads/plead_missing")).status
    ).toBe(404)
  })

  it("exports CSV: BOM, French headers, Arabic intact, formula cells neutralised, same filters as the list", async () => {
    const res = await api(
      "GET",
      "/admin/prospector/leads/export?format=csv&city=Sfax&order=name"
    )
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8")
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="prospects-\d{4}-\d{2}-\d{2}\.csv"$/
    )
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = res.bytes.subarray(3).toString("utf8")
    expect(text).toContain("\r\n")
    const rows: string[][] = parse(text)
    expect(rows[0].slice(0, 3)).toEqual(["Nom", "Téléphone", "Ville"])
    const names = rows.slice(1).map((r) => r[0])
    expect(names).toHaveLength(SFAX.length)
    expect(names).toContain("ورشة الميكانيك الحديثة")
    expect(names).toContain("Garage Élégance Crème")
    expect(names).toContain(`'=HYPERLINK("http://evil.example","Cliquez")`)
    expect(names).toContain("'+216 Garage Plus")
    expect(names).toContain("'@Garage Arobase")
    expect(names).toContain("'-2+3 Mécanique")
    // no cell starts with a formula character
    for (const row of rows) {
      for (const cell of row) {
        expect(cell).not.toMatch(/^[=+\-@]/)
      }
    }
    const arabicRow = rows.find(
      (r) => r[0] === "ورشة الميكانيك الحديثة"
    ) as string[]
    // a phone starts with "+": neutralised like any formula cell, so Excel shows it as text, not a number
    expect(arabicRow.slice(1, 5)).toEqual([
      "'+21674111222",
      "Sfax",
      "Sfax",
      "شارع الحبيب بورقيبة، صفاقس",
    ])

    const qualified = await api(
      "GET",
      "/admin/prospector/leads/export?format=csv&city=Sfax&status=qualified&delimiter=;"
    )
    const qRows: string[][] = parse(
      qualified.bytes.subarray(3).toString("utf8"),
      { delimiter: ";" }
    )
    expect(qRows.slice(1).map((r) => r[0])).toEqual(["ورشة الميكانيك الحديثة"])
    expect(
      (await api("GET", "/admin/prospector/leads/export?format=xlsx")).status
    ).toBe(400)
  })

  it("builds the weekly report and serves it as HTML and CSV", async () => {
    const now = Date.now()
    const created = await api("POST", "/admin/prospector/reports", {
      start: new Date(now - 3600_000).toISOString(),
      end: new Date(now + 3600_000).toISOString(),
    })
    expect(created.status).toBe(201)
    const report = created.json.report
    expect(report.summary.new_leads).toBeGreaterThanOrEqual(SFAX.length)
    expect(report.summary.status_changes).toBeGreaterThanOrEqual(2)

    const list = await api("GET", "/admin/prospector/reports")
    expect(list.json.reports.map((r: any) => r.id)).toContain(report.id)

    const html = await api(
      "GET",
      `/admin/prospector/reports/${report.id}?format=html`
    )
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8")
    expect(html.text).toContain("ورشة الميكانيك الحديثة")
    expect(html.text).toMatch(
      /<tr><td>Sfax<\/td>(<td>\d+<\/td>){3}<td>6<\/td><\/tr>/
    )
    expect(html.text).toContain("<td>contacted</td><td>qualified</td>")

    const csv = await api(
      "GET",
      `/admin/prospector/reports/${report.id}?format=csv`
    )
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8")
    expect(csv.headers.get("content-disposition")).toMatch(
      /rapport-prospection-\d{4}-\d{2}-\d{2}\.csv/
    )
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.text).toContain("Sfax")

    const runs = await api("GET", "/admin/prospector/runs?kind=report")
    expect(runs.json.runs[0]).toMatchObject({
      kind: "report",
      trigger: "api",
      status: "completed",
    })
    expect(
      (await api("GET", `/admin/prospector/reports/${report.id}?format=pdf`))
        .status
    ).toBe(400)
  })
})
