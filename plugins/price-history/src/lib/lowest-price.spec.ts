import { lowestPrices } from "./lowest-price"

const d = (s: string) => new Date(s)

describe("lowestPrices", () => {
  it("is the current price when nothing changed in the window", () => {
    expect(
      lowestPrices(
        [{ variant_id: "v1", currency_code: "tnd", amount: 45000 }],
        []
      )
    ).toEqual([
      {
        variant_id: "v1",
        currency_code: "tnd",
        current_amount: 45000,
        lowest_amount: 45000,
        changes: 0,
        lowest_seen_at: null,
      },
    ])
  })

  it("remembers a lower price that was raised since (the discount trap)", () => {
    // 40 DT during the window, raised to 50 DT, then "discounted" to 45 DT
    const r = lowestPrices(
      [{ variant_id: "v1", currency_code: "tnd", amount: 45000 }],
      [
        {
          variant_id: "v1",
          currency_code: "tnd",
          old_amount: 40000,
          new_amount: 50000,
          changed_at: d("2024-05-02"),
        },
        {
          variant_id: "v1",
          currency_code: "tnd",
          old_amount: 50000,
          new_amount: 45000,
          changed_at: d("2024-05-20"),
        },
      ]
    )
    expect(r[0].lowest_amount).toBe(40000)
    expect(r[0].current_amount).toBe(45000)
    expect(r[0].changes).toBe(2)
    expect(r[0].lowest_seen_at).toEqual(d("2024-05-02"))
  })

  it("keeps variants and currencies apart, and reports deleted prices", () => {
    const r = lowestPrices(
      [
        { variant_id: "v1", currency_code: "tnd", amount: 1000 },
        { variant_id: "v1", currency_code: "eur", amount: 300 },
      ],
      [
        {
          variant_id: "v2",
          currency_code: "tnd",
          old_amount: 700,
          new_amount: null,
          changed_at: d("2024-05-03"),
        },
        {
          variant_id: "v1",
          currency_code: "eur",
          old_amount: null,
          new_amount: 300,
          changed_at: d("2024-05-04"),
        },
      ]
    )
    expect(
      r.map((x) => [
        x.variant_id,
        x.currency_code,
        x.current_amount,
        x.lowest_amount,
      ])
    ).toEqual([
      ["v1", "eur", 300, 300],
      ["v1", "tnd", 1000, 1000],
      ["v2", "tnd", null, 700],
    ])
  })

  it("takes the lowest of several current prices of one currency (region prices)", () => {
    const r = lowestPrices(
      [
        { variant_id: "v1", currency_code: "tnd", amount: 1200 },
        { variant_id: "v1", currency_code: "tnd", amount: 1100 },
      ],
      []
    )
    expect(r).toHaveLength(1)
    expect(r[0].current_amount).toBe(1100)
  })
})
