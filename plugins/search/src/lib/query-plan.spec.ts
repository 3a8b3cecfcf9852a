import { buildTsQuery, compactReference, fuzzyCandidates, latinTokens, referenceKeys } from "./query-plan"

describe("compactReference", () => {
  it.each([
    ["0 986 494 123", "0986494123"],
    ["0.986.494.123", "0986494123"],
    ["77 01-208.265", "7701208265"],
    ["gdb1330", "GDB1330"],
    ["Réf. ÉA-12", "REFEA12"],
  ])("%s → %s", (raw, key) => expect(compactReference(raw)).toBe(key))
})

describe("referenceKeys", () => {
  it("finds a reference typed in groups after a brand", () => {
    const keys = referenceKeys("bosch 0 986 494 123")
    expect(keys).toContain("0986494123")
    expect(keys).not.toContain("BOSCH")
  })
  it("keeps the whole query compacted", () => {
    expect(referenceKeys("GDB-1330")).toEqual(["GDB1330"])
  })
  it("ignores words without digits and short numbers", () => {
    expect(referenceKeys("plaquettes de frein")).toEqual([])
    // only the whole query compacted, never the lone "2"
    expect(referenceKeys("clio 2")).toEqual(["CLIO2"])
    expect(referenceKeys("GDB 1330")).toEqual(["GDB1330", "1330"])
  })
})

describe("latinTokens", () => {
  it("drops stopwords and duplicates", () => {
    expect(latinTokens("plaquettes de frein avant frein")).toEqual(["plaquettes", "frein", "avant"])
  })
  it("ignores arabic and punctuation", () => {
    expect(latinTokens("فرامل, filtre/huile")).toEqual(["filtre", "huile"])
  })
})

describe("fuzzyCandidates", () => {
  it("keeps words of 4+ letters", () => {
    expect(fuzzyCandidates(["plaquete", "avan", "de", "206", "2020"])).toEqual(["plaquete", "avan"])
  })
})

describe("buildTsQuery", () => {
  it("ANDs tokens, ORs their near spellings, prefixes tokens of 3+ characters", () => {
    const alts = new Map([["plaquete", ["plaquettes", "plaquette"]]])
    expect(buildTsQuery(["plaquete", "frein", "av"], alts)).toBe(
      "(plaquete:* | plaquettes | plaquette) & frein:* & av"
    )
  })
  it("cannot be injected", () => {
    expect(buildTsQuery(["a|b", "c&!d", "':*"])).toBe("ab & cd")
  })
  it("is empty without tokens", () => {
    expect(buildTsQuery([])).toBe("")
  })
})
