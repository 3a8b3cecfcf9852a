import { vehicleLabel } from "./vehicle-label"

describe("vehicleLabel", () => {
  it("names make, model, generation, engine, engine code and period", () => {
    expect(
      vehicleLabel({
        make: { name: "Peugeot" },
        model: { name: "208" },
        generation: "II",
        engine: "1.2 PureTech 100",
        engine_code: "HMZ",
        year_from: 2019,
        year_to: null,
      })
    ).toBe("Peugeot 208 II 1.2 PureTech 100 (HMZ) · 2019 – en cours")
    expect(
      vehicleLabel({
        make: { name: "Dacia" },
        model: { name: "Logan" },
        year_from: 2013,
        month_from: 3,
        year_to: 2020,
        month_to: 12,
      })
    ).toBe("Dacia Logan · 03/2013 – 12/2020")
  })
})
