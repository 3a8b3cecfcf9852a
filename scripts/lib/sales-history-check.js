/** Checks of data/sales-history.csv (optional): header, known SKUs, dates, quantities, duplicates. */
"use strict"

const fs = require("fs")
const path = require("path")
const { isInt } = require("./data-files")

/**
 * Checks the sales history of `DATA` when present, reporting through `err`; stops after 5000
 * problems in `errors`. Returns the number of sales rows.
 */
function checkSalesHistory(DATA, variantBySku, err, errors) {
  const SALES_HEADER = ["sku", "date", "qty"]
  const salesFile = path.join(DATA, "sales-history.csv")
  let salesRows = 0
  if (!fs.existsSync(salesFile)) {
    return salesRows
  }
  const lines = fs.readFileSync(salesFile, "utf8").split("\n")
  if (lines[0] !== SALES_HEADER.join(","))
    err("sales-history.csv:1", `header must be "${SALES_HEADER.join(",")}"`)
  const seen = new Set()
  for (let k = 1; k < lines.length; k++) {
    if (lines[k] === "") continue
    const at = `sales-history.csv:${k + 1}`
    const [sku, date, qty, extra] = lines[k].split(",")
    salesRows++
    if (extra !== undefined) err(at, "too many columns")
    if (!variantBySku.has(sku))
      err(at, `column "sku": "${sku}" is not a variant in products.json`)
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(date || "") ||
      isNaN(Date.parse(date + "T00:00:00Z")) ||
      new Date(date + "T00:00:00Z").toISOString().slice(0, 10) !== date
    )
      err(at, `column "date": "${date}" is not a valid YYYY-MM-DD date`)
    if (!isInt(qty) || +qty <= 0)
      err(at, `column "qty": "${qty}" is not a positive integer`)
    const key = `${sku}|${date}`
    if (seen.has(key)) err(at, `duplicate row for ${sku} on ${date}`)
    seen.add(key)
    if (errors.length > 5000) break
  }
  return salesRows
}

module.exports = { checkSalesHistory }
