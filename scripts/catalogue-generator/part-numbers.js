/**
 * Generated part numbers: carmakers' OE numbers, manufacturer part numbers
 * (unique per brand) and EAN-13 codes (unique). They look plausible but are
 * not real references.
 */
"use strict"

const { chance, fill, pick, ri } = require("./random")
const { BRAND } = require("./data/brands")
const { FN, VAG_PREFIX } = require("./data/oe-formats")
const { MPN } = require("./data/mpn-formats")
const { eanCheck } = require("../lib/ean")

function oeNumber(fam, cat, v) {
  const fn = FN[cat] || ["1234", "12345", "123 456", "12345", "123", "1234"]
  switch (fam) {
    case "psa":
      return chance(0.7)
        ? `${fn[0]}.${fill(pick(["@#", "@@", "##", "#@"]))}`
        : fill("98 ### ### 80")
    case "ren":
      return chance(0.75)
        ? `${fn[1].slice(0, 2)} ${fn[1].slice(2, 4)} ${fn[1].slice(4)}${fill("## ###R")}`
        : fill(pick(["82 00 ### ###", "77 01 ### ###"]))
    case "nis":
      return `${fn[1]}-${fill(pick(["@@@0@", "#@@0@", "##@0@", "@@##@"]))}`
    case "vag": {
      const pre = VAG_PREFIX[v.chassis] || "1K0"
      const isEngine = [
        "filtres-a-huile",
        "kits-de-distribution",
        "pompes-a-eau",
        "bougies-d-allumage",
        "bougies-de-prechauffage",
        "bobines-d-allumage",
        "thermostats",
        "courroies-d-accessoires",
      ].includes(cat)
      const p = isEngine
        ? pick(["03L", "04E", "04L", "03C", "038", "06A"])
        : pre
      return `${p} ${fn[2]}${chance(0.5) ? " " + pick(["A", "B", "C", "D", "E", "F", "G", "H", "J", "K"]) : ""}`
    }
    case "hk":
      return `${fn[3]}-${fill(pick(["@@@##", "#@@##", "##@##", "@@###"]))}`
    case "toy":
      return `${fill("0####").slice(0, 1)}${fn[3].slice(1)}-${fill(pick(["0@###", "##@##", "#####"]))}`
    case "suz":
      return `${fn[3]}-${fill(pick(["##@##", "##@@#", "###@#"]))}`
    case "mit":
      return fill(pick(["####@###", "MN######", "MR######", "MZ######"]))
    case "isu":
      return fill(pick(["8-97######-#", "8-98######-#", "8-94######-#"]))
    case "fiat":
      return fill(
        pick(["77######", "71######", "51######", "46######", "55######"])
      )
    case "opel":
      return fill(pick(["## ## ###", "13 ### ###", "93 ### ###", "95 ### ###"]))
    case "ford":
      return chance(0.6)
        ? fill("# ### ###")
        : fill(`@@##-${fn[3].slice(1, 4)}##-@@`)
    case "mb":
      return `A ${fill("###")} ${fn[4]} ${fill("## ##")}`
    case "bmw":
      return `${fn[5].slice(0, 2)} ${fn[5].slice(2)} ${fill("# ### ###")}`
    case "chery":
      return fill(
        pick(["T11-#######", "J69-#######", "A11-#######", "T15-#######"])
      )
    case "mg":
      return fill("10######")
    case "geely":
      return fill("10########")
    case "gw":
      return fill(pick(["#######XKZ##A", "#######XP##XA", "#######-P##"]))
    default:
      return fill("#########")
  }
}

const usedMpn = new Set()
function makeMpn(brand, cat) {
  const b = MPN[brand] || {}
  const pats = b[cat] || b._ || ["#######"]
  for (let k = 0; k < 200; k++) {
    const p = pick(pats)
    const s = typeof p === "function" ? p() : fill(p)
    if (!usedMpn.has(brand + "|" + s)) {
      usedMpn.add(brand + "|" + s)
      return s
    }
  }
  throw new Error(`cannot make a unique part number for ${brand} ${cat}`)
}

function batteryMpn(brand, ah) {
  for (;;) {
    const s =
      brand === "varta"
        ? `5${ah}${fill(" ### ###")}`
        : `AS ${ah}${pick(["D", "G", "DH"])}-${fill("###")}`
    if (!usedMpn.has(brand + "|" + s)) {
      usedMpn.add(brand + "|" + s)
      return s
    }
  }
}

// EAN-13
const usedEan = new Set()
function makeEan(brand) {
  const pre = BRAND[brand].ean
  for (;;) {
    let d = pre
    while (d.length < 12) d += String(ri(0, 9))
    const e = d + eanCheck(d)
    if (!usedEan.has(e)) {
      usedEan.add(e)
      return e
    }
  }
}

module.exports = { oeNumber, makeMpn, batteryMpn, makeEan }
