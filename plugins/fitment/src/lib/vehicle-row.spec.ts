import { validateVehicleRow, vehicleKey } from "./vehicle-row"

const now = new Date("2025-06-01T00:00:00Z")
const headers = {}

describe("vehicleKey", () => {
  it("is the same for spellings of one vehicle", () => {
    const a = vehicleKey({
      make: "VW",
      model: "Golf VII Variant",
      year_from: 2013,
      engine: "1.6 TDI",
      engine_code: "clha",
      fuel: "diesel",
    })
    const b = vehicleKey({
      make: "Volkswagen",
      model: "golf",
      generation: "vii",
      body: "Break",
      year_from: 2013,
      engine: "1,6 tdi",
      engine_code: "CLHA",
      fuel: "diesel",
    })
    expect(a).toBe(b)
    expect(a).toBe("volkswagen|golf|vii|estate|2013|clha|16tdi|diesel")
  })

  it("separates what makes another vehicle", () => {
    const base = {
      make: "Renault",
      model: "Clio IV",
      year_from: 2012,
      engine: "1.5 dCi 90",
      engine_code: "K9K",
      fuel: "diesel",
    }
    const key = vehicleKey(base)
    expect(vehicleKey({ ...base, engine: "1.5 dCi 110" })).not.toBe(key)
    expect(vehicleKey({ ...base, year_from: 2013 })).not.toBe(key)
    expect(vehicleKey({ ...base, model: "Clio IV Estate" })).not.toBe(key)
    expect(vehicleKey({ ...base, model: "Clio III" })).not.toBe(key)
    expect(vehicleKey({ ...base, fuel: "petrol" })).not.toBe(key)
  })
})

describe("validateVehicleRow", () => {
  const row = {
    make: "Peugeot",
    model: "208",
    year_from: "2019-06",
    year_to: "",
    power_kw: "74",
  }

  it("derives hp from kW unless told not to, and reads the month from the year cell", () => {
    const ok = validateVehicleRow(row, 2, headers, { now })
    expect(ok).toMatchObject({
      ok: true,
      vehicle: {
        power_kw: 74,
        power_hp: 101,
        year_from: 2019,
        month_from: 6,
        year_to: null,
      },
    })
    const raw = validateVehicleRow(row, 2, headers, { now, derivePower: false })
    expect(raw).toMatchObject({
      ok: true,
      vehicle: { power_kw: 74, power_hp: null },
    })
  })

  it("refuses a month column that contradicts the year cell", () => {
    const result = validateVehicleRow(
      { ...row, month_from: "3" },
      5,
      { month_from: "Mois début" },
      { now }
    )
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 5,
          column: "Mois début",
          value: "3",
          reason:
            "month 3 contradicts the month written in the year column (6)",
        },
      ],
    })
  })

  it("refuses an unknown body and litres in the cc column", () => {
    const result = validateVehicleRow(
      { ...row, body: "soucoupe", displacement_cc: "1.6" },
      3,
      headers,
      { now }
    )
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.map((e) => [e.column, e.reason])).toEqual([
        ["body", expect.stringMatching(/^unknown body "soucoupe"/)],
        ["displacement_cc", '"1.6" must be a whole number'],
      ])
    }
  })
})
