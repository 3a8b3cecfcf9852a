/**
 * Fitment export (GET /admin/fitment/export and `npm run fitment -- export`) → import round trip: the files are in
 * the importer's columns, so importing them back changes nothing, on the demo data and after a 20,000-vehicle
 * file with thousands of links; an edit made in the file is the only change.
 */
import { spawnSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import {
  generateFitmentFile,
  generateVehicleFile,
} from "../../plugins/fitment/src/lib/__fixtures__/messy-files"
import { sql, testEnv } from "../helpers/env"
import { fetchOnce } from "../helpers/fetch-once"
import { admin, createProduct, upload } from "./helpers"
import { adminHeaders } from "../helpers/env"

jest.setTimeout(900000)

const ROOT = path.resolve(__dirname, "..", "..")

async function exportCsv(
  type: string
): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetchOnce(
    `${testEnv().baseUrl}/admin/fitment/export?type=${type}&format=csv`,
    { headers: await adminHeaders() }
  )
  // as bytes: fetch's text() would drop the BOM the file starts with
  return {
    status: res.status,
    text: Buffer.from(await res.arrayBuffer()).toString("utf8"),
    headers: res.headers,
  }
}

/** An import summary in which nothing changed: every row `unchanged`. */
const unchangedSummary = (unchanged: number) => ({
  created: 0,
  updated: 0,
  invalid: 0,
  duplicates: 0,
  unchanged,
})

/** Data lines of an export (header and BOM aside). */
const dataLines = (csv: string) =>
  csv
    .replace(/^\ufeff/, "")
    .split("\r\n")
    .filter(Boolean).length - 1

const liveLinks = async () =>
  Number(
    (
      await sql(
        `SELECT count(*)::int AS n FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL WHERE f.variant_id IS NULL`
      )
    )[0].n
  )
const universalProducts = async () =>
  Number(
    (
      await sql(
        `SELECT count(*)::int AS n FROM fitment_product fp JOIN product p ON p.id = fp.product_id AND p.deleted_at IS NULL WHERE fp.is_universal`
      )
    )[0].n
  )

/** Exports both files and imports them back; returns the two import summaries. */
async function roundTrip(): Promise<{
  vehicles: any
  fitments: any
  vehicleRows: number
  fitmentRows: number
}> {
  const vehicles = await exportCsv("vehicles")
  expect(vehicles.status).toBe(200)
  const v = await upload("vehicles", vehicles.text, {
    fileName: "vehicules.csv",
  })
  expect(v.status).toBe(200)
  const fitments = await exportCsv("fitments")
  expect(fitments.status).toBe(200)
  const f = await upload("fitments", fitments.text, {
    fileName: "compatibilites.csv",
  })
  expect(f.status).toBe(200)
  return {
    vehicles: v.body.import,
    fitments: f.body.import,
    vehicleRows: dataLines(vehicles.text),
    fitmentRows: dataLines(fitments.text),
  }
}

