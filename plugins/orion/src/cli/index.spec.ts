import fs from "fs"
import path from "path"
import { main } from "./index"
import { generateDemand } from "../lib/generator"
import { QUANTILE_KEYS } from "../lib/types"

import {
  cliSandbox,
  forecastArgs,
  readCsvRows,
  writeSampleSales,
  written,
} from "../lib/__fixtures__/cli-sandbox"

describe("orion cli", () => {
  const sandbox = cliSandbox()
  let dir: string
  let err: jest.SpyInstance
  let out: jest.SpyInstance
  beforeEach(() => {
    ;({ dir, err, out } = sandbox)
  })

  const writeSales = (withCategory = false) =>
    writeSampleSales(dir, withCategory)

  it("writes forecasts for the horizon after each sku's last date", async () => {
    const input = writeSales()
    const outFile = path.join(dir, "forecasts.csv")
    const code = await main(
      forecastArgs({ input, horizon: 3, frequency: "month", out: outFile })
    )
    expect(code).toBe(0)
    // the header line as a spreadsheet reads it: the quantiles p10, p20, … p90 after the mean
    expect(fs.readFileSync(outFile, "utf8").split("\n")[0]).toBe(
      "sku,date,model,demand_class,reason,calendar_multiplier,mean,p10,p20,p30,p40,p50,p60,p70,p80,p90"
    )
    const rows = readCsvRows(outFile)
    expect(rows).toHaveLength(60 * 3)
    expect(rows.slice(0, 3).map((r) => r.date)).toEqual([
      "2024-01-01",
      "2024-02-01",
      "2024-03-01",
    ])
    for (const r of rows) {
      const q = QUANTILE_KEYS.map((k) => Number(r[k]))
      q.forEach((v, i) => {
        expect(v).toBeGreaterThanOrEqual(i ? q[i - 1] : 0)
      })
      expect(Number(r.mean)).toBeGreaterThanOrEqual(0)
    }
    const log = written(err)
    expect(log).toContain("forecast [")
    // the demand class and the reason per part, as the server stores them
    for (const r of rows) {
      expect([
        "smooth",
        "erratic",
        "intermittent",
        "lumpy",
        "none",
        "short",
      ]).toContain(r.demand_class)
      expect(r.calendar_multiplier).toBe("1")
    }
    const zero = rows.find((r) => r.demand_class === "none")
    if (zero) {
      expect(zero.reason).toBe("no demand in the history: forecast is zero")
    }
    // without categories it says that the calendar is not applied
    expect(log).toContain("no category column: calendar effects not applied")
  })

  it("applies the calendar effects per category, like the server, when given a category column", async () => {
    const input = writeSales(true)
    const outFile = path.join(dir, "forecasts.csv")
    expect(
      await main(
        forecastArgs({ input, horizon: 12, frequency: "month", out: outFile })
      )
    ).toBe(0)
    const rows = readCsvRows(outFile)
    const log = written(err)
    expect(log).not.toContain("calendar effects not applied")
    expect(log).toMatch(/category cooling: /)
    // the same data and categories through the server's code path give the same numbers
    const { forecastWithCalendar } = await import("../lib/calendar-forecast")
    const parts = generateDemand({
      parts: 60,
      periods: 36,
      frequency: "month",
      seed: 3,
    })
    const server = forecastWithCalendar({
      series: parts.map((p) => p.values),
      categories: parts.map((p) => p.category),
      start: new Date(Date.UTC(2021, 0, 1)),
      frequency: "month",
      horizon: 12,
    })
    parts.forEach((p, i) => {
      const mine = rows.filter((r) => r.sku === p.sku)
      expect(mine.map((r) => Number(r.mean))).toEqual(
        server.forecasts[i].mean.map((m) => Math.round(m * 1000) / 1000)
      )
      expect(mine.map((r) => Number(r.calendar_multiplier))).toEqual(
        server.forecasts[i].multipliers.map((m) => Math.round(m * 1000) / 1000)
      )
    })
    // some category has a seasonal effect: not every multiplier is 1
    expect(rows.some((r) => r.calendar_multiplier !== "1")).toBe(true)

    // one category per sku
    const bad = path.join(dir, "bad.csv")
    fs.writeFileSync(
      bad,
      "sku,date,qty,category\nA,2024-01-03,2,brakes\nA,2024-01-10,1,cooling\n"
    )
    expect(
      await main(
        forecastArgs({
          input: bad,
          horizon: 2,
          frequency: "week",
          out: path.join(dir, "o.csv"),
        })
      )
    ).toBe(1)
    expect(written(err)).toContain(
      'row 3, column "category": sku A is in "brakes"'
    )
  })

  it("ends every series at the file's last date unless asked to end each at its own last sale", async () => {
    const input = path.join(dir, "end.csv")
    // A last sold in January, B in June: the data runs to June
    fs.writeFileSync(
      input,
      "sku,date,qty\nA,2024-01-10,3\nA,2023-11-02,1\nB,2024-06-20,1\nB,2023-12-01,2\n"
    )
    const outFile = path.join(dir, "o.csv")
    const run = { input, horizon: 2, frequency: "month", out: outFile }
    expect(await main(forecastArgs(run))).toBe(0)
    let rows = readCsvRows(outFile)
    expect(rows.filter((r) => r.sku === "A").map((r) => r.date)).toEqual([
      "2024-07-01",
      "2024-08-01",
    ])
    expect(rows.filter((r) => r.sku === "B").map((r) => r.date)).toEqual([
      "2024-07-01",
      "2024-08-01",
    ])
    expect(await main(forecastArgs(run, "--end-at-last-sale"))).toBe(0)
    rows = readCsvRows(outFile)
    expect(rows.filter((r) => r.sku === "A").map((r) => r.date)).toEqual([
      "2024-02-01",
      "2024-03-01",
    ])
  })

  it("prints the backtest table", async () => {
    const input = writeSales()
    expect(
      await main([
        "backtest",
        "--input",
        input,
        "--frequency",
        "month",
        "--horizon",
        "6",
      ])
    ).toBe(0)
    const text = written(out)
    expect(text).toContain("WQL")
    expect(text).toContain("MAPE(non-zero periods)")
    for (const m of [
      "auto",
      "croston",
      "sba",
      "tsb",
      "adida",
      "imapa",
      "ets",
      "seasonal-naive",
      "zero (reference)",
    ]) {
      expect(text).toContain(m)
    }
  })

  it("reports bad rows with row and column", async () => {
    const input = path.join(dir, "bad.csv")
    fs.writeFileSync(input, "sku,date,qty\nA,2024-01-03,2\nA,2024-13-01,1\n")
    const code = await main(
      forecastArgs({
        input,
        horizon: 2,
        frequency: "week",
        out: path.join(dir, "o.csv"),
      })
    )
    expect(code).toBe(1)
    expect(written(err)).toContain('row 3, column "date"')
    fs.writeFileSync(input, "sku,day,qty\nA,2024-01-03,2\n")
    expect(
      await main(["backtest", "--input", input, "--frequency", "week"])
    ).toBe(1)
    expect(written(err)).toContain('missing column "date"')
    expect(
      await main(
        forecastArgs({ input, horizon: 2, frequency: "day", out: "x" })
      )
    ).toBe(1)
  })
})
