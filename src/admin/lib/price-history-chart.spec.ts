import {
  buildPriceChart,
  currentTndPrice,
  PriceChange,
  SupplierObservation,
} from "./price-history-chart"

const change = (
  variant_id: string,
  at: string,
  old_amount: number | null,
  new_amount: number | null,
  extra: Partial<PriceChange> = {}
): PriceChange => ({
  variant_id,
  currency_code: "tnd",
  region_id: null,
  price_list_id: null,
  min_quantity: null,
  max_quantity: null,
  change:
    old_amount === null
      ? "created"
      : new_amount === null
        ? "deleted"
        : "updated",
  old_amount,
  new_amount,
  changed_at: at,
  ...extra,
})
const t = (iso: string) => new Date(iso).getTime()

describe("buildPriceChart", () => {
  const now = new Date("2026-03-10T00:00:00Z")

  it("draws one step line per variant, carried forward at every point and ended at now with the current price", () => {
    const { series, points } = buildPriceChart({
      now,
      variants: [
        { id: "a", label: "A-1", current: 12345 },
        { id: "b", label: "B-2", current: 9000 },
      ],
      // newest first, as the API answers
      changes: [
        change("a", "2026-03-01T00:00:00Z", 11000, 12345),
        change("b", "2026-02-15T00:00:00Z", null, 9000),
        change("a", "2026-02-01T00:00:00Z", null, 11000),
      ],
      observations: [],
    })
    expect(series).toEqual([
      { key: "v_a", label: "A-1", kind: "ours", variant_id: "a" },
      { key: "v_b", label: "B-2", kind: "ours", variant_id: "b" },
    ])
    expect(points).toEqual([
      { t: t("2026-02-01T00:00:00Z"), v_a: 11000, v_b: null },
      { t: t("2026-02-15T00:00:00Z"), v_a: 11000, v_b: 9000 },
      { t: t("2026-03-01T00:00:00Z"), v_a: 12345, v_b: 9000 },
      { t: now.getTime(), v_a: 12345, v_b: 9000 },
    ])
  })

  it("keeps base TND prices only (no price list, region, tier or other currency) and breaks the line after a deletion", () => {
    const { points } = buildPriceChart({
      now,
      variants: [{ id: "a", label: "A", current: null }],
      changes: [
        change("a", "2026-01-01T00:00:00Z", null, 5000),
        change("a", "2026-01-02T00:00:00Z", null, 4000, {
          price_list_id: "pl_1",
        }),
        change("a", "2026-01-03T00:00:00Z", null, 30, { currency_code: "eur" }),
        change("a", "2026-01-04T00:00:00Z", null, 4500, { min_quantity: 10 }),
        change("a", "2026-01-05T00:00:00Z", null, 4600, { region_id: "reg_1" }),
        change("a", "2026-01-06T00:00:00Z", 5000, null),
      ],
      observations: [],
    })
    expect(points).toEqual([
      { t: t("2026-01-01T00:00:00Z"), v_a: 5000 },
      { t: t("2026-01-06T00:00:00Z"), v_a: null },
      { t: now.getTime(), v_a: null },
    ])
  })

  it("adds one line per watched supplier page of our variants, TND only, amounts given as text by the API", () => {
    const obs = (
      page: string,
      variant: string | null,
      at: string,
      amount: string,
      currency = "TND"
    ): SupplierObservation => ({
      watched_page_id: page,
      supplier: `Fournisseur ${page}`,
      variant_id: variant,
      observed_at: at,
      amount,
      currency,
    })
    const { series, points } = buildPriceChart({
      now,
      variants: [{ id: "a", label: "A-1", current: 12000 }],
      changes: [],
      observations: [
        obs("p1", "a", "2026-03-05T00:00:00Z", "99900"),
        obs("p1", "a", "2026-03-01T00:00:00Z", "89900"),
        obs("p2", "a", "2026-03-02T00:00:00Z", "4590", "EUR"),
        obs("p3", "other", "2026-03-02T00:00:00Z", "100"),
        obs("p4", null, "2026-03-02T00:00:00Z", "100"),
      ],
    })
    expect(series.map((s) => [s.key, s.label, s.kind])).toEqual([
      ["v_a", "A-1", "ours"],
      ["s_p1", "Fournisseur p1 (A-1)", "supplier"],
    ])
    expect(points).toEqual([
      { t: t("2026-03-01T00:00:00Z"), v_a: null, s_p1: 89900 },
      { t: t("2026-03-05T00:00:00Z"), v_a: null, s_p1: 99900 },
      { t: now.getTime(), v_a: 12000, s_p1: 99900 },
    ])
  })

  it("leaves out a variant with neither history nor price", () => {
    expect(
      buildPriceChart({
        now,
        variants: [{ id: "a", label: "A", current: null }],
        changes: [],
        observations: [],
      })
    ).toEqual({ series: [], points: [] })
  })
})

describe("currentTndPrice", () => {
  it("reads the base TND price, not a price list, region or tier price", () => {
    expect(
      currentTndPrice([
        { currency_code: "tnd", amount: 1, price_list_id: "pl" },
        { currency_code: "eur", amount: 2 },
        { currency_code: "tnd", amount: 3, min_quantity: 5 },
        {
          currency_code: "tnd",
          amount: 12345,
          price_list_id: null,
          region_id: null,
          min_quantity: null,
          max_quantity: null,
        },
      ])
    ).toBe(12345)
    expect(currentTndPrice([{ currency_code: "eur", amount: 2 }])).toBeNull()
    expect(currentTndPrice(undefined)).toBeNull()
  })
})
