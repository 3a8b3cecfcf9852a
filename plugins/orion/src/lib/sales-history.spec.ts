import {
  addPeriods,
  buildSeries,
  parseSalesRecord,
  periodStart,
} from "./sales-history"

const d = (s: string) => new Date(s + "T00:00:00Z")

describe("sales history", () => {
  it("validates rows with row and column in the error", () => {
    expect(() =>
      parseSalesRecord({ sku: "", date: "2024-01-01", qty: "1" }, 3)
    ).toThrow('row 3, column "sku"')
    expect(() =>
      parseSalesRecord({ sku: "A", date: "2024-02-30", qty: "1" }, 4)
    ).toThrow('row 4, column "date"')
    expect(() =>
      parseSalesRecord({ sku: "A", date: "2024-02-01", qty: "-2" }, 5)
    ).toThrow('row 5, column "qty"')
    expect(() =>
      parseSalesRecord({ sku: "A", date: "2024-02-01", qty: "x" }, 6)
    ).toThrow('row 6, column "qty"')
    expect(
      parseSalesRecord({ sku: " A ", date: "2024-02-01", qty: "2" }, 2)
    ).toEqual({ sku: "A", date: d("2024-02-01"), qty: 2 })
  })

  it("finds period starts", () => {
    expect(periodStart(d("2024-03-17"), "month")).toEqual(d("2024-03-01"))
    expect(periodStart(d("2024-03-17"), "week")).toEqual(d("2024-03-11")) // Sunday → Monday before
    expect(periodStart(d("2024-03-11"), "week")).toEqual(d("2024-03-11"))
    expect(addPeriods(d("2024-11-01"), 3, "month")).toEqual(d("2025-02-01"))
  })

  it("aggregates to the frequency and fills missing periods with zero", () => {
    const rows = [
      { sku: "A", date: d("2024-01-05"), qty: 2 },
      { sku: "A", date: d("2024-01-20"), qty: 1 },
      { sku: "B", date: d("2024-02-02"), qty: 4 },
      { sku: "A", date: d("2024-04-01"), qty: 5 },
    ]
    const s = buildSeries(rows, "month")
    expect(s).toEqual([
      { sku: "A", start: d("2024-01-01"), values: [3, 0, 0, 5] },
      { sku: "B", start: d("2024-02-01"), values: [4] },
    ])
    const w = buildSeries(rows.slice(0, 2), "week")
    expect(w[0].values).toEqual([2, 0, 1])
  })
})
