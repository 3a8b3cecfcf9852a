import {
  days,
  demandText,
  frenchDate,
  periods,
  restockReason,
} from "./plain-french"

describe("plain French", () => {
  it("describes the demand with how often the part sells", () => {
    // one sale every 5 weeks: intermittent
    const y = new Array(40).fill(0).map((_, i) => (i % 5 === 4 ? 1 : 0))
    expect(demandText(y, "week")).toBe(
      "ventes irrégulières (environ une vente toutes les 5 semaines)"
    )
    expect(demandText(new Array(12).fill(3), "month")).toBe(
      "ventes régulières (des ventes presque chaque mois)"
    )
    expect(demandText([0, 0, 0], "week")).toBe("aucune vente")
    expect(demandText([0, 0, 4, 0, 0, 1, 0, 0, 9], "month")).toBe(
      "ventes rares, souvent par lots (environ une vente tous les 3 mois)"
    )
  })

  it("explains a restock with the stock, what is on order and the safety", () => {
    expect(
      restockReason({
        stock: 3,
        onOrder: 2,
        reorderPoint: 7,
        orderUpTo: 11,
        suggested: 6,
        leadTimeDays: 21,
        serviceLevel: 0.95,
      })
    ).toBe(
      "stock actuel 3 + 2 en commande ; il en faut 7 pour tenir 3 semaines de délai avec 95 % de sécurité ; commander 6 (pour remonter à 11)"
    )
    expect(
      restockReason({
        stock: 0,
        onOrder: 4,
        nextArrival: "2026-03-12",
        reorderPoint: 5,
        orderUpTo: 8,
        suggested: 4,
        leadTimeDays: 10,
        serviceLevel: 0.975,
      })
    ).toBe(
      "stock actuel 0 + 4 en commande (attendu le 12 mars 2026) ; il en faut 5 pour tenir 10 jours de délai avec 97,5 % de sécurité ; commander 4 (pour remonter à 8)"
    )
  })

  it("says when what is on order arrives after the expected stock-out", () => {
    expect(
      restockReason({
        stock: 1,
        onOrder: 5,
        nextArrival: "2026-04-20",
        stockoutDate: "2026-04-02",
        reorderPoint: 6,
        orderUpTo: 9,
        suggested: 3,
        leadTimeDays: 7,
        serviceLevel: 0.9,
      })
    ).toBe(
      "stock actuel 1 + 5 en commande (attendu le 20 avril 2026) ; la commande arrivera après la rupture prévue le 2 avril 2026 ; il en faut 6 pour tenir 7 jours de délai avec 90 % de sécurité ; commander 3 (pour remonter à 9)"
    )
  })

  it("says periods, days and dates in French", () => {
    expect(periods(1, "week")).toBe("1 semaine")
    expect(periods(4, "week")).toBe("4 semaines")
    expect(periods(3, "month")).toBe("3 mois")
    expect(days(1)).toBe("1 jour")
    expect(days(7)).toBe("7 jours")
    expect(days(28)).toBe("4 semaines")
    expect(frenchDate("2026-01-01")).toBe("1 janvier 2026")
  })
})
