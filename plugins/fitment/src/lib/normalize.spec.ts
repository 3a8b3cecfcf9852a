import {
  canonicalMake,
  makeKey,
  modelKey,
  normalizeBody,
  normalizeKey,
  parseModel,
  slugify,
  tidyName,
} from "./normalize"

describe("normalizeKey", () => {
  it("drops case, accents, spaces, dashes and dots", () => {
    const spellings = [
      "Mercedes-Benz",
      "MERCEDES BENZ",
      "mercedes benz",
      "Mercedes.Benz",
      " mercedes  -  benz ",
    ]
    expect(new Set(spellings.map(normalizeKey))).toEqual(
      new Set(["mercedesbenz"])
    )
    expect(normalizeKey("Citroën")).toBe(normalizeKey("CITROEN"))
    expect(normalizeKey("Škoda")).toBe("skoda")
    expect(normalizeKey("C-Elysée")).toBe("celysee")
    expect(normalizeKey("XJ-6")).toBe(normalizeKey("XJ6"))
  })

  it("keeps different names apart", () => {
    expect(normalizeKey("206")).not.toBe(normalizeKey("207"))
    expect(normalizeKey("Clio")).not.toBe(normalizeKey("Clio 4"))
    expect(normalizeKey("206+")).not.toBe(normalizeKey("206"))
    expect(normalizeKey("206+")).toBe(normalizeKey("206 Plus"))
  })
})

describe("slugify", () => {
  it("builds url handles", () => {
    expect(slugify("Citroën C4 Picasso")).toBe("citroen-c4-picasso")
    expect(slugify("Mercedes-Benz")).toBe("mercedes-benz")
    expect(slugify("  Alfa   Romeo / 159 ")).toBe("alfa-romeo-159")
    expect(slugify("Peugeot 206+")).toBe("peugeot-206-plus")
  })
})

describe("tidyName", () => {
  it("title-cases names typed in one case, keeps codes", () => {
    expect(tidyName("CLIO")).toBe("Clio")
    expect(tidyName("sandero stepway")).toBe("Sandero Stepway")
    expect(tidyName("C3 AIRCROSS")).toBe("C3 Aircross")
    expect(tidyName("Golf GTI")).toBe("Golf GTI")
    expect(tidyName("i10")).toBe("i10")
  })
})

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

describe("normalizeBody", () => {
  it.each([
    ["Break", "estate"],
    ["SW", "estate"],
    ["Fourgon", "van"],
    ["pick-up", "pickup"],
    ["Berline", "sedan"],
    ["berline 5 portes", "hatchback"],
    ["Berline 4 portes", "sedan"],
    ["Coupé", "coupe"],
    ["chassis_cab", "chassis_cab"],
    ["Citadine", "hatchback"],
    ["compacte", "hatchback"],
    ["Monospace", "mpv"],
  ])("%s → %s", (input, body) => {
    expect(normalizeBody(input)).toBe(body)
  })

  it("returns null for text that names no body", () => {
    expect(normalizeBody("bleu")).toBeNull()
    expect(normalizeBody("")).toBeNull()
  })
})

describe("parseModel", () => {
  it.each([
    ["206 SW", { model: "206", key: "206", body: "estate" }],
    [
      "Clio IV Estate",
      { model: "Clio", key: "clio", body: "estate", generation: "IV" },
    ],
    [
      "Golf VII Variant",
      { model: "Golf", key: "golf", body: "estate", generation: "VII" },
    ],
    ["208 II", { model: "208", key: "208", generation: "II" }],
    ["Berlingo Van", { model: "Berlingo", key: "berlingo", body: "van" }],
    ["Astra Sports Tourer", { model: "Astra", key: "astra", body: "estate" }],
    ["Hilux Double Cabine", { model: "Hilux", key: "hilux", body: "pickup" }],
    ["Golf Mk7", { model: "Golf", key: "golf", generation: "VII" }],
    ["golf mk 4", { model: "Golf", key: "golf", generation: "IV" }],
    ["CLIO iii", { model: "Clio", key: "clio", generation: "III" }],
    ["Octavia Combi", { model: "Octavia", key: "octavia", body: "estate" }],
    ["206 CC", { model: "206", key: "206", body: "coupe_convertible" }],
    ["Polo 5 portes", { model: "Polo", key: "polo", body: "hatchback" }],
    ["C-Elysée", { model: "C-Elysée", key: "celysee" }],
  ])("%s", (input, expected) => {
    expect(parseModel(input)).toEqual(expected)
  })

  it("keeps letters that are the model itself", () => {
    expect(parseModel("Classe V")).toEqual({
      model: "Classe V",
      key: "classev",
    })
    expect(parseModel("Série 3").model).toBe("Série 3")
    expect(parseModel("CX-5")).toEqual({ model: "CX-5", key: "cx5" })
    expect(parseModel("Van")).toEqual({ model: "Van", key: "van" })
    expect(parseModel("Avant")).toEqual({ model: "Avant", key: "avant" })
  })

  it("gives one model key for every body and generation spelling", () => {
    const spellings = [
      "Clio",
      "CLIO IV",
      "clio iv estate",
      "Clio Break",
      "Clio Société",
      "clio 5 portes",
    ]
    expect(new Set(spellings.map(modelKey))).toEqual(new Set(["clio"]))
  })
})
