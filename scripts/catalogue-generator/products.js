/**
 * The products and fitment rows being built, with the helpers that keep
 * handles, SKUs and EANs unique and draw prices and stock.
 */
"use strict"

const { chance, ri, rnd, slugify } = require("./random")
const { BRAND } = require("./data/brands")
const { BRAND_FACTOR } = require("./data/category-specs")
const { makeEan } = require("./part-numbers")

const products = []
const fitmentRows = []
const usedHandles = new Set()
const usedSkus = new Set()

function uniqueHandle(base) {
  let h = slugify(base)
  let k = 2
  while (usedHandles.has(h)) h = `${slugify(base)}-${k++}`
  usedHandles.add(h)
  return h
}
function baseSku(brand, mpn) {
  const s = `${BRAND[brand].prefix}-${mpn.toUpperCase().replace(/[^A-Z0-9]/g, "")}`
  return s
}
function uniqueSku(s) {
  let out = s
  let k = 2
  while (usedSkus.has(out)) out = `${s}-${k++}`
  usedSkus.add(out)
  return out
}
const BATTERY_TND = { 45: 190, 60: 245, 70: 290, 80: 340, 95: 410 }
function batteryPrice(brand, ah) {
  const p =
    BATTERY_TND[ah] *
    (brand === "varta" ? 1.08 : brand === "assad" ? 0.9 : 1) *
    (0.96 + rnd() * 0.08)
  return Math.round(p * 10) * 100
}
function priceFor(spec, brand, f = 1) {
  const [a, b] = spec.price
  const base = a + (b - a) * Math.pow(rnd(), 1.3)
  const p = base * (BRAND_FACTOR[brand] || 1) * f
  return Math.max(500, Math.round((p * 1000) / 100) * 100)
}
const stock = () =>
  chance(0.12)
    ? 0
    : Math.min(60, Math.round(Math.pow(rnd(), 2) * 45) + ri(0, 6))
function variant(title, sku, brand, options, price) {
  return {
    title,
    sku: uniqueSku(sku),
    ean: makeEan(brand),
    options,
    price,
    inventory_quantity: stock(),
  }
}

module.exports = {
  products,
  fitmentRows,
  uniqueHandle,
  baseSku,
  batteryPrice,
  priceFor,
  variant,
}
