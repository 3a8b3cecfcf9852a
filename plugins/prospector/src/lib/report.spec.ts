import { parse } from "csv-parse/sync"

import { WeeklyReportInput, buildWeeklyReport, escapeHtml } from "./report"

const at = new Date("2025-01-08T10:00:00Z")
const input: WeeklyReportInput = {
  period: {
    start: new Date("2025-01-06T00:00:00Z"),
    end: new Date("2025-01-12T23:59:59Z"),
  },
  new_leads: [
    { name: "Garage A", city: "Tunis", score: 85 },
    { name: "Garage B", city: "Tunis", score: 55 },
    { name: "Garage C", city: "Tunis", score: 20 },
    { name: "ورشة د", city: "صفاقس", score: 72 },
    { name: "Sans ville", city: null, score: 41 },
  ],
  status_changes: [
    {
      lead_name: "<script>alert(1)</script>",
      from: "new",
      to: "contacted",
      at,
      by: "Sami",
    },
  ],
  competitors: [
    { name: "P1", city: "Tunis", rating: 4 },
    { name: "P2", city: "Tunis", rating: 4.5 },
    { name: "P3", city: "Sousse", rating: null },
  ],
  price_changes: [
    {
      supplier: "Fournisseur & Fils",
      url: "https://f.tn/p?a=1&b=2",
      sku: "OF-101",
      previous: { amount: 18500, currency: "TND" },
      current: { amount: 21000, currency: "TND" },
      at,
    },
  ],
  alerts: [
    {
      supplier: "F2",
      url: "javascript:alert(1)",
      kind: "below_our_price",
      message: 'supplier at 9,000 DT < "ours"',
      at,
    },
    {
      supplier: "F3",
      url: "https://f3.tn/x",
      sku: "=cmd",
      kind: "price_move",
      message: "-20%",
      at,
    },
  ],
}

describe("buildWeeklyReport", () => {
  it("summarises leads by city and score band and competitor density", async () => {
    const { summary } = await buildWeeklyReport(input)
    expect(summary.leads_by_city).toEqual([
      { city: "Tunis", high: 1, medium: 1, low: 1, total: 3 },
      { city: "(ville inconnue)", high: 0, medium: 1, low: 0, total: 1 },
      { city: "صفاقس", high: 1, medium: 0, low: 0, total: 1 },
    ])
    expect(summary.competitors_by_city).toEqual([
      { city: "Tunis", count: 2, average_rating: 4.3 },
      { city: "Sousse", count: 1, average_rating: null },
    ])
    expect(summary).toEqual(
      expect.objectContaining({
        new_leads: 5,
        status_changes: 1,
        price_changes: 1,
        alerts: 2,
      })
    )
  })

  it("escapes every text in the HTML and only links http(s) URLs", async () => {
    const { html } = await buildWeeklyReport(input)
    expect(html).not.toContain("<script>alert(1)</script>")
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
    expect(html).toContain("Fournisseur &amp; Fils")
    expect(html).toContain('href="https://f.tn/p?a=1&amp;b=2"')
    expect(html).not.toContain("javascript:")
    expect(html).toContain("&quot;ours&quot;")
    expect(html).toContain("18,500 DT")
    expect(html).toContain("صفاقس")
  })

  it("produces an Excel-friendly CSV with every section and neutralised formulas", async () => {
    const { csv } = await buildWeeklyReport(input)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const rows = parse(csv, { bom: true, columns: true }) as Array<
      Record<string, string>
    >
    const sections = new Set(rows.map((r) => r.section))
    expect([...sections]).toEqual([
      "new_leads",
      "status_change",
      "competitors",
      "price_change",
      "alert",
    ])
    expect(
      rows
        .filter((r) => r.section === "new_leads" && r.city === "Tunis")
        .map((r) => [r.label, r.value])
    ).toEqual([
      ["high", "1"],
      ["medium", "1"],
      ["low", "1"],
    ])
    const f3 = rows.find((r) => r.label.startsWith("F3"))!
    expect(f3.detail.startsWith("'-20%")).toBe(true)
  })

  it("says when a section is empty", async () => {
    const { html } = await buildWeeklyReport({
      ...input,
      alerts: [],
      price_changes: [],
    })
    expect(html.match(/Rien cette semaine/g)).toHaveLength(2)
  })

  it("escapes quotes and ampersands", () => {
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe(
      "a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;"
    )
  })
})
