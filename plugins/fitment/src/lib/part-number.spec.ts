import {
  normalizePartNumber,
  parsePartNumber,
  parsePartNumberList,
  samePartNumber,
} from "./part-number"

describe("normalizePartNumber", () => {
  it.each([
    ["1609.412.480", "1609412480"],
    ["16 094 124 80", "1609412480"],
    ["PSA 1609412480", "1609412480"],
    ["PSA1609412480", "1609412480"],
    ["psa-1609-412-480", "1609412480"],
    ["OE: 1609412480", "1609412480"],
    ["Réf. PSA 1609 412 480", "1609412480"],
    ["N° 7701 208 174", "7701208174"],
    ["Renault 77 01 208 174", "7701208174"],
    ["Bosch 0 986 494 199", "0986494199"],
    ["BOSCH-0986494199", "0986494199"],
    ["Febi Bilstein 12345", "12345"],
    ["Mann-Filter HU 716/2 x", "HU7162X"],
    ["VW 1K0 615 301 AA", "1K0615301AA"],
    ["1k0-615-301-aa", "1K0615301AA"],
    ["A 000 094 69 04", "0000946904"],
    ["000 094 69 04", "0000946904"],
    ["gdb1330", "GDB1330"],
    ["N 0138492", "N0138492"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizePartNumber(raw)).toBe(expected)
  })

  it("removes a glued Mercedes A only when the make is Mercedes-Benz", () => {
    expect(normalizePartNumber("A0000946904", { make: "Mercedes" })).toBe(
      "0000946904"
    )
    expect(normalizePartNumber("A0000946904")).toBe("A0000946904")
    expect(normalizePartNumber("Mercedes A0000946904")).toBe("0000946904")
  })

  it("does not strip a brand word when nothing numeric follows", () => {
    expect(normalizePartNumber("Bosch")).toBe("BOSCH")
    expect(normalizePartNumber("OE")).toBe("OE")
    expect(normalizePartNumber("  ")).toBe("")
  })

  it("reports the removed prefix and keeps the raw text", () => {
    expect(parsePartNumber("  PSA 1609.412.480 ")).toEqual({
      raw: "PSA 1609.412.480",
      normalized: "1609412480",
      prefix: "PSA",
    })
    expect(parsePartNumber("1609412480").prefix).toBeNull()
  })
})

describe("samePartNumber", () => {
  it("compares normalised numbers", () => {
    expect(samePartNumber("PSA 1609.412.480", "16 094 124 80")).toBe(true)
    expect(samePartNumber("A 000 094 69 04", "000 094 69 04")).toBe(true)
    expect(samePartNumber("1609412480", "1609412481")).toBe(false)
    expect(samePartNumber("", "")).toBe(false)
  })
})

describe("parsePartNumberList", () => {
  it("splits and dedupes a cell of numbers", () => {
    const list = parsePartNumberList(
      "1609412480, PSA 1609.412.480; 4254.A1 / 16 094 124 81\n"
    )
    expect(list.map((p) => p.normalized)).toEqual([
      "1609412480",
      "4254A1",
      "1609412481",
    ])
  })

  it("keeps a slash inside one number", () => {
    expect(parsePartNumberList("HU 716/2 x").map((p) => p.normalized)).toEqual([
      "HU7162X",
    ])
  })
})
