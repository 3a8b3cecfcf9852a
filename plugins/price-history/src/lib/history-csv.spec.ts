import { parse } from "csv-parse/sync"
import { CSV_COLUMNS, historyToCsv } from "./history-csv"

describe("historyToCsv", () => {
  it("round-trips through a CSV parser, quoting what needs quoting", () => {
    const csv = historyToCsv([
      {
        id: "12",
        product_id: "prod_1",
        variant_id: "variant_1",
        variant_sku: "BOS-0986,494",
        money_amount_id: "ma_1",
        currency_code: "tnd",
        region_id: null,
        price_list_id: null,
        min_quantity: null,
        max_quantity: null,
        change: "updated",
        old_amount: 45000,
        new_amount: 42500,
        changed_at: new Date("2024-05-02T08:00:00.000Z"),
        source: "admin",
        actor: "usr_1",
        actor_email: "a@b.tn",
        origin: 'POST /admin/products/"x"',
      },
    ])
    const [header, row] = parse(csv) as string[][]
    expect(header).toEqual(CSV_COLUMNS)
    const rec = Object.fromEntries(header.map((h, i) => [h, row[i]]))
    expect(rec.variant_sku).toBe("BOS-0986,494")
    expect(rec.old_amount).toBe("45000")
    expect(rec.new_amount).toBe("42500")
    expect(rec.region_id).toBe("")
    expect(rec.changed_at).toBe("2024-05-02T08:00:00.000Z")
    expect(rec.origin).toBe('POST /admin/products/"x"')
  })

  it("writes only the header for no rows", () => {
    expect(historyToCsv([]).trim()).toBe(CSV_COLUMNS.join(","))
  })
})
