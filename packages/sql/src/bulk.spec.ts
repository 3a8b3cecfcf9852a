import { chunks, columnArrays, unnestFrom } from "./bulk"

describe("chunks", () => {
  it("cuts rows into parts of at most the size, in order", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunks([1, 2], 5)).toEqual([[1, 2]])
    expect(chunks([], 3)).toEqual([])
  })

  it("refuses a size that is not a positive integer", () => {
    expect(() => chunks([1], 0)).toThrow(/positive integer, got 0/)
    expect(() => chunks([1], 1.5)).toThrow(RangeError)
  })
})

describe("columnArrays", () => {
  it("gives one array per column, by property or by function", () => {
    const rows = [
      { id: "a", qty: 1 },
      { id: "b", qty: 2 },
    ]
    expect(columnArrays(rows, ["id", (r) => r.qty * 10])).toEqual([
      ["a", "b"],
      [10, 20],
    ])
  })
})

describe("unnestFrom", () => {
  it("names each array parameter with its type and the columns of the alias", () => {
    expect(unnestFrom({ date: "date", rain: "float8" })).toBe(
      "unnest($1::date[], $2::float8[]) AS t(date, rain)"
    )
    expect(unnestFrom({ id: "text" }, "u", 3)).toBe(
      "unnest($3::text[]) AS u(id)"
    )
  })
})
