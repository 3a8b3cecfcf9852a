#!/usr/bin/env node
/*
 * Validates the demo catalogue in data/ (or --data <dir>):
 *   categories.json, brands.json, vehicles.csv, products.json, fitments.csv,
 *   sales-history.csv (when present).
 * Prints one line per problem ("file:row: message") and exits 1 when there is any.
 * Usage: node scripts/check-data.js [--data <dir>]
 */
"use strict"

const path = require("path")
const {
  dataReader,
  FITMENT_COLUMNS,
  isInt,
  nonEmpty,
  VEHICLE_COLUMNS,
} = require("./lib/data-files")
const { eanValid } = require("./lib/ean")
const { checkSalesHistory } = require("./lib/sales-history-check")

const i = process.argv.indexOf("--data")
const DATA = path.resolve(
  i > 0 ? process.argv[i + 1] : path.join(__dirname, "..", "data")
)

const errors = []
const err = (where, msg) => errors.push(`${where}: ${msg}`)
const MAX_ERRORS_SHOWN = 200
const { readJson, readCsv } = dataReader(DATA, err)

/** `check(record, k)` for each record of the JSON file `name`, which must hold an array. */
function eachRecord(name, records, check) {
  if (!Array.isArray(records)) err(name, "must be an array")
  else records.forEach(check)
}

/** Each of `fields` must be non-empty text in `record`. */
function required(at, record, fields) {
  for (const f of fields)
    if (!nonEmpty(record[f])) err(at, `field "${f}" is missing or empty`)
}

/** `record.handle` must be a lower-case slug not yet in `byHandle`. */
function checkHandle(at, record, byHandle) {
  if (record.handle && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(record.handle))
    err(at, `handle "${record.handle}" is not a lower-case slug`)
  if (byHandle.has(record.handle))
    err(at, `duplicate handle "${record.handle}"`)
}

// ---------------------------------------------------------------- categories
const categories = readJson("categories.json") || []
const catByHandle = new Map()
const parents = new Set()
eachRecord("categories.json", categories, (c, k) => {
  const at = `categories.json[${k}]`
  required(at, c, ["handle", "name", "name_ar", "description"])
  checkHandle(at, c, catByHandle)
  if (c.parent !== null && !catByHandle.has(c.parent))
    err(at, `parent "${c.parent}" does not exist or comes after its child`)
  if (c.parent) parents.add(c.parent)
  catByHandle.set(c.handle, c)
})
if (Array.isArray(categories) && categories.length < 30)
  err(
    "categories.json",
    `needs at least 30 categories, has ${categories.length}`
  )

// ---------------------------------------------------------------- brands
const brands = readJson("brands.json") || []
const brandByHandle = new Map()
eachRecord("brands.json", brands, (b, k) => {
  const at = `brands.json[${k}]`
  required(at, b, ["handle", "name", "country", "description"])
  if (b.country && !/^[A-Z]{2}$/.test(b.country))
    err(at, `country "${b.country}" is not an ISO 3166 alpha-2 code`)
  if (!("logo_url" in b)) err(at, `field "logo_url" is missing (use null)`)
  if (brandByHandle.has(b.handle)) err(at, `duplicate handle "${b.handle}"`)
  brandByHandle.set(b.handle, b)
})

// ---------------------------------------------------------------- vehicles
const FUELS = new Set(["essence", "diesel", "hybride", "electrique", "gpl"])
const BODIES = new Set([
  "berline",
  "citadine",
  "break",
  "monospace",
  "suv",
  "utilitaire",
  "pick-up",
  "coupe",
  "cabriolet",
])
const vehicles = readCsv("vehicles.csv", VEHICLE_COLUMNS) || []
const vehicleKey = (r) =>
  [r.make, r.model, r.year_from, r.engine, r.engine_code].join("|")
