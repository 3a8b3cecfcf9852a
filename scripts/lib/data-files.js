/**
 * The demo data files: the columns of its CSV files (written by the catalogue generator, checked by
 * check-data), and reading them for checks: JSON, and CSV with an expected header whose rows carry
 * their file line number. Read errors are reported through `err(where, message)`.
 */
"use strict"

const fs = require("fs")
const path = require("path")
const { parse } = require("csv-parse/sync")

/** The columns naming a vehicle (make, model, years, engine), in order: in vehicles.csv and fitments.csv. */
const VEHICLE_NAME_COLUMNS = [
  "make",
  "model",
  "year_from",
  "year_to",
  "engine",
  "engine_code",
]

/** The columns of vehicles.csv, in order. */
const VEHICLE_COLUMNS = [
  ...VEHICLE_NAME_COLUMNS,
  "displacement_cc",
  "power_hp",
  "power_kw",
  "fuel",
  "body",
  "ktype",
]

/** The columns of fitments.csv, in order. */
const FITMENT_COLUMNS = [
  "sku",
  "handle",
  ...VEHICLE_NAME_COLUMNS,
  "position",
  "quantity",
  "note_fr",
  "note_ar",
]

/** Readers of the files in `DATA`. */
function dataReader(DATA, err) {
  function readJson(name) {
    const file = path.join(DATA, name)
    try {
      return JSON.parse(fs.readFileSync(file, "utf8"))
    } catch (e) {
      err(name, `cannot read JSON (${e.message})`)
      return null
    }
  }
  function readCsv(name, expectedHeader, { optional = false } = {}) {
    const file = path.join(DATA, name)
    if (!fs.existsSync(file)) {
      if (!optional) err(name, "file is missing")
      return null
    }
    const text = fs.readFileSync(file, "utf8")
    let records
    try {
      records = parse(text, {
        bom: true,
        skip_empty_lines: true,
        relax_column_count: false,
      })
    } catch (e) {
      err(name, `CSV parse error (${e.message})`)
      return null
    }
    const header = records[0] || []
    if (header.join(",") !== expectedHeader.join(",")) {
      err(
        `${name}:1`,
        `header must be "${expectedHeader.join(",")}", got "${header.join(",")}"`
      )
      return null
    }
    // row numbers are file line numbers (header = 1); no field here contains a newline
    return records.slice(1).map((r, k) => ({
      row: k + 2,
      ...Object.fromEntries(header.map((h, j) => [h, r[j]])),
    }))
  }
  return { readJson, readCsv }
}

const isInt = (s) => /^-?\d+$/.test(String(s))
const nonEmpty = (s) => typeof s === "string" && s.trim().length > 0

module.exports = {
  dataReader,
  FITMENT_COLUMNS,
  isInt,
  nonEmpty,
  VEHICLE_COLUMNS,
}
