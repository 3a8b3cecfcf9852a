import { insertSql } from "./insert"

describe("insertSql", () => {
  it("lists the columns in the order of the keys, with a placeholder and a value each", () => {
    const details = JSON.stringify({ a: 1 })
    expect(
      insertSql("prospector_price_alert", {
        id: "palert_1",
        kind: "drop",
        details,
        acknowledged_at: null,
      })
    ).toEqual([
      "INSERT INTO prospector_price_alert (id, kind, details, acknowledged_at) VALUES ($1, $2, $3, $4)",
      ["palert_1", "drop", details, null],
    ])
  })

  it("passes values as they are, undefined and arrays included", () => {
    const [, values] = insertSql("vehicle_make", {
      id: "vmake_1",
      aliases: ["VW"],
      note: undefined,
    })
    expect(values).toEqual(["vmake_1", ["VW"], undefined])
  })

  it("refuses a row without columns", () => {
    expect(() => insertSql("vehicle_make", {})).toThrow(
      "insertSql: no column to insert into vehicle_make"
    )
  })
})
