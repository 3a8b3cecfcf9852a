import {
  chunks,
  columnArrays,
  unnestSql,
  writeInChunks,
  BulkColumn,
} from "./bulk"

type Line = { id: string; qty: number | null; note?: string }

const COLUMNS: BulkColumn<Line>[] = [
  { name: "id", type: "text", value: (l) => l.id },
  { name: "quantity", type: "int", value: (l) => l.qty },
  { name: "note", type: "text", value: (l) => l.note },
]

describe("chunks", () => {
  it("cuts a list into slices of at most the size, in order", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunks([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ])
  })

  it("gives no slice for no items, and one for fewer items than the size", () => {
    expect(chunks([], 3)).toEqual([])
    expect(chunks(["a"])).toEqual([["a"]])
  })

  it("refuses a size that is not a whole number above 0", () => {
    expect(() => chunks([1], 0)).toThrow("size must be a whole number")
    expect(() => chunks([1], 1.5)).toThrow("size must be a whole number")
  })
})

describe("columnArrays", () => {
  it("gives one array per column, undefined written as null", () => {
    expect(
      columnArrays(
        [
          { id: "a", qty: 2, note: "x" },
          { id: "b", qty: null },
        ],
        COLUMNS
      )
    ).toEqual([
      ["a", "b"],
      [2, null],
      ["x", null],
    ])
  })
})

describe("unnestSql", () => {
  it("numbers the typed arrays and names the columns", () => {
    expect(unnestSql(COLUMNS)).toBe(
      "unnest($1::text[], $2::int[], $3::text[]) AS u(id, quantity, note)"
    )
    expect(unnestSql(COLUMNS, 3)).toBe(
      "unnest($3::text[], $4::int[], $5::text[]) AS u(id, quantity, note)"
    )
  })
})

describe("writeInChunks", () => {
  it("writes chunk after chunk and reports the running count", async () => {
    const written: number[][] = []
    const progress: number[] = []
    const total = await writeInChunks(
      [1, 2, 3, 4, 5],
      async (c) => {
        written.push(c)
      },
      (n) => progress.push(n),
      2
    )
    expect(total).toBe(5)
    expect(written).toEqual([[1, 2], [3, 4], [5]])
    expect(progress).toEqual([2, 4, 5])
  })
})
