import { parse } from "csv-parse/sync"
import { rowRecord, readCsv, mapColumns, unescapeFormula } from "./csv-table"
import {
  CSV_BOM,
  csvLines,
  FITMENT_EXPORT_HEADERS,
  linkCells,
  universalCells,
  VEHICLE_EXPORT_HEADERS,
  vehicleCells,
} from "./fitment-export"
import { FITMENT_COLUMNS, validateFitmentRow } from "./fitment-row"
import { validateVehicleRow, VEHICLE_COLUMNS, vehicleKey } from "./vehicle-row"

const now = new Date("2026-06-01T00:00:00Z")

describe("fitment export", () => {
  it("writes vehicles in the importer's columns, which read back to the same vehicle", () => {
    const stored = {
      make: "Citroën",
      model: "C4",
      generation: "II",
      body: "hatchback",
      year_from: 2010,
      month_from: 11,
      year_to: 2018,
      month_to: 3,
      engine: "1.6 HDi 92",
      engine_code: "9HP",
      displacement_cc: 1560,
      power_hp: "92.00",
      power_kw: "67.7",
      fuel: "diesel",
      ktype: 4321,
    }
    const text =
      CSV_BOM + csvLines([vehicleCells(stored)], VEHICLE_EXPORT_HEADERS)
    expect(
      text.startsWith(
        "\ufeffmake;model;generation;body;year_from;month_from;year_to;month_to;engine;engine_code;"
      )
    ).toBe(true)
    expect(text).toContain(
      "\r\nCitroën;C4;II;hatchback;2010;11;2018;3;1.6 HDi 92;9HP;1560;92;67.7;diesel;4321\r\n"
    )
    const table = readCsv(Buffer.from(text))
    const columns = mapColumns(table.headers, VEHICLE_COLUMNS)
    expect(columns.ignored).toEqual([])
    const read = validateVehicleRow(
      rowRecord(table.rows[0], columns),
      2,
      columns.header,
      { now }
    )
    expect(read).toMatchObject({
      ok: true,
      vehicle: {
        year_from: 2010,
        month_from: 11,
        year_to: 2018,
        month_to: 3,
        power_hp: 92,
        power_kw: 67.7,
        fuel: "diesel",
        ktype: 4321,
      },
    })
    if (read.ok) {
      expect(vehicleKey(read.vehicle)).toBe(vehicleKey(stored))
    }
  })

  it("writes links by vehicle id with months as YYYYMM, and universal products on their own row", () => {
    const link = {
      sku: "FER-FDB8920",
      handle: "plaquettes",
      vehicle_id: "veh_1",
      vehicle_label: "Peugeot 208 · 2012 – 2019",
      position: "front",
      quantity: 2,
      engine_code: "XYZ",
      from_ym: 201403,
      to_ym: 201612,
      note_fr: "-10 mm: vérifier",
      note_ar: "فقط المحرك",
    }
    const text =
      CSV_BOM +
      csvLines(
        [linkCells(link), universalCells({ sku: null, handle: "huile-5w30" })],
        FITMENT_EXPORT_HEADERS
      )
    // the note starting with "-" is protected from spreadsheets, and read back as written
    expect(text).toContain(";'-10 mm: vérifier;")
    const table = readCsv(Buffer.from(text))
    const columns = mapColumns(table.headers, FITMENT_COLUMNS)
    expect(columns.ignored).toEqual(["vehicle"])
    const first = validateFitmentRow(
      rowRecord(table.rows[0], columns),
      2,
      columns.header,
      { now }
    )
    expect(first).toMatchObject({
      ok: true,
      fitment: {
        product: { sku: "FER-FDB8920", handle: null },
        universal: false,
        vehicle: { vehicle_id: "veh_1" },
        position: "front",
        quantity: 2,
        engine_code: "XYZ",
        month_from: 201403,
        month_to: 201612,
        note_fr: "-10 mm: vérifier",
        note_ar: "فقط المحرك",
      },
    })
    const second = validateFitmentRow(
      rowRecord(table.rows[1], columns),
      3,
      columns.header,
      { now }
    )
    expect(second).toMatchObject({
      ok: true,
      fitment: {
        product: { sku: null, handle: "huile-5w30" },
        universal: true,
        vehicle: null,
      },
    })
    expect(parse(text.slice(1), { delimiter: ";" })).toHaveLength(3)
  })

  it("unescapes only the export's formula guard", () => {
    expect(unescapeFormula("'=SUM(A1)")).toBe("=SUM(A1)")
    expect(unescapeFormula("'-10")).toBe("-10")
    expect(unescapeFormula("'abc")).toBe("'abc")
    expect(unescapeFormula("l'avant")).toBe("l'avant")
  })
})