const vehiclesByKey = new Map()
const models = new Set()
for (const v of vehicles) {
  const at = `vehicles.csv:${v.row}`
  for (const f of ["make", "model", "year_from", "engine", "fuel", "body"])
    if (!nonEmpty(v[f])) err(at, `column "${f}" is empty`)
  if (!isInt(v.year_from) || +v.year_from < 1950 || +v.year_from > 2030)
    err(at, `column "year_from": "${v.year_from}" is not a year`)
  if (v.year_to !== "" && (!isInt(v.year_to) || +v.year_to < +v.year_from))
    err(at, `column "year_to": "${v.year_to}" is not a year >= year_from`)
  for (const f of ["displacement_cc", "power_hp", "power_kw"])
    if (v[f] !== "" && (!isInt(v[f]) || +v[f] <= 0))
      err(at, `column "${f}": "${v[f]}" is not a positive integer`)
  if (
    isInt(v.power_hp) &&
    isInt(v.power_kw) &&
    Math.abs(+v.power_hp * 0.7355 - +v.power_kw) > 1.5
  )
    err(at, `power_kw ${v.power_kw} does not match power_hp ${v.power_hp}`)
  if (!FUELS.has(v.fuel))
    err(at, `column "fuel": "${v.fuel}" is not one of ${[...FUELS].join(", ")}`)
  if (!BODIES.has(v.body))
    err(
      at,
      `column "body": "${v.body}" is not one of ${[...BODIES].join(", ")}`
    )
  if (v.ktype !== "" && !isInt(v.ktype))
    err(at, `column "ktype": "${v.ktype}" is not an integer`)
  const k = vehicleKey(v)
  if (vehiclesByKey.has(k))
    err(
      at,
      `duplicate vehicle (same make/model/year_from/engine/engine_code as row ${vehiclesByKey.get(k)[0].row})`
    )
  if (!vehiclesByKey.has(k)) vehiclesByKey.set(k, [])
  vehiclesByKey.get(k).push(v)
  models.add(`${v.make}|${v.model}`)
}
if (vehicles.length && models.size < 150)
  err("vehicles.csv", `needs at least 150 distinct models, has ${models.size}`)

// ---------------------------------------------------------------- products
const products = readJson("products.json") || []
const productByHandle = new Map()
const variantBySku = new Map()
const eans = new Map()
eachRecord("products.json", products, (p, k) => {
  const at = `products.json[${k}]${p && p.handle ? ` (${p.handle})` : ""}`
  required(at, p, [
    "handle",
    "title",
    "title_ar",
    "description",
    "brand",
    "mpn",
  ])
  checkHandle(at, p, productByHandle)
  productByHandle.set(p.handle, p)
  if (p.brand && !brandByHandle.has(p.brand))
    err(at, `brand "${p.brand}" is not in brands.json`)
  if (!Array.isArray(p.categories) || p.categories.length === 0)
    err(at, `field "categories" must be a non-empty array`)
  else
    for (const c of p.categories) {
      if (!catByHandle.has(c))
        err(at, `category "${c}" is not in categories.json`)
      else if (parents.has(c)) err(at, `category "${c}" is not a leaf category`)
    }
  if (typeof p.universal !== "boolean")
    err(at, `field "universal" must be a boolean`)
  if (!Number.isInteger(p.weight_g) || p.weight_g <= 0)
    err(at, `field "weight_g" must be a positive integer`)
  if (!Array.isArray(p.oe_numbers) || p.oe_numbers.some((o) => !nonEmpty(o)))
    err(at, `field "oe_numbers" must be an array of non-empty strings`)
  if (
    !Array.isArray(p.cross_references) ||
    p.cross_references.some(
      (x) => !x || !nonEmpty(x.brand) || !nonEmpty(x.number)
    )
  )
    err(at, `field "cross_references" must be an array of { brand, number }`)
  if (!Array.isArray(p.tags)) err(at, `field "tags" must be an array`)
  if (!Array.isArray(p.options) || p.options.length === 0) {
    err(at, `field "options" must be a non-empty array`)
    return
  }
  for (const o of p.options)
    if (!nonEmpty(o.title) || !Array.isArray(o.values) || o.values.length === 0)
      err(at, `option ${JSON.stringify(o)} needs a title and values`)
  if (!Array.isArray(p.variants) || p.variants.length === 0) {
    err(at, `field "variants" must be a non-empty array`)
    return
  }
  const combos = new Set()
  p.variants.forEach((v, j) => {
    const vat = `${at} variant[${j}]${v && v.sku ? ` (${v.sku})` : ""}`
    if (!nonEmpty(v.title)) err(vat, `field "title" is missing`)
    if (!nonEmpty(v.sku) || v.sku !== v.sku.toUpperCase() || /\s/.test(v.sku))
      err(vat, `sku "${v.sku}" must be upper-case without spaces`)
    if (variantBySku.has(v.sku))
      err(
        vat,
        `duplicate sku "${v.sku}" (also in ${variantBySku.get(v.sku).product.handle})`
      )
    variantBySku.set(v.sku, { variant: v, product: p })
    if (!eanValid(String(v.ean)))
      err(vat, `ean "${v.ean}" is not 13 digits with a valid check digit`)
    else if (eans.has(v.ean))
      err(vat, `duplicate ean "${v.ean}" (also ${eans.get(v.ean)})`)
    eans.set(v.ean, v.sku)
    if (!Number.isInteger(v.price) || v.price <= 0)
      err(vat, `price must be a positive integer in millimes, got ${v.price}`)
    if (
      !Number.isInteger(v.inventory_quantity) ||
      v.inventory_quantity < 0 ||
      v.inventory_quantity > 60
    )
      err(
        vat,
        `inventory_quantity must be an integer 0..60, got ${v.inventory_quantity}`
      )
    const vo = v.options || {}
    for (const o of p.options)
      if (!o.values.includes(vo[o.title]))
        err(
          vat,
          `option "${o.title}" = "${vo[o.title]}" is not one of the product's values`
        )
    for (const key of Object.keys(vo))
      if (!p.options.some((o) => o.title === key))
        err(vat, `option "${key}" is not declared on the product`)
    const combo = p.options.map((o) => vo[o.title]).join("|")
    if (combos.has(combo))
      err(vat, `two variants have the same options (${combo})`)
    combos.add(combo)
  })
})
if (Array.isArray(products) && products.length < 300)
  err("products.json", `needs at least 300 products, has ${products.length}`)

