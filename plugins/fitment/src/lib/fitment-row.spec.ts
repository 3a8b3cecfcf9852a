import {
  fitmentLinkHash,
  fitmentLinkKey,
  validateFitmentRow,
} from "./fitment-row"

const now = new Date("2025-06-01T00:00:00Z")

describe("fitmentLinkKey", () => {
  const link = {
    product_id: "p1",
    vehicle_id: "v1",
    position: "front",
    engine_code: "k9k",
    month_from: 201206,
    month_to: null,
  }

  it("identifies a link by product, vehicle and qualifiers", () => {
    expect(fitmentLinkKey(link)).toBe("p1|v1|front|k9k|201206|")
    expect(fitmentLinkKey({ ...link, engine_code: "K9K" })).toBe(
      fitmentLinkKey(link)
    )
    expect(fitmentLinkKey({ ...link, position: "rear" })).not.toBe(
      fitmentLinkKey(link)
    )
    expect(fitmentLinkKey({ ...link, month_to: 201912 })).not.toBe(
      fitmentLinkKey(link)
    )
  })

  it("has a fixed-width hash form", () => {
    expect(fitmentLinkHash(link)).toMatch(/^[0-9a-f]{40}$/)
    expect(fitmentLinkHash(link)).toBe(fitmentLinkHash({ ...link }))
    expect(fitmentLinkHash(link)).not.toBe(
      fitmentLinkHash({ ...link, vehicle_id: "v2" })
    )
  })
})

describe("validateFitmentRow", () => {
  it("turns a bare month plus the row's year into YYYYMM and checks the range", () => {
    const ok = validateFitmentRow(
      {
        sku: "A",
        make: "Renault",
        model: "Clio",
        year_from: "2012",
        year_to: "2016",
        month_from: "6",
        month_to: "2016-02",
      },
      2,
      {},
      { now }
    )
    expect(ok).toMatchObject({
      ok: true,
      fitment: { month_from: 201206, month_to: 201602 },
    })
    const bad = validateFitmentRow(
      {
        sku: "A",
        make: "Renault",
        model: "Clio",
        month_from: "2016-06",
        month_to: "2016-02",
      },
      3,
      {},
      { now }
    )
    expect(bad).toMatchObject({
      ok: false,
      errors: [
        {
          row: 3,
          column: "month_to",
          reason: "month_to 2016-02 is before month_from 2016-06",
        },
      ],
    })
  })

  it("accepts a vehicle named by id or KType alone", () => {
    expect(
      validateFitmentRow({ handle: "x", vehicle_id: "veh_1" }, 2, {}, { now })
        .ok
    ).toBe(true)
    expect(
      validateFitmentRow({ handle: "x", ktype: "12345" }, 2, {}, { now }).ok
    ).toBe(true)
    expect(validateFitmentRow({ handle: "x" }, 2, {}, { now })).toMatchObject({
      ok: false,
      errors: [
        {
          reason:
            "the vehicle is missing: give vehicle_id, ktype, or make and model",
        },
      ],
    })
  })

  it("refuses qualifiers on a universal row", () => {
    const result = validateFitmentRow(
      { sku: "A", universal: "oui", position: "avant" },
      4,
      { position: "Position" },
      { now }
    )
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          row: 4,
          column: "Position",
          reason:
            "position applies to a link with a vehicle; a universal row cannot carry it",
        },
      ],
    })
  })
})
