import { parse } from "csv-parse/sync"
import { dinars, RESTOCK_CSV_HEADER, restockCsv } from "./restock-csv"

describe("restock CSV", () => {
  it("formats millimes as dinars with a decimal comma and 3 decimals", () => {
    expect(dinars(12345)).toBe("12,345")
    expect(dinars(124950)).toBe("124,950")
    expect(dinars(5)).toBe("0,005")
    expect(dinars(-1500)).toBe("-1,500")
    expect(dinars(null)).toBe("")
  })

  it("writes a BOM, a French header and one semicolon-separated row per suggestion", () => {
    const csv = restockCsv([
      {
        sku: "PLQ-1",
        title: 'Plaquettes; avant "Bosch"',
        brand: "Bosch",
        category: "Freinage",
        stock: 1,
        on_order: 0,
        reorder_point: 4,
        suggested_quantity: 6,
        stockout_date: "2026-03-12",
        order_by: "2026-03-05",
        unit_price: 89500,
        value: 537000,
      },
      {
        sku: "=HYPERLINK(1)",
        title: null,
        brand: null,
        category: null,
        stock: null,
        on_order: null,
        reorder_point: null,
        suggested_quantity: null,
        stockout_date: null,
        order_by: null,
        unit_price: null,
        value: null,
      },
    ])
    expect(csv.startsWith("\ufeff")).toBe(true)
    expect(csv).toContain("\r\n")
    const rows = parse(csv.slice(1), { delimiter: ";" })
    expect(rows[0]).toEqual(RESTOCK_CSV_HEADER)
    expect(rows[1]).toEqual([
      "PLQ-1",
      'Plaquettes; avant "Bosch"',
      "Bosch",
      "Freinage",
      "1",
      "0",
      "4",
      "6",
      "12/03/2026",
      "05/03/2026",
      "89,500",
      "537,000",
    ])
    expect(rows[2][0]).toBe("'=HYPERLINK(1)")
    expect(rows[2].slice(1).every((c: string) => c === "")).toBe(true)
  })
})
