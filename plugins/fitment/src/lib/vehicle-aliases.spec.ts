import { cleanAliases, mergedAliases } from "./vehicle-aliases"

describe("cleanAliases", () => {
  it("cleans the texts and drops blanks and repeats", () => {
    expect(cleanAliases(["  VW ", "VW", "", "V.W."])).toEqual(["VW", "V.W."])
  })

  it("reads no aliases as an empty list", () => {
    expect(cleanAliases(undefined)).toEqual([])
    expect(cleanAliases(null)).toEqual([])
  })

  it("refuses anything but a list of texts, naming the field", () => {
    expect(() => cleanAliases("VW")).toThrow(
      "aliases: must be a list of strings"
    )
    expect(() => cleanAliases(["VW", 3])).toThrow(
      "aliases: must be a list of strings"
    )
  })
})

describe("mergedAliases", () => {
  it("adds the merged name and aliases, once, without the survivor's name", () => {
    expect(
      mergedAliases(
        { name: "Volkswagen", aliases: ["VW"] },
        { name: "Volks Wagen", aliases: ["VW", "Volkswagen"] }
      )
    ).toEqual(["VW", "Volks Wagen"])
  })

  it("reads missing aliases as none", () => {
    expect(
      mergedAliases(
        { name: "Clio", aliases: null },
        { name: "CLIO", aliases: null }
      )
    ).toEqual(["CLIO"])
  })
})
