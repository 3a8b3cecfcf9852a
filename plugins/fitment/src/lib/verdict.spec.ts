import { decideVerdict, VerdictLink } from "./verdict"

const link = (over: Partial<VerdictLink> = {}): VerdictLink => ({
  engine_code: null,
  position: null,
  from_ym: null,
  to_ym: null,
  note_fr: null,
  ...over,
})

describe("decideVerdict", () => {
  it("a universal part fits any vehicle, even one without data", () => {
    expect(
      decideVerdict({
        universal: true,
        links: [],
        vehicleEngineCode: null,
        productLinks: 0,
        vehicleLinks: 0,
      }).verdict
    ).toBe("fits")
  })

  it("a link to the vehicle fits; with qualifiers the reason says so", () => {
    expect(
      decideVerdict({
        universal: false,
        links: [link()],
        vehicleEngineCode: "K9K",
        productLinks: 3,
        vehicleLinks: 9,
      })
    ).toMatchObject({
      verdict: "fits",
      reason: "fits this vehicle",
    })
    expect(
      decideVerdict({
        universal: false,
        links: [link({ position: "front" })],
        vehicleEngineCode: null,
        productLinks: 3,
        vehicleLinks: 9,
      }).reason
    ).toMatch(/conditions/)
  })

  it("engine codes compare normalised; a link for another engine does not fit and names both codes", () => {
    expect(
      decideVerdict({
        universal: false,
        links: [link({ engine_code: "k9k" })],
        vehicleEngineCode: "K9K",
        productLinks: 1,
        vehicleLinks: 1,
      }).verdict
    ).toBe("fits")
    const other = decideVerdict({
      universal: false,
      links: [link({ engine_code: "XYZ" })],
      vehicleEngineCode: "K9K",
      productLinks: 1,
      vehicleLinks: 1,
    })
    expect(other).toMatchObject({
      verdict: "does_not_fit",
      applicable: [],
      excluded: [{ engine_code: "XYZ" }],
    })
    expect(other.reason).toBe(
      "linked to this vehicle only for engine code XYZ, the vehicle has K9K"
    )
  })

  it("a vehicle no part is linked to gets unknown, even for a part that has fitment data", () => {
    expect(
      decideVerdict({
        universal: false,
        links: [],
        vehicleEngineCode: "K9K",
        productLinks: 40,
        vehicleLinks: 0,
      })
    ).toMatchObject({
      verdict: "unknown",
      reason: "no fitment data for this vehicle yet: no part is linked to it",
    })
  })

  it("a part without any link gets unknown; data on both sides and no link is does_not_fit", () => {
    expect(
      decideVerdict({
        universal: false,
        links: [],
        vehicleEngineCode: null,
        productLinks: 0,
        vehicleLinks: 5,
      })
    ).toMatchObject({
      verdict: "unknown",
      reason: "no fitment data for this part",
    })
    expect(
      decideVerdict({
        universal: false,
        links: [],
        vehicleEngineCode: null,
        productLinks: 2,
        vehicleLinks: 5,
      }).verdict
    ).toBe("does_not_fit")
  })
})
