import {
  hpFromKw,
  kwFromHp,
  parseBoolean,
  parseFuel,
  parseMonth,
  parseNumber,
  parsePosition,
  parseYearMonth,
  powerConsistent,
} from "./values"

const now = new Date("2025-06-01T00:00:00Z")

describe("parseYearMonth", () => {
  it.each([
    ["2014", { year: 2014, month: null }],
    [" 2014 ", { year: 2014, month: null }],
    ["2014-03", { year: 2014, month: 3 }],
    ["03/2014", { year: 2014, month: 3 }],
    ["3.2014", { year: 2014, month: 3 }],
    ["201403", { year: 2014, month: 3 }],
    ["2026", { year: 2026, month: null }],
  ])("%s", (cell, value) => {
    expect(parseYearMonth(cell, { now })).toEqual({ value })
  })

  it("refuses text, short years, out-of-range years and months", () => {
    expect(parseYearMonth("2O14", { now }).error).toBe(
      '"2O14" is not a year (expected e.g. 2014, 2014-03 or 03/2014)'
    )
    expect(parseYearMonth("deux mille", { now }).error).toMatch(/is not a year/)
    expect(parseYearMonth("14", { now }).error).toMatch(
      /two-digit year; write the full year \(e\.g\. 2014\)/
    )
    expect(parseYearMonth("1949", { now }).error).toBe(
      "year 1949 is outside 1950..2026"
    )
    expect(parseYearMonth("2027", { now }).error).toBe(
      "year 2027 is outside 1950..2026"
    )
    expect(parseYearMonth("2014-13", { now }).error).toBe(
      "month 13 is not between 1 and 12"
    )
  })

  it("reads an open end as null only where allowed", () => {
    expect(parseYearMonth("", { now })).toEqual({ value: null })
    expect(parseYearMonth("en cours", { now, allowOpen: true })).toEqual({
      value: null,
    })
    expect(parseYearMonth("-", { now, allowOpen: true })).toEqual({
      value: null,
    })
    expect(parseYearMonth("en cours", { now }).error).toMatch(/is not a year/)
  })
})

describe("parseMonth", () => {
  it("reads numbers and French/English names", () => {
    expect(parseMonth("03")).toEqual({ value: 3 })
    expect(parseMonth("Février")).toEqual({ value: 2 })
    expect(parseMonth("dec")).toEqual({ value: 12 })
    expect(parseMonth("")).toEqual({ value: null })
    expect(parseMonth("13").error).toBe("month 13 is not between 1 and 12")
    expect(parseMonth("x").error).toBe('"x" is not a month (1-12)')
  })
})

describe("parseNumber", () => {
  it("reads spaced thousands, units and decimal commas", () => {
    expect(parseNumber("1 598", { integer: true })).toEqual({ value: 1598 })
    expect(
      parseNumber("1598cc", { integer: true, units: ["cc", "cm3"] })
    ).toEqual({ value: 1598 })
    expect(parseNumber("55,5", { units: ["kw"] })).toEqual({ value: 55.5 })
    expect(parseNumber("110 ch", { units: ["ch", "hp"] })).toEqual({
      value: 110,
    })
    expect(parseNumber("")).toEqual({ value: null })
  })

  it("refuses negatives, text, decimals where whole numbers are needed and out-of-range values", () => {
    expect(parseNumber("-90").error).toBe('"-90" is negative')
    expect(parseNumber("abc").error).toBe('"abc" is not a number')
    expect(parseNumber("1.6", { integer: true }).error).toBe(
      '"1.6" must be a whole number'
    )
    expect(parseNumber("20", { min: 50 }).error).toBe(
      "20 is below the minimum 50"
    )
    expect(parseNumber("5000", { max: 2000 }).error).toBe(
      "5000 is above the maximum 2000"
    )
  })
})

describe("power conversion", () => {
  it("converts with 1 hp = 0.7355 kW", () => {
    expect(kwFromHp(90)).toBe(66)
    expect(kwFromHp(110)).toBe(81)
    expect(hpFromKw(81)).toBe(110)
    expect(hpFromKw(55)).toBe(75)
  })

  it("accepts rounding and mechanical hp, refuses mismatches", () => {
    expect(powerConsistent(110, 81)).toBe(true)
    expect(powerConsistent(110, 82)).toBe(true)
    expect(powerConsistent(75, 55)).toBe(true)
    expect(powerConsistent(110, 90)).toBe(false)
    expect(powerConsistent(75, 75)).toBe(false)
  })
})

describe("parseFuel", () => {
  it.each([
    ["Essence", "petrol"],
    ["GASOLINE", "petrol"],
    ["Gazole", "diesel"],
    ["gasoil", "diesel"],
    ["Diesel", "diesel"],
    ["Hybride", "hybrid"],
    ["hybride rechargeable", "plug_in_hybrid"],
    ["Électrique", "electric"],
    ["GPL", "lpg"],
    ["Essence/GPL", "petrol_lpg"],
    ["ديزل", "diesel"],
    ["plug_in_hybrid", "plug_in_hybrid"],
    // international data writes fuels in English
    ["Gasoline", "petrol"],
    ["Petrol", "petrol"],
    ["Diesel", "diesel"],
    ["Natural Gas", "cng"],
    ["natural-gas", "cng"],
    ["Ethanol", "flex"],
    ["Flex", "flex"],
    ["Flex-Fuel", "flex"],
    ["E85", "flex"],
    ["Hybrid", "hybrid"],
    ["Petrol Hybrid", "hybrid"],
    ["Plug-in Hybrid", "plug_in_hybrid"],
    ["Electric", "electric"],
    ["LPG", "lpg"],
    ["Petrol/LPG", "petrol_lpg"],
  ])("%s → %s", (cell, fuel) => {
    expect(parseFuel(cell)).toEqual({ value: fuel })
  })

  it("names unknown fuels and lists accepted ones", () => {
    expect(parseFuel("Kerosene").error).toMatch(
      /^unknown fuel "Kerosene" \(accepted: essence\/petrol\/gasoline, diesel\/gazole, .*GNV\/natural gas, flex\/ethanol\)$/
    )
    expect(parseFuel(" ")).toEqual({ value: null })
  })
})

describe("parsePosition", () => {
  it.each([
    ["front", "front"],
    ["Avant", "front"],
    ["arrière", "rear"],
    ["AR", "rear"],
    ["gauche", "left"],
    ["Droite", "right"],
    ["avant gauche", "front_left"],
    ["Arrière droit", "rear_right"],
    ["AVG", "front_left"],
    ["rear-left", "rear_left"],
    ["essieu avant", "front"],
  ])("%s → %s", (cell, position) => {
    expect(parsePosition(cell)).toEqual({ value: position })
  })

  it("refuses unknown words and contradictions", () => {
    expect(parsePosition("haut").error).toMatch(/^unknown position "haut"/)
    expect(parsePosition("avant arrière").error).toMatch(/^unknown position/)
    expect(parsePosition("")).toEqual({ value: null })
  })
})

describe("parseBoolean", () => {
  it("reads French and English yes/no", () => {
    for (const yes of ["true", "1", "oui", "OUI", "yes", "x", "Vrai"]) {
      expect(parseBoolean(yes)).toEqual({ value: true })
    }
    for (const no of ["false", "0", "non", "no", "", "faux"]) {
      expect(parseBoolean(no)).toEqual({ value: false })
    }
    expect(parseBoolean("peut-être").error).toMatch(/is not a yes\/no value/)
  })
})
