import { containsPattern, SqlParams, SqlWhere } from "./where"

describe("SqlParams", () => {
  it("numbers the values in the order they are added", () => {
    const p = new SqlParams(["a"])
    expect(p.add("b")).toBe("$2")
    expect(p.add(3)).toBe("$3")
    expect(p.next()).toBe("$4")
    expect(p.next(1)).toBe("$5")
    expect(p.values).toEqual(["a", "b", 3])
  })
})

describe("SqlWhere", () => {
  it("joins the conditions given with AND, and numbers their values after the first ones", () => {
    const w = new SqlWhere(["x.id = $1"], ["id_1"])
      .anyOf("x.kind", ["a", "b"])
      .anyOf("x.skipped", [])
      .anyOf("x.absent", undefined)
      .and((p) => `x.at BETWEEN ${p("2026-01-01")} AND ${p("2026-02-01")}`)
      .and("x.deleted_at IS NULL")
      .when(undefined, (p) => `x.never = ${p}`)
      .when(0, (p) => `x.n > ${p}`)
    expect(w.clause).toBe(
      "WHERE x.id = $1 AND x.kind = ANY($2) AND x.at BETWEEN $3 AND $4 AND x.deleted_at IS NULL AND x.n > $5"
    )
    expect(w.values).toEqual([
      "id_1",
      ["a", "b"],
      "2026-01-01",
      "2026-02-01",
      0,
    ])
  })

  it("is empty without conditions", () => {
    const w = new SqlWhere()
    expect(w.clause).toBe("")
    expect(w.conditions()).toBe("TRUE")
    expect(w.values).toEqual([])
  })
})

describe("containsPattern", () => {
  it("takes backslash, percent and underscore literally", () => {
    expect(containsPattern("50%_off\\x")).toBe("%50\\%\\_off\\\\x%")
    expect(containsPattern("bosch")).toBe("%bosch%")
  })
})
