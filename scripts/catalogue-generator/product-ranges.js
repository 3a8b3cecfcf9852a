/** Cross references, and the ranges sold with several variants (batteries, wiper blades). */
"use strict"

const { chance, fill, pick, pickN, ri, slugify } = require("./random")
const { BRAND } = require("./data/brands")
const { XREF, XREF_DEFAULT } = require("./data/cross-references")
const { makeMpn } = require("./part-numbers")
const {
  products,
  fitmentRows,
  uniqueHandle,
  baseSku,
  batteryPrice,
  variant,
} = require("./products")
const { VEHICLES, batteryClass, vehicleColumns } = require("./vehicles")

/** Cross references: siblings in the same slot + external equivalents. */
function addCrossReferences(slotProducts) {
  for (const p of products) {
    if (p.universal) {
      if (p._cat === "ampoules" && chance(0.6))
        p.cross_references.push({
          brand: pick(["Narva", "Neolux", "Tungsram"]),
          number: fill("4####"),
        })
      continue
    }
    const sp = slotProducts.get(p._slot)
    for (const s of sp.products)
      if (s !== p)
        p.cross_references.push({ brand: BRAND[s.brand].name, number: s.mpn })
    const ext = XREF[p._cat] || XREF_DEFAULT
    for (const [b, pat] of pickN(ext, ri(1, 2)))
      p.cross_references.push({ brand: b, number: fill(pat) })
  }
}

/** Battery products with several capacities (fit by SKU): one Assad and one Varta range. */
function addBatteryRanges() {
  for (const brand of ["assad", "varta"]) {
    const caps = [
      ["45E", 45, 400],
      ["60E", 60, 540],
      ["70E", 70, 640],
    ]
    const title =
      brand === "assad"
        ? "Batterie Assad Pro 12 V"
        : `Batterie Varta Blue Dynamic 12 V`
    const handle = uniqueHandle(title)
    const mpn = brand === "assad" ? "AS PRO" : "BLUE DYNAMIC"
    const variants = caps.map(([, ah]) =>
      variant(
        `${ah} Ah`,
        `${BRAND[brand].prefix}-${slugify(mpn).toUpperCase().replace(/-/g, "")}-${ah}AH`,
        brand,
        { Capacité: `${ah} Ah` },
        batteryPrice(brand, ah)
      )
    )
    products.push({
      handle,
      title,
      title_ar: `بطارية ${BRAND[brand].name} 12 فولت`,
      description: `Gamme de batteries 12 V sans entretien, bornes européennes, borne + à droite. Trois capacités : 45 Ah (400 A), 60 Ah (540 A), 70 Ah (640 A) ; choisir la capacité d'origine du véhicule.`,
      brand,
      categories: ["batteries-de-demarrage"],
      mpn,
      oe_numbers: [],
      cross_references: [],
      weight_g: ri(12000, 18000),
      universal: false,
      tags: ["batterie", "gamme"],
      options: [{ title: "Capacité", values: caps.map((c) => `${c[1]} Ah`) }],
      variants,
      _cat: "batteries-de-demarrage",
    })
    caps.forEach(([k], idx) => {
      const vs = VEHICLES.filter(
        (v) =>
          batteryClass(v) === k &&
          [
            "Peugeot",
            "Citroën",
            "Renault",
            "Dacia",
            "Fiat",
            "Volkswagen",
            "Seat",
            "Skoda",
          ].includes(v.make)
      )
      for (const v of pickN(vs, 14)) {
        fitmentRows.push({
          sku: variants[idx].sku,
          handle: "",
          ...vehicleColumns(v),
          position: "",
          quantity: 1,
          note_fr: "",
          note_ar: "",
        })
      }
    })
  }
}

/** Universal wiper blades with a length option (about a third of the wiper range). */
function addWiperRanges() {
  for (const brand of ["bosch", "valeo", "champion", "bosch"]) {
    const mpn = makeMpn(brand, "balais-d-essuie-glace")
    const title = `Balai d'essuie-glace plat universel ${BRAND[brand].name} ${mpn}`
    const lengths = [
      "350 mm",
      "400 mm",
      "450 mm",
      "475 mm",
      "500 mm",
      "530 mm",
      "550 mm",
      "600 mm",
      "650 mm",
      "700 mm",
    ]
    const p0 = ri(14, 28) * 1000
    products.push({
      handle: uniqueHandle(title),
      title,
      title_ar: `شفرة مساحة مسطحة عالمية ${BRAND[brand].name} ${mpn}`,
      description: `Balai plat universel avec adaptateurs multi-fixations (crochet, bouton-poussoir, pince). Choisir la longueur d'origine côté conducteur et côté passager.`,
      brand,
      categories: ["balais-d-essuie-glace"],
      mpn,
      oe_numbers: [],
      cross_references: [],
      weight_g: ri(120, 260),
      universal: true,
      tags: ["essuie-glace", "universel"],
      options: [{ title: "Longueur", values: lengths }],
      variants: lengths.map((l) =>
        variant(
          l,
          `${baseSku(brand, mpn)}-${parseInt(l, 10)}`,
          brand,
          { Longueur: l },
          Math.round((p0 * (0.8 + parseInt(l, 10) / 1000)) / 100) * 100
        )
      ),
      _cat: "balais-d-essuie-glace",
    })
  }
}

module.exports = { addCrossReferences, addBatteryRanges, addWiperRanges }
