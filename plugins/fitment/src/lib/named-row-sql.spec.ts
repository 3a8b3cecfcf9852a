import { setAliasesSql, updateNamesSql } from "./named-row-sql"

describe("named-row-sql", () => {
  it("updates a make's names, its id first", () => {
    expect(
      updateNamesSql("vehicle_make", "vmake_1", {
        name: "Renault",
        handle: "renault",
        key: "renault",
        aliases: ["RENAULT"],
      })
    ).toEqual([
      "UPDATE vehicle_make SET name = $2, handle = $3, key = $4, aliases = $5, updated_at = now() WHERE id = $1",
      ["vmake_1", "Renault", "renault", "renault", ["RENAULT"]],
    ])
  })

  it("updates a model's aliases alone", () => {
    expect(setAliasesSql("vehicle_model", "vmodel_1", ["clio 4"])).toEqual([
      "UPDATE vehicle_model SET aliases = $2, updated_at = now() WHERE id = $1",
      ["vmodel_1", ["clio 4"]],
    ])
  })
})
