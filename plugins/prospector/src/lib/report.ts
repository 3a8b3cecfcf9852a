/**
 * Weekly report from plain data -> { html, csv, summary }.
 * Sections: new leads by city and score band, lead status changes, competitor
 * density per city, supplier price changes, alerts. All text is HTML-escaped.
 */

import { DEFAULT_SCORING } from "./scoring-config"
import { csvString } from "./csv"
import { ParsedPrice, formatPrice } from "./price-parser"

export interface WeeklyReportInput {
  period: { start: Date; end: Date }
  new_leads: Array<{ name: string; city: string | null; score: number }>
  status_changes: Array<{
    lead_name: string
    from: string | null
    to: string
    at: Date
    by?: string | null
  }>
  competitors: Array<{
    name: string
    city: string | null
    rating?: number | null
  }>
  price_changes: Array<{
    supplier: string
    url: string
    sku?: string | null
    previous: ParsedPrice | null
    current: ParsedPrice
    at: Date
  }>
  alerts: Array<{
    supplier: string
    url: string
    sku?: string | null
    kind: string
    message: string
    at: Date
  }>
  bands?: { high: number; medium: number }
  title?: string
}

export interface WeeklyReportSummary {
  new_leads: number
  leads_by_city: Array<{
    city: string
    high: number
    medium: number
    low: number
    total: number
  }>
  status_changes: number
  competitors_by_city: Array<{
    city: string
    count: number
    average_rating: number | null
  }>
  price_changes: number
  alerts: number
}

export interface WeeklyReport {
  html: string
  csv: string
  summary: WeeklyReportSummary
}

const NO_CITY = "(ville inconnue)"

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

function safeHref(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null
  } catch {
    return null
  }
}

const day = (d: Date) => d.toISOString().slice(0, 10)

export function summarize(input: WeeklyReportInput): WeeklyReportSummary {
  const bands = input.bands ?? DEFAULT_SCORING.bands
  const byCity = new Map<
    string,
    { high: number; medium: number; low: number }
  >()
  for (const l of input.new_leads) {
    const city = l.city?.trim() || NO_CITY
    const row = byCity.get(city) ?? { high: 0, medium: 0, low: 0 }
    row[
      l.score >= bands.high
        ? "high"
        : l.score >= bands.medium
          ? "medium"
          : "low"
    ] += 1
    byCity.set(city, row)
  }
  const comp = new Map<string, { count: number; ratings: number[] }>()
  for (const c of input.competitors) {
    const city = c.city?.trim() || NO_CITY
    const row = comp.get(city) ?? { count: 0, ratings: [] }
    row.count += 1
    if (typeof c.rating === "number") {
      row.ratings.push(c.rating)
    }
    comp.set(city, row)
  }
  return {
    new_leads: input.new_leads.length,
    leads_by_city: [...byCity]
      .map(([city, r]) => ({ city, ...r, total: r.high + r.medium + r.low }))
      .sort((a, b) => b.total - a.total || a.city.localeCompare(b.city)),
    status_changes: input.status_changes.length,
    competitors_by_city: [...comp]
      .map(([city, r]) => ({
        city,
        count: r.count,
        average_rating: r.ratings.length
          ? Math.round(
              (r.ratings.reduce((a, b) => a + b, 0) / r.ratings.length) * 10
            ) / 10
          : null,
      }))
      .sort((a, b) => b.count - a.count || a.city.localeCompare(b.city)),
    price_changes: input.price_changes.length,
    alerts: input.alerts.length,
  }
}

