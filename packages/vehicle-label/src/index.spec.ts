import { vehicleLabel, vehiclePeriod } from "./index"

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

  it("names the period a vehicle was built in, open when it still is", () => {
    expect(
      vehiclePeriod({ year_from: 2014, month_from: 3, year_to: null })
    ).toBe("03/2014 – en cours")
    expect(vehiclePeriod({ year_from: 1998, year_to: 2004, month_to: 7 })).toBe(
      "1998 – 07/2004"
    )
  })
})
