#!/usr/bin/env node
/*
 * SYNTHETIC sales history for the demo catalogue (data/sales-history.csv).
 *
 * These are NOT real sales of Shabou Auto Pièces: every number comes from a
 * seeded PRNG and a hand-written demand model, so the forecasting work (orion)
 * has two years of daily data with a realistic shape:
 *   - most SKUs are intermittent (many zero weeks), a few move every day
 *     (engine oil, oil filters, brake pads, bulbs);
 *   - the shop is closed on Sundays and on Tunisian public holidays
 *     (civil holidays + Eid al-Fitr, Eid al-Adha, Islamic new year, Mawlid);
 *   - seasonality by category: summer heat (coolant, radiators, A/C, cabin
 *     filters, batteries), winter (batteries, bulbs), first rains in
 *     September-October (wiper blades, washer fluid), pre-summer servicing;
 *   - Ramadan: a dip during the month and a peak in its last ten days
 *     (preparing the Eid trip), and a peak the week before Eid al-Adha.
 *     Islamic dates come from Intl (islamic-umalqura calendar), not a table;
 *   - slow trends up or down per SKU, a few SKUs launched during the period,
 *     a few dead SKUs (no sale in the last 365 days).
 *
 * Output: sku,date,qty with one row per SKU and day where qty > 0,
 * two years of days ending 2026-10-31. Deterministic.
 *
 * Usage: node scripts/generate-sales-history.js [--data <dir>] [--out <file>]
 */
"use strict"

const fs = require("fs")
const path = require("path")

const arg = (name, def) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : def
}
const DATA = path.resolve(arg("--data", path.join(__dirname, "..", "data")))
const OUT = path.resolve(arg("--out", path.join(DATA, "sales-history.csv")))
const SEED = 0x5ab0
const END = new Date(Date.UTC(2026, 9, 31))
const DAYS = 730

