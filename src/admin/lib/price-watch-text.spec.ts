import { type Alert, alertText, watchRunText } from "./price-watch-text"

const alert = (kind: Alert["kind"], details: Alert["details"]): Alert => ({
  id: "alert_1",
  watched_page_id: "wp_1",
  kind,
  details,
  acknowledged_at: null,
  created_at: "2026-03-12T10:00:00Z",
  url: "https://example.tn/p/1",
  supplier: "Fournisseur",
  product_id: null,
  product_title: null,
  variant_title: null,
})
const tnd = (amount: number) => ({ amount, currency: "tnd" })

describe("alertText", () => {
  it("tells a price move with its direction, percentage and amounts in dinars", () => {
    expect(
      alertText(
        alert("price_move", {
          direction: "down",
          change_percent: -12.5,
          previous: tnd(48500),
          current: tnd(42437),
        })
      )
    ).toBe("Baisse de prix de 12,5 % : 48,500 DT → 42,437 DT")
  })

  it("tells when a supplier is cheaper than us, or back in stock", () => {
    expect(
      alertText(
        alert("below_our_price", {
          current: tnd(39900),
          our_price: tnd(45000),
        })
      )
    ).toBe("Moins cher que nous : 39,900 DT contre 45,000 DT chez nous")
    expect(alertText(alert("back_in_stock", { current: tnd(12345) }))).toBe(
      "De retour en stock à 12,345 DT"
    )
  })
})

describe("watchRunText", () => {
  it("counts the pages, and the failures when there are some", () => {
    expect(watchRunText({ pages: 3, ok: 2, not_modified: 1, alerts: 1 })).toBe(
      "Vérification terminée : 3 page(s), 2 prix lu(s), 1 inchangée(s), 1 nouvelle(s) alerte(s)."
    )
    expect(
      watchRunText({
        pages: 4,
        ok: 1,
        not_modified: 0,
        alerts: 0,
        errors: 1,
        no_price: 1,
        disallowed: 1,
      })
    ).toBe(
      "Vérification terminée : 4 page(s), 1 prix lu(s), 0 inchangée(s), 0 nouvelle(s) alerte(s), 3 en échec."
    )
  })
})
