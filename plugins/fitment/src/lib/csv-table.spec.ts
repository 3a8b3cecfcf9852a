import { detectDelimiter, headerKey, mapColumns } from "./csv-table"

describe("detectDelimiter", () => {
  it("counts separators outside quotes", () => {
    expect(detectDelimiter("make;model;year_from")).toBe(";")
    expect(detectDelimiter("make,model,year_from")).toBe(",")
    expect(detectDelimiter('"make, name";model;year')).toBe(";")
    expect(detectDelimiter("make\tmodel\tyear")).toBe("\t")
    expect(detectDelimiter("make")).toBe(",")
  })
})

describe("headerKey / mapColumns", () => {
  it("matches headers whatever their case, accents and separators", () => {
    expect(headerKey(" Année  Début ")).toBe("annee_debut")
    expect(headerKey("Power (HP)")).toBe("power_hp")
    const map = mapColumns(
      ["MARQUE", "Année-début", "Foo", ""],
      [
        { field: "make", aliases: ["marque"] },
        { field: "year_from", aliases: ["annee_debut"] },
      ]
    )
    expect([...map.index]).toEqual([
      ["make", 0],
      ["year_from", 1],
    ])
    expect(map.ignored).toEqual(["Foo"])
    expect(map.errors).toEqual([])
  })
})