// ---------------------------------------------------------------- PRNG
const { mulberry32 } = require("./lib/prng")
const { requireSource, ORION_LIB } = require("./lib/ts-source")
function hash(str) {
  let h = 2166136261
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}
function poisson(rnd, lambda) {
  if (lambda <= 0) return 0
  if (lambda > 30)
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rnd)))
  const L = Math.exp(-lambda)
  let k = 0
  let p = 1
  do {
    k++
    p *= rnd()
  } while (p > L)
  return k - 1
}
function normal(rnd) {
  const u = 1 - rnd()
  const v = rnd()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

// ---------------------------------------------------------------- calendar
const iso = (d) => d.toISOString().slice(0, 10)
const days = []
for (let i = DAYS - 1; i >= 0; i--)
  days.push(new Date(END.getTime() - i * 86400000))

// Orion's demand calendar, from its source (no build needed, one copy)
const { hijriMonthDay } = requireSource(path.join(ORION_LIB, "calendar.ts"))
function hijri(d) {
  const [month, day] = hijriMonthDay(Math.floor(d.getTime() / 86400000))
  return { month, day }
}
const CIVIL_HOLIDAYS = new Set([
  "01-01",
  "03-20",
  "04-09",
  "05-01",
  "07-25",
  "08-13",
  "10-15",
  "12-17",
])

// per-day calendar info, computed once
const cal = days.map((d, idx) => {
  const h = hijri(d)
  const closed =
    d.getUTCDay() === 0 ||
    CIVIL_HOLIDAYS.has(iso(d).slice(5)) ||
    (h.month === 10 && h.day <= 2) || // Eid al-Fitr
    (h.month === 12 && (h.day === 10 || h.day === 11)) || // Eid al-Adha
    (h.month === 1 && h.day === 1) || // Islamic new year
    (h.month === 3 && h.day === 12) // Mawlid
  let event = 1
  if (h.month === 9) event = h.day >= 20 ? 1.3 : 0.8 // Ramadan: dip, then pre-Eid travel peak
  if (h.month === 12 && h.day >= 3 && h.day <= 9) event = 1.3 // week before Eid al-Adha
  const dow = d.getUTCDay()
  const weekday = dow === 6 ? 1.2 : dow === 1 ? 1.1 : 1
  return {
    date: iso(d),
    month: d.getUTCMonth() + 1,
    closed,
    factor: event * weekday,
    t: idx / (DAYS - 1),
  }
})

// ---------------------------------------------------------------- demand model
// mean units per product per open day for a "typical" product of the category
const BASE = {
  "huile-moteur": 0.9,
  "filtres-a-huile": 0.3,
  "plaquettes-de-frein": 0.18,
  "filtres-a-air": 0.14,
  "filtres-habitacle": 0.1,
  "filtres-a-carburant": 0.09,
  ampoules: 0.3,
  "bougies-d-allumage": 0.12,
  "balais-d-essuie-glace": 0.1,
  "liquide-de-refroidissement": 0.25,
  "liquide-de-frein": 0.12,
  "liquide-lave-glace": 0.15,
  "batteries-de-demarrage": 0.06,
  "disques-de-frein": 0.05,
  amortisseurs: 0.04,
  "bougies-de-prechauffage": 0.05,
  "courroies-d-accessoires": 0.04,
  "kits-de-distribution": 0.025,
  "kits-d-embrayage": 0.015,
  "pompes-a-eau": 0.02,
  thermostats: 0.02,
  radiateurs: 0.012,
  "condenseurs-de-climatisation": 0.01,
  alternateurs: 0.008,
  demarreurs: 0.008,
  "entretien-climatisation": 0.06,
  "fixations-d-echappement": 0.06,
  "huile-de-boite": 0.06,
}
const DEFAULT_BASE = 0.025
// mean size of one sale (units) per category
const SIZE = {
  "huile-moteur": 1.5,
  "filtres-a-huile": 1.3,
  ampoules: 1.4,
  "liquide-de-refroidissement": 1.4,
  "fixations-d-echappement": 1.5,
  "bougies-d-allumage": 1.2,
}

// month multipliers (index 0 = January)
const SEASON = {
  summer: [0.7, 0.7, 0.8, 0.9, 1.1, 1.5, 1.8, 1.7, 1.2, 0.9, 0.7, 0.7],
  battery: [1.4, 1.3, 0.9, 0.8, 0.8, 1.0, 1.4, 1.4, 0.9, 0.8, 1.0, 1.4],
  rain: [1.2, 1.1, 0.9, 0.7, 0.5, 0.4, 0.4, 0.5, 1.8, 2.3, 1.7, 1.3],
  dark: [1.3, 1.1, 0.9, 0.8, 0.8, 0.8, 0.9, 0.9, 1.0, 1.1, 1.3, 1.4],
  service: [0.9, 0.9, 1.0, 1.0, 1.1, 1.2, 1.2, 1.0, 1.0, 1.0, 0.9, 0.9],
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
}
function seasonOf(cat) {
  if (
    [
      "liquide-de-refroidissement",
      "radiateurs",
      "thermostats",
      "pompes-a-eau",
      "condenseurs-de-climatisation",
      "entretien-climatisation",
      "filtres-habitacle",
    ].includes(cat)
  )
    return SEASON.summer
  if (
    cat === "batteries-de-demarrage" ||
    cat === "chargeurs-et-cables-de-demarrage"
  )
    return SEASON.battery
  if (cat === "balais-d-essuie-glace" || cat === "liquide-lave-glace")
    return SEASON.rain
  if (cat === "ampoules" || cat === "phares") return SEASON.dark
  if (
    [
      "huile-moteur",
      "filtres-a-huile",
      "filtres-a-air",
      "filtres-a-carburant",
      "plaquettes-de-frein",
    ].includes(cat)
  )
    return SEASON.service
  return SEASON.flat
}
// share of a product's demand going to each variant
function variantShares(p) {
  const n = p.variants.length
  if (n === 1) return [1]
  const opt = p.options[0].title
  const w = p.variants.map((v) => {
    const val = v.options[opt]
    if (opt === "Conditionnement") {
      if (/^5 L$/.test(val)) return 0.55
      if (/^4 L$/.test(val)) return 0.2
      if (/^1 L$/.test(val))
        return p.categories[0] === "huile-moteur" ? 0.3 : 0.6
      if (/^20 L$/.test(val)) return 0.12
      if (/^2 L$/.test(val)) return 0.4
      if (/^500 ml$/.test(val)) return 0.7
      if (/Jeu/.test(val)) return 0.4
      if (/unité/.test(val)) return 0.6
      if (/Boîte de 10/.test(val)) return 0.15
      return 0.5
    }
    if (opt === "Longueur")
      return Math.exp(-Math.pow((parseInt(val, 10) - 520) / 110, 2))
    return 1
  })
  const s = w.reduce((a, b) => a + b, 0)
  return w.map((x) => x / s)
}

// ---------------------------------------------------------------- run
const products = JSON.parse(
  fs.readFileSync(path.join(DATA, "products.json"), "utf8")
)
// number of fitting vehicles per product (more vehicles => more demand)
const fitCount = new Map()
const fitText = fs
  .readFileSync(path.join(DATA, "fitments.csv"), "utf8")
  .split("\n")
  .slice(1)
const skuToHandle = new Map(
  products.flatMap((p) => p.variants.map((v) => [v.sku, p.handle]))
)
for (const line of fitText) {
  if (!line) continue
  const [sku, handle] = line.split(",")
  const h = handle || skuToHandle.get(sku)
  fitCount.set(h, (fitCount.get(h) || 0) + 1)
}

const out = ["sku,date,qty"]
let dead = 0
let launched = 0
for (const p of products) {
  const cat = p.categories[0]
  const rnd = mulberry32(hash(p.handle) ^ SEED)
  const season = seasonOf(cat)
  const popularity = Math.exp(normal(rnd) * 0.8 - 0.3)
  const reach = p.universal
    ? 1.2
    : Math.sqrt(Math.max(1, fitCount.get(p.handle) || 1) / 12)
  const lambdaProduct = (BASE[cat] ?? DEFAULT_BASE) * popularity * reach
  const trend = normal(rnd) * 0.35 // log-change over the two years
  // lifecycle: ~4 % dead (stopped selling 12-20 months before the end), ~5 % launched late
  const r = rnd()
  const stopIdx = r < 0.04 ? Math.floor(DAYS - 366 - rnd() * 240) : DAYS
  const startIdx = r > 0.95 ? Math.floor(rnd() * 420) : 0
  if (stopIdx < DAYS) dead++
  if (startIdx > 0) launched++
  const shares = variantShares(p)
  const meanSize = SIZE[cat] || 1.1
  p.variants.forEach((v, vi) => {
    const vr = mulberry32(hash(v.sku) ^ SEED)
    const lam = lambdaProduct * shares[vi]
    for (let i = startIdx; i < Math.min(stopIdx, DAYS); i++) {
      const c = cal[i]
      if (c.closed) continue
      const mean =
        lam *
        season[c.month - 1] *
        c.factor *
        Math.exp(trend * (c.t - 0.5)) *
        (i - startIdx < 60 && startIdx > 0 ? (i - startIdx) / 60 : 1)
      // compound Poisson: occurrences, each with a size >= 1 (garages sometimes buy in bulk)
      const occ = poisson(vr, mean / meanSize)
      let qty = 0
      for (let k = 0; k < occ; k++)
        qty +=
          1 +
          poisson(vr, meanSize - 1) +
          (vr() < 0.01 ? Math.floor(vr() * 6) : 0)
      if (qty > 0) out.push(`${v.sku},${c.date},${qty}`)
    }
  })
}
fs.writeFileSync(OUT, out.join("\n") + "\n")
const ramadan = []
days.forEach((d, i) => {
  if (hijri(d).month !== 9) return
  const last = ramadan[ramadan.length - 1]
  if (last && last.to === i - 1) last.to = i
  else ramadan.push({ from: i, to: i })
})
console.log(
  `sales rows ${out.length - 1} for ${products.reduce((s, p) => s + p.variants.length, 0)} SKUs, ${cal[0].date}..${cal[DAYS - 1].date}; ` +
    `dead products ${dead}, launched ${launched}; Ramadan ${ramadan.map((r) => `${cal[r.from].date}..${cal[r.to].date}`).join(", ")}; ` +
    `${(fs.statSync(OUT).size / 1e6).toFixed(2)} MB`
)