describe("fitment export → import round trip", () => {
  it("exports the demo data in the importer's columns, and importing it back changes nothing", async () => {
    const vehicles = await exportCsv("vehicles")
    expect(vehicles.status).toBe(200)
    expect(vehicles.headers.get("content-type")).toMatch(/^text\/csv/)
    expect(vehicles.headers.get("content-disposition")).toMatch(
      /^attachment; filename="vehicules-\d{4}-\d{2}-\d{2}\.csv"$/
    )
    expect(
      vehicles.text.startsWith(
        "\ufeffmake;model;generation;body;year_from;month_from;year_to;month_to;engine;engine_code;displacement_cc;power_hp;power_kw;fuel;ktype\r\n"
      )
    ).toBe(true)
    const [{ n: vehicleCount }] = await sql(
      `SELECT count(*)::int AS n FROM vehicle`
    )
    expect(dataLines(vehicles.text)).toBe(vehicleCount)

    const fitments = await exportCsv("fitments")
    expect(
      fitments.text.startsWith(
        "\ufeffsku;handle;universal;vehicle_id;vehicle;position;quantity;engine_code;month_from;month_to;note_fr;note_ar\r\n"
      )
    ).toBe(true)
    const [{ n: variantLinks }] = await sql(
      `SELECT count(*)::int AS n FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL WHERE f.variant_id IS NOT NULL`
    )
    expect(fitments.headers.get("x-variant-links-skipped")).toBe(
      String(variantLinks)
    )
    expect(dataLines(fitments.text)).toBe(
      (await liveLinks()) + (await universalProducts())
    )

    const r = await roundTrip()
    expect(r.vehicles.summary).toMatchObject({
      ...unchangedSummary(r.vehicleRows),
      makes_created: 0,
      models_created: 0,
    })
    expect(r.vehicles.invalid_rows).toEqual([])
    expect(r.fitments.summary).toMatchObject(unchangedSummary(r.fitmentRows))
    expect(r.fitments.invalid_rows).toEqual([])
    expect(r.fitments.ignored_columns).toEqual(["vehicle"])
  })

  it("an edit made in the file is the only change", async () => {
    const fitments = (await exportCsv("fitments")).text
    const lines = fitments.split("\r\n")
    const at = lines.findIndex(
      (l, i) => i > 0 && l.split(";")[3]?.startsWith("veh")
    )
    const cells = lines[at].split(";")
    const quantity = Number(cells[6])
    cells[6] = String(quantity + 1)
    lines[at] = cells.join(";")
    const edited = await upload("fitments", lines.join("\r\n"))
    expect(edited.status).toBe(200)
    expect(edited.body.import.summary).toMatchObject({
      created: 0,
      updated: 1,
      invalid: 0,
    })
    // the export now holds the edit; putting the old value back is again one change
    expect((await exportCsv("fitments")).text).toContain(lines[at])
    lines[at] = [
      ...cells.slice(0, 6),
      String(quantity),
      ...cells.slice(7),
    ].join(";")
    expect(
      (await upload("fitments", lines.join("\r\n"))).body.import.summary
    ).toMatchObject({ created: 0, updated: 1, invalid: 0 })
  })

  it("refuses an unknown type or format with the parameter's name, and anonymous calls", async () => {
    const noType = await admin("GET", "/admin/fitment/export?format=csv")
    expect(noType).toMatchObject({
      status: 400,
      body: {
        message: expect.stringMatching(
          /^type: is required: vehicles or fitments/
        ),
      },
    })
    expect(
      (await admin("GET", "/admin/fitment/export?type=links")).body.message
    ).toMatch(/^type: "links" is not one of vehicles, fitments/)
    expect(
      (await admin("GET", "/admin/fitment/export?type=vehicles&format=xlsx"))
        .body.message
    ).toMatch(/^format: only csv/)
    expect(
      (await fetch(`${testEnv().baseUrl}/admin/fitment/export?type=vehicles`))
        .status
    ).toBe(401)
  })

  it("round-trips unchanged after a 20,000-vehicle file and thousands of links, through the API and the CLI", async () => {
    const file = generateVehicleFile({
      vehicles: 20000,
      duplicates: 0,
      delimiter: ";",
      bom: true,
      seed: 9090,
    })
    const imported = await upload("vehicles", file.csv, { skip_invalid: true })
    expect(imported.status).toBe(200)
    const skus: string[] = []
    const run = Date.now().toString(36)
    for (let i = 1; i <= 6; i++) {
      await createProduct(
        `Export part ${i}`,
        `export-part-${run}-${i}`,
        `EXP-${run}-${i}`
      )
      skus.push(`EXP-${run}-${i}`)
    }
    const fit = await upload(
      "fitments",
      generateFitmentFile(file.vehicles, skus, 4000, 17).csv,
      { skip_invalid: true }
    )
    expect(fit.status).toBe(200)
    const [{ n: vehicleCount }] = await sql(
      `SELECT count(*)::int AS n FROM vehicle`
    )
    expect(vehicleCount).toBeGreaterThanOrEqual(20000)

    const r = await roundTrip()
    expect(r.vehicleRows).toBe(vehicleCount)
    expect(r.vehicles.summary).toMatchObject(unchangedSummary(vehicleCount))
    expect(r.fitmentRows).toBeGreaterThan(4000)
    expect(r.fitments.summary).toMatchObject(unchangedSummary(r.fitmentRows))

    // the CLI writes the same file as the API, and its dry run finds nothing to change
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fitment-export-"))
    const out = path.join(dir, "vehicules.csv")
    const cli = (args: string[]) =>
      spawnSync("npm", ["run", "--silent", "fitment", "--", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: testEnv().databaseUrl },
        encoding: "utf8",
        timeout: 600000,
      })
    const exported = cli(["export", "vehicles", out])
    expect(exported.status).toBe(0)
    expect(exported.stderr).toMatch(
      new RegExp(`vehicles export: ${vehicleCount} rows written to `)
    )
    expect(fs.readFileSync(out, "utf8")).toBe(
      (await exportCsv("vehicles")).text
    )
    expect(fs.readdirSync(dir)).toEqual(["vehicules.csv"])
    const dry = cli(["import", "vehicles", out, "--dry-run"])
    expect(dry.status).toBe(0)
    expect(dry.stdout).toMatch(/created:\s+0 /)
    expect(dry.stdout).toMatch(/updated:\s+0\n/)
    expect(dry.stdout).toMatch(new RegExp(`unchanged:\\s+${vehicleCount}\\n`))
  })
})
