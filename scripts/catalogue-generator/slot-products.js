/** Products per category: universal templates, or parts for slots of vehicles. */
"use strict"

const { chance, pick, ri, slugify } = require("./random")
const { CAT_SPEC } = require("./data/category-specs")
const { FN, MAKE_FAMILY } = require("./data/oe-formats")
const { NOTES } = require("./data/notes")
const { describe } = require("./describe")
const { batteryMpn, makeMpn, oeNumber } = require("./part-numbers")
const {
  products,
  fitmentRows,
  uniqueHandle,
  baseSku,
  batteryPrice,
  priceFor,
  variant,
} = require("./products")
const { slotsFor } = require("./slots")
const { vehicleColumns } = require("./vehicles")
const { universalProduct } = require("./universal")

/** Builds every category's products; returns the products of each slot. */
function buildSlotProducts() {
  const slotProducts = new Map()
  for (const [cat, spec] of Object.entries(CAT_SPEC)) {
    if (spec.slot === "universal") {
      for (let i = 0; i < spec.n; i++) {
        const brand = spec.brands[i % spec.brands.length]
        const t = universalProduct(cat, brand, i)
        const mpn = makeMpn(brand, cat)
        const title = t.fr
        const handle = uniqueHandle(`${title} ${mpn}`)
        const base = baseSku(brand, mpn)
        let options, variants
        if (t.option) {
          options = [{ title: t.option, values: t.values }]
          const p0 = priceFor(spec, brand, t.priceFactor || 1)
          variants = t.values.map((val) => {
            let f = 1
            if (t.unit === "L" || t.unit === "ml") {
              const litres = val.endsWith("ml")
                ? parseFloat(val) / 1000
                : parseFloat(val.replace(",", "."))
              const ref = cat === "huile-moteur" ? 5 : 1
              f = Math.pow(litres / ref, 0.88)
            } else if (t.unit === "pack")
              f = val === "Boîte de 2" ? 1.85 : val === "Boîte de 10" ? 4.2 : 1
            const suffix = slugify(val).toUpperCase().replace(/-/g, "")
            return variant(
              `${val}`,
              `${base}-${suffix}`,
              brand,
              { [t.option]: val },
              Math.max(500, Math.round((p0 * f) / 100) * 100)
            )
          })
        } else {
          options = [{ title: "Version", values: ["Standard"] }]
          variants = [
            variant(
              "Standard",
              base,
              brand,
              { Version: "Standard" },
              priceFor(spec, brand)
            ),
          ]
        }
        const w = ri(spec.w[0], spec.w[1])
        products.push({
          handle,
          title: `${title}${t.option === "Conditionnement" && cat === "huile-moteur" ? "" : ""}`,
          title_ar: t.ar,
          description: t.desc,
          brand,
          categories: [cat],
          mpn,
          oe_numbers: [],
          cross_references: [],
          weight_g: w,
          universal: true,
          tags: t.tags,
          options,
          variants,
          _cat: cat,
        })
      }
      continue
    }
    // vehicle-specific
    const slots = slotsFor(cat, spec)
    if (!slots.length) throw new Error("no slots for " + cat)
    const axles = spec.axle ? ["avant", "arriere"] : [spec.pos || ""]
    let made = 0
    let pass = 0
    const counts = new Map()
    while (made < spec.n) {
      let progressed = false
      for (const slot of slots) {
        if (made >= spec.n) break
        if (pass > 0 && !chance(0.45)) continue
        let pos =
          axles.length > 1 ? (chance(0.65) ? "avant" : "arriere") : axles[0]
        if (cat === "amortisseurs" || cat === "roulements-de-roue")
          pos = chance(0.55) ? "avant" : "arriere"
        let vs = slot.vehicles
        let sensorKind
        if (cat === "capteurs") {
          sensorKind = pick(["abs", "abs", "lambda", "pmh"])
          if (sensorKind === "abs") pos = chance(0.6) ? "avant" : "arriere"
          else {
            pos = ""
            if (sensorKind === "lambda")
              vs = vs.filter((v) => v.e.fuel !== "diesel")
            if (!vs.length) {
              sensorKind = "pmh"
              vs = slot.vehicles
            }
            const fam = vs[0].e.fam
            vs = vs.filter((v) => v.e.fam === fam)
          }
        }
        if (cat === "kits-de-distribution" || cat === "pompes-a-eau") {
          // chain engines: the water pump is separate, a chain kit only for some
          if (
            vs[0].e.drive === "chaîne" &&
            cat === "kits-de-distribution" &&
            chance(0.5)
          )
            continue
        }
        const used =
          counts.get(slot.key + pos + (sensorKind || "")) || new Set()
        const avail = spec.brands.filter((b) => !used.has(b))
        if (!avail.length) continue
        const brand = pick(avail)
        used.add(brand)
        counts.set(slot.key + pos + (sensorKind || ""), used)
        const slotKey = slot.key
        const mpn =
          cat === "batteries-de-demarrage" && brand !== "bosch"
            ? batteryMpn(brand, parseInt(slotKey, 10))
            : makeMpn(brand, cat)
        const d = describe(cat, { brand, mpn, vs, pos, slotKey, sensorKind })
        const handle = uniqueHandle(d.fr)
        const base = baseSku(brand, mpn)
        let options, variants
        const p0 =
          cat === "batteries-de-demarrage"
            ? batteryPrice(brand, d.ah)
            : priceFor(spec, brand)
        if (spec.variants === "side") {
          options = [{ title: "Côté", values: ["Gauche", "Droite"] }]
          variants = ["Gauche", "Droite"].map((s) =>
            variant(
              s,
              `${base}-${s === "Gauche" ? "G" : "D"}`,
              brand,
              { Côté: s },
              p0
            )
          )
        } else if (
          spec.variants === "plugs" &&
          vs.every((v) => v.e.cyl === vs[0].e.cyl)
        ) {
          const n = vs[0].e.cyl
          options = [
            { title: "Conditionnement", values: ["À l'unité", `Jeu de ${n}`] },
          ]
          variants = [
            variant(
              "À l'unité",
              `${base}-U`,
              brand,
              { Conditionnement: "À l'unité" },
              p0
            ),
            variant(
              `Jeu de ${n}`,
              `${base}-J${n}`,
              brand,
              { Conditionnement: `Jeu de ${n}` },
              Math.round((p0 * n * 0.95) / 100) * 100
            ),
          ]
        } else {
          options = [{ title: "Version", values: ["Standard"] }]
          variants = [
            variant("Standard", base, brand, { Version: "Standard" }, p0),
          ]
        }
        const fams = {}
        for (const v of vs) fams[MAKE_FAMILY[v.make]] = v
        const slotId = `${cat}|${slot.key}|${pos}|${sensorKind || ""}`
        if (!slotProducts.has(slotId)) {
          const oe = []
          for (const [fam, v] of Object.entries(fams).slice(0, 3)) {
            const n = chance(0.4) ? 2 : 1
            for (let k = 0; k < n; k++)
              oe.push(
                oeNumber(fam, FN[`${cat}:${pos}`] ? `${cat}:${pos}` : cat, v)
              )
          }
          slotProducts.set(slotId, { oe: [...new Set(oe)], products: [] })
        }
        const sp = slotProducts.get(slotId)
        const tags = d.tags.filter(Boolean)
        const product = {
          handle,
          title: d.fr,
          title_ar: d.ar,
          description: d.desc,
          brand,
          categories: [cat],
          mpn,
          oe_numbers: sp.oe,
          cross_references: [],
          weight_g: ri(spec.w[0], spec.w[1]),
          universal: false,
          tags,
          options,
          variants,
          _cat: cat,
          _slot: slotId,
        }
        sp.products.push(product)
        products.push(product)
        made++
        progressed = true
        // fitment rows
        const notes = NOTES[cat]
        const useHandle = variants.length > 1
        for (const v of vs) {
          const qty = spec.qty === "cyl" ? v.e.cyl : spec.qty || 1
          let note = ["", ""]
          if (notes && chance(0.12)) note = pick(notes)
          if (cat === "plaquettes-de-frein" && chance(0.08)) {
            const dd =
              pos === "avant" ? pick([247, 266, 283]) : pick([249, 268])
            note = [`Pour disques de ${dd} mm`, `لأقراص قطرها ${dd} مم`]
          }
          fitmentRows.push({
            sku: useHandle ? "" : variants[0].sku,
            handle: useHandle ? handle : "",
            ...vehicleColumns(v),
            position: pos,
            quantity: qty,
            note_fr: note[0],
            note_ar: note[1],
          })
        }
      }
      pass++
      if (!progressed && pass > 20)
        throw new Error(
          `cannot make ${spec.n} products for ${cat} (made ${made})`
        )
    }
  }
  return slotProducts
}

module.exports = { buildSlotProducts }
