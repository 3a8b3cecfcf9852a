/**
 * Prospector command line, run inside a booted Medusa container by
 * scripts/cli.js (same database and configuration as `npm start`):
 *
 *   search --query "<text>" --city <name> [--language fr|ar] [--max-requests N]
 *   export --out <file.csv> [--status s] [--city c] [--kind lead|competitor] [--min-score N] [--q text] [--delimiter ";"]
 *   watch
 *   report [--start ISO --end ISO]
 */
import fs from "fs"
import path from "path"
import { pipeline } from "stream/promises"
import { parseArgs } from "util"

import type LeadService from "../services/lead"
import type PriceWatchService from "../services/price-watch"
import type ProspectorReportService from "../services/prospector-report"
import type ProspectorRunService from "../services/prospector-run"

type Container = { resolve<T = any>(name: string): T }
type Out = { log(line: string): void; progress?(line: string): void }

export const USAGE = `usage: npm run prospector -- <command> [options]
  search --query "<text>" --city <name> [--language fr|ar] [--max-requests N]
  export --out <file.csv> [--status s] [--city c] [--kind lead|competitor] [--min-score N] [--q text] [--delimiter ";"]
  watch
  report [--start <ISO date> --end <ISO date>]`

export class CliError extends Error {}

export function parseCommand(argv: string[]) {
  const [command, ...rest] = argv
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      query: { type: "string" },
      city: { type: "string", multiple: true },
      language: { type: "string" },
      "max-requests": { type: "string" },
      out: { type: "string" },
      status: { type: "string" },
      kind: { type: "string" },
      "min-score": { type: "string" },
      q: { type: "string" },
      delimiter: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
    },
  })
  if (!command || !["search", "export", "watch", "report"].includes(command)) {
    throw new CliError(
      command ? `unknown command "${command}"\n${USAGE}` : USAGE
    )
  }
  if (command === "search" && !values.city?.length) {
    throw new CliError(`search: --city is required\n${USAGE}`)
  }
  if (command === "export" && !values.out) {
    throw new CliError(`export: --out <file.csv> is required\n${USAGE}`)
  }
  if (command === "report") {
    if ((values.start === undefined) !== (values.end === undefined)) {
      throw new CliError(
        "report: give both --start and --end, or neither (last complete week)"
      )
    }
    for (const flag of ["start", "end"] as const) {
      if (
        values[flag] !== undefined &&
        isNaN(new Date(values[flag] as string).getTime())
      ) {
        throw new CliError(
          `--${flag}: "${values[flag]}" is not an ISO date (e.g. 2026-01-05T00:00:00+01:00)`
        )
      }
    }
  }
  let maxRequests: number | undefined
  if (values["max-requests"] !== undefined) {
    maxRequests = Number(values["max-requests"])
    if (!Number.isInteger(maxRequests) || maxRequests < 0) {
      throw new CliError(
        `--max-requests: "${values["max-requests"]}" is not a whole number >= 0`
      )
    }
  }
  return { command, values, maxRequests }
}

export async function run(
  argv: string[],
  container: Container,
  out: Out = { log: (l) => console.log(l) }
): Promise<number> {
  const { command, values, maxRequests } = parseCommand(argv)
  if (command === "search") {
    const runs = container.resolve<ProspectorRunService>("prospectorRunService")
    const result = await runs.search({
      query: values.query,
      language: values.language as "fr" | "ar" | undefined,
      cities: values.city,
      max_requests: maxRequests,
      trigger: "cli",
      onProgress: (p) =>
        (out.progress ?? out.log)(
          `[${p.done}/${p.total}] ${p.area} · "${p.query}": ${p.requests} requests, ${p.new} new, ${p.updated} updated, ${p.merged} merged`
        ),
    })
    const s = result.summary
    out.log(`run ${result.id}: ${result.status}`)
    out.log(
      `requests: ${s.requests} (month: ${s.budget.used_this_month_after}/${s.budget.per_month}, run limit ${s.budget.per_run})`
    )
    out.log(
      `places: ${s.places}, new: ${s.new}, updated: ${s.updated}, merged: ${s.merged} (leads ${s.leads}, competitors ${s.competitors})`
    )
    if (s.budget_exhausted) {
      out.log(`stopped: the ${s.budget_exhausted} budget is used up`)
    }
    for (const e of result.errors ?? []) {
      out.log(`error: ${e.message}`)
    }
    return result.status === "completed" ? 0 : 1
  }
  if (command === "export") {
    const leads = container.resolve<LeadService>("leadService")
    const raw: Record<string, unknown> = {}
    for (const [flag, key] of [
      ["status", "status"],
      ["kind", "kind"],
      ["min-score", "min_score"],
      ["q", "q"],
    ] as const) {
      if (values[flag] !== undefined) {
        raw[key] = values[flag]
      }
    }
    if (values.city?.length) {
      raw.city = values.city
    }
    const query = leads.parseQuery(raw)
    const delimiter = values.delimiter === ";" ? ";" : ","
    const file = path.resolve(values.out as string)
    await pipeline(
      leads.exportCsv(query, { delimiter }),
      fs.createWriteStream(file)
    )
    const [, count] = await leads.list({ ...query, limit: 1, offset: 0 })
    out.log(`${count} leads written to ${file}`)
    return 0
  }
  if (command === "watch") {
    const watch = container.resolve<PriceWatchService>("priceWatchService")
    const result = await watch.runPass({
      trigger: "cli",
      onProgress: (done, total, url, status) =>
        (out.progress ?? out.log)(`[${done}/${total}] ${status} ${url}`),
    })
    out.log(
      `run ${result.id}: ${result.status} ${JSON.stringify(result.summary)}`
    )
    return result.status === "completed" ? 0 : 1
  }
  const reports = container.resolve<ProspectorReportService>(
    "prospectorReportService"
  )
  const report = await reports.generate({
    start: values.start ? new Date(values.start) : undefined,
    end: values.end ? new Date(values.end) : undefined,
    trigger: "cli",
  })
  out.log(
    `report ${report.id} for ${new Date(report.period_start).toISOString()} .. ${new Date(report.period_end).toISOString()}`
  )
  out.log(JSON.stringify(report.summary))
  out.log(
    `download: GET /admin/prospector/reports/${report.id}?format=html (or csv)`
  )
  return 0
}
