/**
 * CSV imports through POST /admin/fitment/imports (and the CLI): a 20,000+ row real-world-shaped vehicle file
 * with messy spellings and malformed rows, BOM + semicolons, dry runs, all-or-nothing, skip_invalid with the
 * downloadable invalid rows, and re-import idempotence. The expected answers come from the generator's ground
 * truth (plugins/fitment/src/lib/__fixtures__/messy-files.ts), not from the code under test.
 */
import { spawnSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import {
  generateFitmentFile,
  generateVehicleFile,
} from "../../plugins/fitment/src/lib/__fixtures__/messy-files"
import { adminHeaders, sql, testEnv } from "../helpers/env"
import { admin, createProduct, upload } from "./helpers"

const ROOT = path.resolve(__dirname, "..", "..")
const count = async (table: string, where = "true") =>
  Number(
    (await sql(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n
  )

describe("vehicle import of a 20,000+ row messy file", () => {
  const file = generateVehicleFile({
    vehicles: 20000,
    duplicates: 600,
    delimiter: ";",
    bom: true,
    seed: 4242,
  })
  let vehiclesBefore: number

  beforeAll(async () => {
    vehiclesBefore = await count("vehicle")
  })

  it("is more than 20,000 rows, with BOM and semicolons", () => {
    expect(file.dataLines).toBeGreaterThan(20000)
    expect(file.csv.charCodeAt(0)).toBe(0xfeff)
  })

  it("dry run: finds every distinct vehicle, the duplicates and each malformed row with its column, and writes nothing", async () => {
    const { status, body } = await upload("vehicles", file.csv, {
      dry_run: true,
    })
    expect(status).toBe(200)
    const r = body.import
    expect(r).toMatchObject({
      dry_run: true,
      applied: false,
      bom: true,
      delimiter: ";",
    })
    expect(r.summary.total_rows).toBe(file.dataLines)
    // vehicles that already exist (demo seed) count as unchanged/updated, never as new
    expect(r.summary.created + r.summary.updated + r.summary.unchanged).toBe(
      file.vehicles.length
    )
    expect(r.summary.duplicates).toBe(file.duplicateLines.length)
    expect(r.invalid_rows.map((x: any) => x.row)).toEqual(
      file.broken.map((b) => b.line)
    )
    for (const b of file.broken) {
      const row = r.invalid_rows.find((x: any) => x.row === b.line)
      expect(row.errors.map((e: any) => e.column)).toContain(b.column)
      expect(row.errors.map((e: any) => e.reason).join(" ")).toMatch(b.reason)
    }
    expect(r.ignored_columns).toEqual(["Commentaire interne"])
    expect(await count("vehicle")).toBe(vehiclesBefore)
  })

  it("real run with invalid rows: all or nothing, 422 and nothing written", async () => {
    const { status, body } = await upload("vehicles", file.csv)
    expect(status).toBe(422)
    expect(body.import).toMatchObject({ applied: false })
    expect(body.import.stopped_reason).toMatch(/nothing was written/)
    expect(await count("vehicle")).toBe(vehiclesBefore)
  })

  it("skip_invalid writes the valid rows and keeps the invalid ones as a CSV to download", async () => {
    const { status, body } = await upload("vehicles", file.csv, {
      skip_invalid: true,
    })
    expect(status).toBe(200)
    const r = body.import
    expect(r.applied).toBe(true)
    expect(await count("vehicle")).toBe(vehiclesBefore + r.summary.created)
    // every valid row is written, or was already there: the export test's generated file (another seed, the same
    // vocabulary) may have created many of these vehicles on the shared test database before this file runs
    expect(
      r.summary.created + r.summary.updated + r.summary.unchanged
    ).toBeGreaterThan(19000)
    // messy spellings of one make are one make: the generator writes Peugeot, PEUGEOT and peugeot
    expect(await count("vehicle_make", "key = 'peugeot'")).toBe(1)
    const makes = await sql<{ name: string }>(`SELECT name FROM vehicle_make`)
    expect(
      makes.filter((m) => m.name.toLowerCase() === "peugeot")
    ).toHaveLength(1)

    const csv = await admin("GET", r.invalid_rows_csv_url)
    expect(csv.status).toBe(200)
    const lines = String(csv.body)
      .replace(/^\ufeff/, "")
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toMatch(/^Marque;Modèle;.*;row;errors$/)
    expect(lines).toHaveLength(file.broken.length + 1)
    expect(lines[1]).toContain(`;${file.broken[0].line};`)
  })

  it("re-importing the same file changes nothing", async () => {
    const before = await count("vehicle")
    const { status, body } = await upload("vehicles", file.csv, {
      skip_invalid: true,
    })
    expect(status).toBe(200)
    expect(body.import.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: file.vehicles.length,
      makes_created: 0,
      models_created: 0,
    })
    expect(await count("vehicle")).toBe(before)
  })

  it("fitment import by KType: all or nothing, then idempotent", async () => {
    const skus: string[] = []
    for (let i = 1; i <= 12; i++) {
      await createProduct(`Imp part ${i}`, `imp-part-${i}`, `IMP-${i}`)
      skus.push(`IMP-${i}`)
    }
    const fit = generateFitmentFile(file.vehicles, skus, 3000, 11)
    const ours = `product_id IN (SELECT product_id FROM product_variant WHERE sku LIKE 'IMP-%')`
    const stopped = await upload("fitments", fit.csv)
    expect(stopped.status).toBe(422)
    expect(stopped.body.import.invalid_rows.map((x: any) => x.row)).toEqual(
      fit.broken.map((b) => b.line)
    )
    expect(await count("fitment", ours)).toBe(0)

    const done = await upload("fitments", fit.csv, { skip_invalid: true })
    expect(done.status).toBe(200)
    const created = done.body.import.summary.links_created
    expect(created).toBeGreaterThanOrEqual(fit.links)
    expect(await count("fitment", ours)).toBe(created)
    const again = await upload("fitments", fit.csv, { skip_invalid: true })
    expect(again.body.import.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: created,
    })
    expect(await count("fitment", ours)).toBe(created)
  })
})

describe("small files", () => {
  it("reports file-level problems as 400 with the column", async () => {
    const res = await upload("vehicles", "marque;annee_debut\nPeugeot;2014\n")
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/model/)
    const noFile = await fetch(`${testEnv().baseUrl}/admin/fitment/imports`, {
      method: "POST",
      headers: await adminHeaders(),
      body: new FormData(),
    })
    expect(noFile.status).toBe(400)
  })

  it("malformed rows: missing make, text in a year, year_to before year_from", async () => {
    const csv =
      "make,model,year_from,year_to\n,Clio,2014,\nRenault,Megane,deux mille,\nRenault,Kangoo,2015,2010\nRenault,Twingo III,2014,\n"
    const { body } = await upload("vehicles", csv, { dry_run: true })
    const byRow = Object.fromEntries(
      body.import.invalid_rows.map((r: any) => [r.row, r.errors[0]])
    )
    expect(byRow[2]).toMatchObject({ column: "make" })
    expect(byRow[3]).toMatchObject({ column: "year_from", value: "deux mille" })
    expect(byRow[4]).toMatchObject({ column: "year_to" })
    expect(byRow[4].reason).toMatch(/before/)
    expect(body.import.summary.invalid).toBe(3)
  })
})

