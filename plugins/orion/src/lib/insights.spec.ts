import { detectDeadStock, detectDecline, detectSpike } from "./insights"

const d = (s: string) => new Date(`${s}T00:00:00Z`)

describe("insights", () => {
  it("flags a spike far above the baseline rate, with its reason", () => {
    const y = [...new Array(26).fill(1), 6, 7, 5, 8]
    const s = detectSpike(y, "week")!
    expect(s.type).toBe("spike")
    expect(s.reason).toBe(
      "26 vendus ces 4 semaines au lieu d'environ 4 au rythme des 26 semaines d'avant (6,5 fois plus) : une hausse qui n'est pas due au hasard"
    )
    expect(s.severity).toBeCloseTo(Math.log(6.5), 6)
  })

  it("does not call ordinary noise or one small order a spike", () => {
    expect(
      detectSpike([...new Array(26).fill(1), 2, 1, 0, 2], "week")
    ).toBeNull()
    // a slow part selling 2 units once: under 3 units, never a spike
    expect(
      detectSpike([...new Array(26).fill(0), 0, 2, 0, 0], "week")
    ).toBeNull()
    // not enough history
    expect(detectSpike([5, 9, 9], "week")).toBeNull()
  })

  it("flags a decline, not a slow part's usual quiet spell", () => {
    const y = [...new Array(26).fill(3), ...new Array(13).fill(0)]
    const dcl = detectDecline(y, "week")!
    expect(dcl.type).toBe("decline")
    expect(dcl.reason).toContain(
      "0 vendus ces 13 semaines au lieu d'environ 39 au rythme des 26 semaines d'avant"
    )
    expect(dcl.reason).toContain("−100 %")
    // 0.1 a week: 1.3 expected in 13 weeks, zero is normal
    expect(
      detectDecline(
        [
          ...new Array(26).fill(0).map((_, i) => (i % 10 === 0 ? 1 : 0)),
          ...new Array(13).fill(0),
        ],
        "week"
      )
    ).toBeNull()
    // steady demand: no decline
    expect(detectDecline(new Array(39).fill(3), "week")).toBeNull()
    expect(
      detectDecline([...new Array(6).fill(10), 0, 0, 0], "month")!.type
    ).toBe("decline")
    // monthly counts are over-dispersed: 10 instead of 30 in a quarter is not yet significant
    expect(
      detectDecline([...new Array(6).fill(10), 9, 0, 1], "month")
    ).toBeNull()
  })

  it("dead stock: no sale in 365 days with units on hand", () => {
    const asOf = d("2025-06-30")
    /** Part last sold on `lastSale` (null: never), `stock` on hand, sales history since `historyStart`. */
    const deadStock = (
      lastSale: string | null,
      stock: number,
      historyStart: string
    ) =>
      detectDeadStock({
        lastSale: lastSale === null ? null : d(lastSale),
        asOf,
        stock,
        historyStart: d(historyStart),
      })
    const dead = deadStock("2024-05-01", 6, "2023-01-01")!
    expect(dead.reason).toBe(
      "aucune vente depuis le 1 mai 2024 (425 jours, seuil 365) et 6 en stock"
    )
    expect(deadStock("2024-08-01", 6, "2023-01-01")).toBeNull()
    // nothing on the shelf: not dead stock
    expect(deadStock("2020-01-01", 0, "2019-01-01")).toBeNull()
    // never sold: dead only when the history covers the whole year
    expect(deadStock(null, 2, "2025-01-01")).toBeNull()
    expect(deadStock(null, 2, "2023-06-30")!.reason).toContain(
      "aucune vente enregistrée dans tout l'historique (731 jours depuis le 30 juin 2023)"
    )
  })
})
