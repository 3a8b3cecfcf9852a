import { evaluatePriceAlerts } from "./alerts"

const tnd = (amount: number, in_stock: boolean | null = true) => ({
  amount,
  currency: "TND" as const,
  in_stock,
})

/** A TND price moving from `from` to `to` (in stock both times) under a threshold rule. */
const move = (from: number, to: number, threshold_percent = 10) =>
  evaluatePriceAlerts({
    previous: tnd(from),
    current: tnd(to),
    rules: { threshold_percent },
  })

describe("evaluatePriceAlerts", () => {
  it("alerts when the price moves more than the threshold, either way", () => {
    const up = move(100000, 111000)
    expect(up.alerts).toEqual([
      expect.objectContaining({
        kind: "price_move",
        direction: "up",
        change_percent: 11,
      }),
    ])
    expect(up.alerts[0].message).toMatch(
      /price up 11% \(100,000 DT -> 111,000 DT\), threshold 10%/
    )
    const down = move(100000, 85000)
    expect(down.alerts).toEqual([
      expect.objectContaining({
        kind: "price_move",
        direction: "down",
        change_percent: -15,
      }),
    ])
  })

  it("stays quiet at or under the threshold", () => {
    expect(move(100000, 110000).alerts).toEqual([])
    expect(move(100000, 100000, 0).alerts).toEqual([])
    expect(
      evaluatePriceAlerts({
        current: tnd(100000),
        rules: { threshold_percent: 0 },
      }).alerts
    ).toEqual([])
  })

  it("alerts when the supplier drops below our price minus the margin", () => {
    const rules = { threshold_percent: 50, margin_percent: 20 }
    const our = { amount: 100000, currency: "TND" as const }
    expect(
      evaluatePriceAlerts({ current: tnd(80000), our_price: our, rules }).alerts
    ).toEqual([])
    const r = evaluatePriceAlerts({
      current: tnd(79999),
      our_price: our,
      rules,
    })
    expect(r.alerts).toEqual([
      expect.objectContaining({
        kind: "below_our_price",
        floor: { amount: 80000, currency: "TND" },
      }),
    ])
    const fixed = evaluatePriceAlerts({
      current: tnd(94000),
      our_price: our,
      rules: { threshold_percent: 50, margin_amount: 5000 },
    })
    expect(fixed.alerts.map((a) => a.kind)).toEqual(["below_our_price"])
  })

  it("skips comparisons across currencies and says so", () => {
    const r = evaluatePriceAlerts({
      previous: tnd(100000),
      current: { amount: 3000, currency: "EUR" },
      our_price: { amount: 100000, currency: "TND" },
      rules: { threshold_percent: 5 },
    })
    expect(r.alerts).toEqual([])
    expect(r.skipped).toEqual([
      "price_move: currency changed from TND to EUR",
      "below_our_price: supplier price in EUR, ours in TND",
    ])
  })

  it("reports a restock when enabled", () => {
    const r = evaluatePriceAlerts({
      previous: tnd(100000, false),
      current: tnd(100000, true),
      rules: { threshold_percent: 5, notify_restock: true },
    })
    expect(r.alerts.map((a) => a.kind)).toEqual(["back_in_stock"])
    expect(
      evaluatePriceAlerts({
        previous: tnd(100000, false),
        current: tnd(100000, true),
        rules: { threshold_percent: 5 },
      }).alerts
    ).toEqual([])
  })

  it("rejects bad rules with the field name", () => {
    expect(() =>
      evaluatePriceAlerts({ current: tnd(1), rules: { threshold_percent: -1 } })
    ).toThrow(/threshold_percent/)
    expect(() =>
      evaluatePriceAlerts({
        current: tnd(1),
        rules: { threshold_percent: 1, margin_percent: NaN },
      })
    ).toThrow(/margin_percent/)
  })
})
