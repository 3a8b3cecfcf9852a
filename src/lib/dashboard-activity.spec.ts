import {
  ImportActivity,
  importLabel,
  OrderActivity,
  orderLabel,
  PriceActivity,
  priceLabel,
  recentActivity,
} from "./dashboard-activity"

const at = (minute: number, ms = 0) =>
  new Date(Date.UTC(2024, 11, 4, 10, minute, 0, ms))

const order = (id: string, minute: number, ms = 0): OrderActivity => ({
  id,
  display_id: 12,
  email: "garage@example.tn",
  created_at: at(minute, ms),
  amount: 124950,
  currency_code: "tnd",
})

const price = (id: string, minute: number, ms = 0): PriceActivity => ({
  id,
  changed_at: at(minute, ms),
  product_id: "prod_1",
  variant_id: "variant_1",
  product_title: "Plaquettes",
  variant_sku: "PLQ-1",
  new_amount: 45000,
  old_amount: 42000,
  currency_code: "tnd",
})

const fitmentImport = (id: string, minute: number, ms = 0): ImportActivity => ({
  id,
  type: "fitments",
  file_name: "liens.csv",
  created_at: at(minute, ms),
})

describe("the activity labels (as the SQL of before built them)", () => {
  it("order: '#' || display_id || ' — ' || email", () => {
    expect(orderLabel({ display_id: 7, email: "a@b.tn" })).toBe("#7 — a@b.tn")
  })

  it("price: COALESCE(title, variant_id, '') || COALESCE(' (' || sku || ')', '')", () => {
    const p = { product_title: "Filtre", variant_id: "v_1", variant_sku: "F1" }
    expect(priceLabel(p)).toBe("Filtre (F1)")
    // a NULL title falls back to the variant id, then to ''
    expect(priceLabel({ ...p, product_title: null })).toBe("v_1 (F1)")
    expect(priceLabel({ ...p, product_title: null, variant_id: null })).toBe(
      " (F1)"
    )
    // an empty title is not NULL: it stays ''
    expect(priceLabel({ ...p, product_title: "" })).toBe(" (F1)")
    // a NULL SKU adds nothing, an empty one adds " ()"
    expect(priceLabel({ ...p, variant_sku: null })).toBe("Filtre")
    expect(priceLabel({ ...p, variant_sku: "" })).toBe("Filtre ()")
    expect(
      priceLabel({ product_title: null, variant_id: null, variant_sku: null })
    ).toBe("")
  })

  it("import: type || COALESCE(' — ' || file_name, '')", () => {
    expect(importLabel({ type: "vehicles", file_name: "v.csv" })).toBe(
      "vehicles — v.csv"
    )
    expect(importLabel({ type: "vehicles", file_name: null })).toBe("vehicles")
    expect(importLabel({ type: "vehicles", file_name: "" })).toBe("vehicles — ")
  })
})

describe("recentActivity", () => {
  it("merges the three lists newest first, keeps `limit`, and gives each kind its fields", () => {
    const lines = recentActivity(
      {
        orders: [order("order_2", 30), order("order_1", 5)],
        prices: [price("11", 20), price("10", 1)],
        imports: [fitmentImport("fimp_1", 25)],
      },
      4
    )
    expect(lines.map((l) => l.id)).toEqual([
      "order_2",
      "fimp_1",
      "11",
      "order_1",
    ])
    // the JSON the API answers, keys in the order of before
    expect(JSON.stringify(lines.slice(0, 3))).toBe(
      JSON.stringify([
        {
          kind: "order",
          id: "order_2",
          at: "2024-12-04T10:30:00.000Z",
          label: "#12 — garage@example.tn",
          product_id: null,
          amount: 124950,
          old_amount: null,
          currency_code: "tnd",
        },
        {
          kind: "import",
          id: "fimp_1",
          at: "2024-12-04T10:25:00.000Z",
          label: "fitments — liens.csv",
          product_id: null,
          amount: null,
          old_amount: null,
          currency_code: null,
        },
        {
          kind: "price",
          id: "11",
          at: "2024-12-04T10:20:00.000Z",
          label: "Plaquettes (PLQ-1)",
          product_id: "prod_1",
          amount: 45000,
          old_amount: 42000,
          currency_code: "tnd",
        },
      ])
    )
  })

  it("orders by the millisecond, and keeps orders, prices, imports at the same instant", () => {
    const lines = recentActivity(
      {
        orders: [order("o", 0, 1)],
        prices: [price("p", 0, 2)],
        imports: [fitmentImport("i", 0, 1)],
      },
      12
    )
    expect(lines.map((l) => l.id)).toEqual(["p", "o", "i"])
  })

  it("is empty when nothing happened", () => {
    expect(recentActivity({ orders: [], prices: [], imports: [] }, 12)).toEqual(
      []
    )
  })
})
