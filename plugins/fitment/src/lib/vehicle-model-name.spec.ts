import { modelKey, parseModel } from "./vehicle-model-name"

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
