import {
  buildTsQuery,
  fuzzyCandidates,
  joinGrades,
  latinTokens,
  referenceKeys,
} from "./query-plan"

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

describe("joinGrades", () => {
  it("joins viscosity grades written with a dash, dot or slash, and leaves digit-only groups and words alone", () => {
    expect(joinGrades("huile 5w-30 c3")).toBe("huile 5w30 c3")
    expect(joinGrades("10w-40 / 5w.30 0w/20")).toBe("10w40 / 5w30 0w20")
    expect(joinGrades("filtre 986.494-123 essuie-glace")).toBe(
      "filtre 986.494-123 essuie-glace"
    )
  })
})

describe("latinTokens", () => {
  it("keeps a grade as one word, whichever way it is written", () => {
    expect(latinTokens("huile 5w-30")).toEqual(["huile", "5w30"])
    expect(latinTokens("huile 5w30")).toEqual(["huile", "5w30"])
  })

  it("drops stopwords and duplicates", () => {
    expect(latinTokens("plaquettes de frein avant frein")).toEqual([
      "plaquettes",
      "frein",
      "avant",
    ])
  })
  it("ignores arabic and punctuation", () => {
    expect(latinTokens("فرامل, filtre/huile")).toEqual(["filtre", "huile"])
  })
})

describe("fuzzyCandidates", () => {
  it("keeps words of 4+ letters", () => {
    expect(fuzzyCandidates(["plaquete", "avan", "de", "206", "2020"])).toEqual([
      "plaquete",
      "avan",
    ])
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
