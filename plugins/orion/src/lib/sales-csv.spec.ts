import { parseSalesCsv } from "./sales-csv"

describe("parseSalesCsv", () => {
  it("parses valid rows with their line numbers (BOM, CRLF, header case and spaces tolerated)", () => {
    const r = parseSalesCsv(
      "\uFEFFSKU, Date ,qty\r\nA-1,2024-01-05,2\r\n\r\nB-2,2024-02-29,1.5\r\n"
    )
    expect(r.errors).toEqual([])
    expect(
      r.rows.map((x) => [
        x.sku,
        x.date.toISOString().slice(0, 10),
        x.qty,
        x.row,
      ])
    ).toEqual([
      ["A-1", "2024-01-05", 2, 2],
      ["B-2", "2024-02-29", 1.5, 4],
    ])
  })

  it("reports every bad row with row, column and reason", () => {
    const r = parseSalesCsv(
      "sku,date,qty\nA,2024-01-05,2\n,2024-01-05,1\nB,2023-02-29,1\nC,2024-01-01,-3\nD,05/01/2024,x\n"
    )
    expect(r.errors).toEqual([
      { row: 3, column: "sku", reason: "empty sku" },
      {
        row: 4,
        column: "date",
        reason: '"2023-02-29" is not a valid YYYY-MM-DD date',
      },
      { row: 5, column: "qty", reason: '"-3" is not a non-negative number' },
      {
        row: 6,
        column: "date",
        reason: '"05/01/2024" is not a valid YYYY-MM-DD date',
      },
    ])
    expect(r.rows).toHaveLength(1)
  })

  it("rejects a wrong header, an empty file and a broken CSV", () => {
    expect(
      parseSalesCsv("sku,day,qty\nA,2024-01-01,1\n").errors[0]
    ).toMatchObject({ row: 1, reason: expect.stringContaining("missing date") })
    expect(parseSalesCsv("sku,date,qty\n").errors[0].reason).toContain(
      "no rows"
    )
    const broken = parseSalesCsv(
      'sku,date,qty\nA,2024-01-01,1\n"B,2024-01-02,1\n'
    )
    expect(broken.errors[0].reason).toContain("not a valid CSV file")
    const ragged = parseSalesCsv("sku,date,qty\nA,2024-01-01,1,9\n")
    expect(ragged.errors[0]).toMatchObject({ row: 2, column: null })
  })
})
