import { insertNamedSql, setAliasesSql, updateNamesSql } from "./named-row-sql"

describe("named-row-sql", () => {
  it("inserts a make: its id, then its names", () => {
    expect(
      insertNamedSql(
        "vehicle_make",
        { id: "vmake_1" },
        { name: "Renault", handle: "renault", key: "renault", aliases: [] }
      )
    ).toEqual([
      "INSERT INTO vehicle_make (id, name, handle, key, aliases) VALUES ($1, $2, $3, $4, $5)",
      ["vmake_1", "Renault", "renault", "renault", []],
    ])
  })

  it("inserts a model: its id and its make's, then its names", () => {
    expect(
      insertNamedSql(
        "vehicle_model",
        { id: "vmodel_1", make_id: "vmake_1" },
        {
          name: "Clio IV",
          handle: "renault-clio-iv",
          key: "clio 4",
          aliases: ["clio4"],
        }
      )
    ).toEqual([
      "INSERT INTO vehicle_model (id, make_id, name, handle, key, aliases) VALUES ($1, $2, $3, $4, $5, $6)",
      [
        "vmodel_1",
        "vmake_1",
        "Clio IV",
        "renault-clio-iv",
        "clio 4",
        ["clio4"],
      ],
    ])
  })

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
