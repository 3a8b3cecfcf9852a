import { engineText, yearSpan } from "./fitment-vehicle-text"

describe("yearSpan", () => {
  it("gives both years, or an ellipsis while the vehicle is still built", () => {
    expect(yearSpan({ year_from: 2014, year_to: 2019 })).toBe("2014–2019")
    expect(yearSpan({ year_from: 2019, year_to: null })).toBe("2019–…")
  })
})

describe("engineText", () => {
  it("joins engine, engine code, power and fuel", () => {
    expect(
      engineText({
        engine: "1.5 dCi 90",
        engine_code: "K9K",
        power_hp: 90,
        fuel: "diesel",
      })
    ).toBe("1.5 dCi 90 (K9K) 90 ch diesel")
    expect(
      engineText({
        engine: null,
        engine_code: null,
        power_hp: null,
        fuel: "lpg",
      })
    ).toBe("GPL")
  })

  it("gives a dash when nothing is known", () => {
    expect(
      engineText({
        engine: null,
        engine_code: null,
        power_hp: null,
        fuel: null,
      })
    ).toBe("—")
  })
})
