import { normalizeKey } from "./name-key"
import { canonicalMake, makeKey } from "./vehicle-make-name"

describe("canonicalMake", () => {
  it.each([
    ["VW", "Volkswagen"],
    ["volkswagen", "Volkswagen"],
    ["V.W.", "Volkswagen"],
    ["Mercedes", "Mercedes-Benz"],
    ["MB", "Mercedes-Benz"],
    ["MERCEDES BENZ", "Mercedes-Benz"],
    ["citroen", "Citroën"],
    ["CITROËN", "Citroën"],
    ["Škoda", "Skoda"],
    ["seat", "SEAT"],
    ["GWM", "Great Wall"],
    ["great-wall", "Great Wall"],
    ["chevrolet", "Chevrolet"],
  ])("%s → %s", (input, name) => {
    const make = canonicalMake(input)
    expect(make.name).toBe(name)
    expect(make.known).toBe(true)
    expect(make.key).toBe(normalizeKey(name))
  })

  it("keeps unknown makes, tidied", () => {
    expect(canonicalMake("ZOTYE")).toEqual({
      name: "Zotye",
      key: "zotye",
      handle: "zotye",
      known: false,
    })
  })

  it("gives one key for every alias", () => {
    expect(makeKey("VW")).toBe(makeKey("Volkswagen"))
    expect(makeKey("Mercedes")).toBe(makeKey("Mercedes-Benz"))
    expect(makeKey("Peugeot")).not.toBe(makeKey("Citroen"))
  })
})