function table(
  headers: string[],
  rows: unknown[][],
  raw: Set<number> = new Set()
): string {
  if (rows.length === 0) {
    return "<p><em>Rien cette semaine.</em></p>"
  }
  const th = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")
  const trs = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td>${raw.has(i) ? String(c) : escapeHtml(c)}</td>`).join("")}</tr>`
    )
    .join("\n")
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs}\n</tbody>\n</table>`
}

function link(url: string, text: string): string {
  const href = safeHref(url)
  return href
    ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text)
}

export async function buildWeeklyReport(
  input: WeeklyReportInput
): Promise<WeeklyReport> {
  const s = summarize(input)
  const title =
    input.title ??
    `Rapport hebdomadaire du ${day(input.period.start)} au ${day(input.period.end)}`

  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:start}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<h2>Nouveaux prospects par ville et score (${s.new_leads})</h2>
${table(
  ["Ville", "Élevé", "Moyen", "Faible", "Total"],
  s.leads_by_city.map((r) => [r.city, r.high, r.medium, r.low, r.total])
)}
<h2>Changements de statut (${s.status_changes})</h2>
${table(
  ["Date", "Prospect", "De", "À", "Par"],
  input.status_changes.map((c) => [
    day(c.at),
    c.lead_name,
    c.from ?? "",
    c.to,
    c.by ?? "",
  ])
)}
<h2>Concurrents par ville</h2>
${table(
  ["Ville", "Concurrents", "Note moyenne"],
  s.competitors_by_city.map((r) => [r.city, r.count, r.average_rating ?? ""])
)}
<h2>Changements de prix fournisseurs (${s.price_changes})</h2>
${table(
  ["Date", "Fournisseur", "Référence", "Ancien prix", "Nouveau prix", "Page"],
  input.price_changes.map((p) => [
    day(p.at),
    escapeHtml(p.supplier),
    escapeHtml(p.sku ?? ""),
    escapeHtml(p.previous ? formatPrice(p.previous) : ""),
    escapeHtml(formatPrice(p.current)),
    link(p.url, "voir"),
  ]),
  new Set([0, 1, 2, 3, 4, 5])
)}
<h2>Alertes (${s.alerts})</h2>
${table(
  ["Date", "Fournisseur", "Référence", "Type", "Message", "Page"],
  input.alerts.map((a) => [
    day(a.at),
    escapeHtml(a.supplier),
    escapeHtml(a.sku ?? ""),
    escapeHtml(a.kind),
    escapeHtml(a.message),
    link(a.url, "voir"),
  ]),
  new Set([0, 1, 2, 3, 4, 5])
)}
<p><small>Données de prospects : Google Maps.</small></p>
</body></html>
`

  type Row = {
    section: string
    city: string
    label: string
    value: string | number
    detail: string
    date: string
  }
  const rows: Row[] = []
  for (const r of s.leads_by_city) {
    for (const band of ["high", "medium", "low"] as const) {
      rows.push({
        section: "new_leads",
        city: r.city,
        label: band,
        value: r[band],
        detail: "",
        date: "",
      })
    }
  }
  for (const c of input.status_changes) {
    rows.push({
      section: "status_change",
      city: "",
      label: c.lead_name,
      value: c.to,
      detail: `${c.from ?? ""} -> ${c.to}${c.by ? ` (${c.by})` : ""}`,
      date: day(c.at),
    })
  }
  for (const r of s.competitors_by_city) {
    rows.push({
      section: "competitors",
      city: r.city,
      label: "count",
      value: r.count,
      detail:
        r.average_rating === null ? "" : `average rating ${r.average_rating}`,
      date: "",
    })
  }
  for (const p of input.price_changes) {
    rows.push({
      section: "price_change",
      city: "",
      label: `${p.supplier}${p.sku ? ` ${p.sku}` : ""}`,
      value: formatPrice(p.current),
      detail: `${p.previous ? formatPrice(p.previous) : ""} -> ${formatPrice(p.current)} ${p.url}`,
      date: day(p.at),
    })
  }
  for (const a of input.alerts) {
    rows.push({
      section: "alert",
      city: "",
      label: `${a.supplier}${a.sku ? ` ${a.sku}` : ""}`,
      value: a.kind,
      detail: `${a.message} ${a.url}`,
      date: day(a.at),
    })
  }
  const csv = await csvString(rows, [
    { header: "section", value: "section" },
    { header: "date", value: "date" },
    { header: "city", value: "city" },
    { header: "label", value: "label" },
    { header: "value", value: "value" },
    { header: "detail", value: "detail" },
  ])
  return { html, csv, summary: s }
}