describe("CLI", () => {
  const cli = (args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(ROOT, "plugins/fitment/dist/cli/index.js"), ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: testEnv().databaseUrl,
          FITMENT_PROGRESS: "1",
        },
        encoding: "utf8",
        timeout: 120000,
      }
    )

  it("imports with a summary, lists invalid rows, and exits non-zero when they stopped the import", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fitment-cli-"))
    const bad = path.join(dir, "bad.csv")
    fs.writeFileSync(
      bad,
      "make;model;year_from;year_to\nCliomake;Uno;2001;\nCliomake;Duo;19x9;\n"
    )
    const stopped = cli(["import", "vehicles", bad])
    expect(stopped.status).toBe(1)
    expect(stopped.stdout).toMatch(/created:\s+1/)
    expect(stopped.stdout).toMatch(/row 3: year_from: /)
    expect(stopped.stdout).toMatch(/NOT IMPORTED/)

    const good = path.join(dir, "good.csv")
    fs.writeFileSync(
      good,
      "make;model;year_from;year_to\nCliomake;Uno;2001;\nCliomake;Duo;2009;2015\n"
    )
    const first = cli(["import", "vehicles", good])
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(/created:\s+2/)
    expect(first.stderr).toMatch(/\d+\/\d+ rows/)
    const second = cli(["import", "vehicles", good])
    expect(second.status).toBe(0)
    expect(second.stdout).toMatch(/created:\s+0/)
    expect(second.stdout).toMatch(/unchanged:\s+2/)
    expect(second.stdout).toMatch(/updated:\s+0/)
    expect(cli(["import", "cars", good]).status).toBe(2)
  })
})
