import fs from "fs"
import os from "os"
import path from "path"
import { parse } from "csv-parse/sync"
import { generateDemand, periodStarts } from "../generator"

/** What a CLI spec works in: a temporary folder, and stdout / stderr captured. */
export type CliSandbox = {
  dir: string
  err: jest.SpyInstance
  out: jest.SpyInstance
}

/** All that a captured stream (`sandbox.err`, `sandbox.out`) was given, as one text. */
export function written(stream: jest.SpyInstance): string {
  return stream.mock.calls.map((c) => String(c[0])).join("")
}

/** The arguments of `orion forecast` (`more`: further flags, e.g. `--weather <file>`). */
export function forecastArgs(
  run: { input: string; horizon: number; frequency: string; out: string },
  ...more: string[]
): string[] {
  return [
    "forecast",
    "--input",
    run.input,
    "--horizon",
    String(run.horizon),
    "--frequency",
    run.frequency,
    "--out",
    run.out,
    ...more,
  ]
}

/** The rows of a CSV file the CLI wrote, by column name. */
export function readCsvRows(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { columns: true })
}

/** Registers the hooks giving each test a fresh sandbox (read its fields inside the tests). */
export function cliSandbox(): CliSandbox {
  const sandbox = {} as CliSandbox
  beforeEach(() => {
    sandbox.dir = fs.mkdtempSync(path.join(os.tmpdir(), "orion-cli-"))
    sandbox.err = jest
      .spyOn(process.stderr, "write")
      .mockImplementation(() => true)
    sandbox.out = jest
      .spyOn(process.stdout, "write")
      .mockImplementation(() => true)
  })
  afterEach(() => {
    sandbox.err.mockRestore()
    sandbox.out.mockRestore()
    fs.rmSync(sandbox.dir, { recursive: true, force: true })
  })
  return sandbox
}

/** 36 months of generated sales of 60 parts as `sku,date,qty[,category]` in `dir`/sales.csv; the file's path. */
export function writeSampleSales(dir: string, withCategory = false): string {
  const parts = generateDemand({
    parts: 60,
    periods: 36,
    frequency: "month",
    seed: 3,
  })
  const dates = periodStarts(new Date(Date.UTC(2021, 0, 1)), 36, "month")
  const lines = [withCategory ? "sku,date,qty,category" : "sku,date,qty"]
  for (const p of parts) {
    p.values.forEach((v, t) =>
      lines.push(
        `${p.sku},${dates[t].toISOString().slice(0, 10).replace(/-01$/, "-15")},${v}${withCategory ? `,${p.category}` : ""}`
      )
    )
  }
  const file = path.join(dir, "sales.csv")
  fs.writeFileSync(file, lines.join("\n") + "\n")
  return file
}
