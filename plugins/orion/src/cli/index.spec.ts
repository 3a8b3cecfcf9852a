import fs from "fs"
import os from "os"
import path from "path"
import { parse } from "csv-parse/sync"
import { main } from "./index"
import { generateDemand, periodStarts } from "../lib/generator"

describe("orion cli", () => {
  let dir: string
  let err: jest.SpyInstance
  let out: jest.SpyInstance
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "orion-cli-"))
    err = jest.spyOn(process.stderr, "write").mockImplementation(() => true)
    out = jest.spyOn(process.stdout, "write").mockImplementation(() => true)
  })
  afterEach(() => {
    err.mockRestore()
    out.mockRestore()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  function writeSales(): string {
    const parts = generateDemand({ parts: 60, periods: 36, frequency: "month", seed: 3 })
    const dates = periodStarts(new Date(Date.UTC(2021, 0, 1)), 36, "month")
    const lines = ["sku,date,qty"]
    for (const p of parts) {
      p.values.forEach((v, t) => lines.push(`${p.sku},${dates[t].toISOString().slice(0, 10).replace(/-01$/, "-15")},${v}`))
    }
    const file = path.join(dir, "sales.csv")
    fs.writeFileSync(file, lines.join("\n") + "\n")
    return file
  }

  it("writes forecasts for the horizon after each sku's last date", async () => {
    const input = writeSales()
    const outFile = path.join(dir, "forecasts.csv")
    const code = await main(["forecast", "--input", input, "--horizon", "3", "--frequency", "month", "--out", outFile])
    expect(code).toBe(0)
    const rows = parse(fs.readFileSync(outFile), { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0])).toEqual(["sku", "date", "model", "mean", "p10", "p20", "p30", "p40", "p50", "p60", "p70", "p80", "p90"])
    expect(rows).toHaveLength(60 * 3)
    expect(rows.slice(0, 3).map((r) => r.date)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"])
    for (const r of rows) {
      const q = ["p10", "p20", "p30", "p40", "p50", "p60", "p70", "p80", "p90"].map((k) => Number(r[k]))
      q.forEach((v, i) => {
        expect(v).toBeGreaterThanOrEqual(i ? q[i - 1] : 0)
      })
      expect(Number(r.mean)).toBeGreaterThanOrEqual(0)
    }
    expect(err.mock.calls.map((c) => String(c[0])).join("")).toContain("forecast [")
  })

  it("prints the backtest table", async () => {
    const input = writeSales()
    expect(await main(["backtest", "--input", input, "--frequency", "month", "--horizon", "6"])).toBe(0)
    const text = out.mock.calls.map((c) => String(c[0])).join("")
    expect(text).toContain("WQL")
    expect(text).toContain("MAPE(non-zero periods)")
    for (const m of ["auto", "croston", "sba", "tsb", "adida", "imapa", "ets", "seasonal-naive", "zero (reference)"]) {
      expect(text).toContain(m)
    }
  })

  it("reports bad rows with row and column", async () => {
    const input = path.join(dir, "bad.csv")
    fs.writeFileSync(input, "sku,date,qty\nA,2024-01-03,2\nA,2024-13-01,1\n")
    const code = await main(["forecast", "--input", input, "--horizon", "2", "--frequency", "week", "--out", path.join(dir, "o.csv")])
    expect(code).toBe(1)
    expect(err.mock.calls.map((c) => String(c[0])).join("")).toContain('row 3, column "date"')
    fs.writeFileSync(input, "sku,day,qty\nA,2024-01-03,2\n")
    expect(await main(["backtest", "--input", input, "--frequency", "week"])).toBe(1)
    expect(err.mock.calls.map((c) => String(c[0])).join("")).toContain('missing column "date"')
    expect(await main(["forecast", "--input", input, "--horizon", "2", "--frequency", "day", "--out", "x"])).toBe(1)
  })
})
