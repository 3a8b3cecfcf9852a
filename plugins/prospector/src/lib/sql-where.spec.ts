import { SqlWhere } from "./sql-where"

describe("SqlWhere", () => {
  it("is empty without conditions", () => {
    const w = new SqlWhere()
    expect(w.clause).toBe("")
    expect(w.params).toEqual([])
  })

  it("numbers the parameters of the given values and skips undefined ones", () => {
    const w = new SqlWhere(["p.deleted_at IS NULL"])
      .add("a", (p) => `kind = ${p}`)
      .add(undefined, (p) => `status = ${p}`)
      .add(false, (p) => `active = ${p}`)
      .raw("x IS NULL")
      .add("%q%", (p) => `(url ILIKE ${p} OR name ILIKE ${p})`)
    expect(w.clause).toBe(
      "WHERE p.deleted_at IS NULL AND kind = $1 AND active = $2 AND x IS NULL AND (url ILIKE $3 OR name ILIKE $3)"
    )
    expect(w.params).toEqual(["a", false, "%q%"])
  })
})