// ---------------------------------------------------------------- fitments
const POSITIONS = new Set(["", "avant", "arriere", "gauche", "droite"])
const fitments = readCsv("fitments.csv", FITMENT_COLUMNS) || []
const fitted = new Set()
const linkKeys = new Map()
for (const f of fitments) {
  const at = `fitments.csv:${f.row}`
  let product = null
  if (nonEmpty(f.sku) && nonEmpty(f.handle))
    err(at, `give either "sku" or "handle", not both`)
  else if (nonEmpty(f.sku)) {
    const hit = variantBySku.get(f.sku)
    if (!hit)
      err(at, `column "sku": "${f.sku}" is not a variant in products.json`)
    else product = hit.product
  } else if (nonEmpty(f.handle)) {
    product = productByHandle.get(f.handle)
    if (!product)
      err(
        at,
        `column "handle": "${f.handle}" is not a product in products.json`
      )
  } else err(at, `columns "sku" and "handle" are both empty`)
  if (product && product.universal)
    err(
      at,
      `product "${product.handle}" is universal and must not have fitment rows`
    )
  const matches = vehiclesByKey.get(vehicleKey(f)) || []
  if (matches.length !== 1)
    err(
      at,
      `vehicle ${f.make} / ${f.model} / ${f.year_from} / ${f.engine} / ${f.engine_code} matches ${matches.length} rows of vehicles.csv (needs exactly 1)`
    )
  else if (matches[0].year_to !== f.year_to)
    err(
      at,
      `column "year_to": "${f.year_to}" differs from vehicles.csv:${matches[0].row} ("${matches[0].year_to}")`
    )
  if (!POSITIONS.has(f.position))
    err(
      at,
      `column "position": "${f.position}" is not one of avant, arriere, gauche, droite or empty`
    )
  if (!isInt(f.quantity) || +f.quantity < 1)
    err(at, `column "quantity": "${f.quantity}" is not a positive integer`)
  if (nonEmpty(f.note_ar) && !nonEmpty(f.note_fr))
    err(at, `note_ar without note_fr`)
  const lk = `${f.sku || f.handle}|${vehicleKey(f)}|${f.position}`
  if (linkKeys.has(lk))
    err(
      at,
      `duplicate link (same product, vehicle and position as row ${linkKeys.get(lk)})`
    )
  linkKeys.set(lk, f.row)
  if (product) fitted.add(product.handle)
}
if (Array.isArray(products))
  products.forEach((p, k) => {
    if (p && p.universal === false && !fitted.has(p.handle))
      err(
        `products.json[${k}] (${p.handle})`,
        `non-universal product has no fitment row`
      )
  })

const salesRows = checkSalesHistory(DATA, variantBySku, err, errors)

// ---------------------------------------------------------------- report
if (errors.length) {
  for (const e of errors.slice(0, MAX_ERRORS_SHOWN)) console.error(e)
  if (errors.length > MAX_ERRORS_SHOWN)
    console.error(`... and ${errors.length - MAX_ERRORS_SHOWN} more`)
  console.error(`check-data: ${errors.length} problem(s) in ${DATA}`)
  process.exit(1)
}
const nVariants = [...variantBySku.keys()].length
console.log(
  `check-data: OK (${categories.length} categories, ${brands.length} brands, ${models.size} models, ${vehicles.length} vehicles, ` +
    `${products.length} products, ${nVariants} variants, ${fitments.length} fitment rows, ${salesRows} sales rows)`
)
