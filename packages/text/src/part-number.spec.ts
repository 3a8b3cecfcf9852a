import { compactReference, referenceTokens } from "./part-number"

describe("compactReference", () => {
  it.each([
    ["0 986 494 123", "0986494123"],
    ["0.986.494.123", "0986494123"],
    ["77 01-208.265", "7701208265"],
    ["gdb1330", "GDB1330"],
    ["Réf. ÉA-12", "REFEA12"],
    ["FER-FDB8920", "FERFDB8920"],
    [" fer fdb.8920 ", "FERFDB8920"],
    ["OF_102/b", "OF102B"],
    ["Lemförder 3.0", "LEMFORDER30"],
    ["--", ""],
  ])("%s → %s", (raw, key) => expect(compactReference(raw)).toBe(key))
})

describe("referenceTokens", () => {
  it("keeps the groups a reference is written in", () => {
    expect(referenceTokens("OE: 16 094.124-80")).toEqual([
      "OE",
      "16",
      "094",
      "124",
      "80",
    ])
    expect(referenceTokens("Réf. Bosch")).toEqual(["REF", "BOSCH"])
    expect(referenceTokens("  ")).toEqual([])
  })
})
