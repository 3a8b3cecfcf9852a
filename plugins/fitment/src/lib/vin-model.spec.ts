import { computeCheckDigit } from "./vin"
import {
  decodeVinDetails,
  makerRule,
  positionSlice,
  VIN_MAKERS,
  VIN_MODELS,
  VIN_PLANTS,
  VinDetails,
} from "./vin-model"
import { decoded } from "./__fixtures__/decoded-vin"

function details(vin: string): VinDetails {
  return decodeVinDetails(decoded(vin))
}

/** The VIN with the check digit computed into position 9 (makers that use it). */
function withCheckDigit(vin: string): string {
  return `${vin.slice(0, 8)}${computeCheckDigit(vin)}${vin.slice(9)}`
}

function position(d: VinDetails, part: string) {
  return d.positions.find((p) => p.part === part)
}

describe("vin-patterns.json", () => {
  it("every row names its source, a known maker, valid positions and a confidence", () => {
    const makes = new Set(VIN_MAKERS.map((m) => m.make))
    for (const m of VIN_MAKERS) {
      expect(m.source.length).toBeGreaterThan(20)
      expect(m.wmi.length).toBeGreaterThan(0)
      expect(() => positionSlice(m.model_positions)).not.toThrow()
      const [a, b] = positionSlice(m.model_positions)
      expect(a).toBeGreaterThanOrEqual(3)
      expect(b).toBeLessThanOrEqual(8)
      expect(["certain", "probable"]).toContain(m.model_year)
    }
    for (const row of [...VIN_MODELS, ...VIN_PLANTS]) {
      expect(makes.has(row.make)).toBe(true)
      expect(row.source.length).toBeGreaterThan(20)
      expect(["probable", "possible"]).toContain(row.confidence)
    }
    for (const row of VIN_MODELS) {
      const rule = VIN_MAKERS.find((m) => m.make === row.make)!
      const [a, b] = positionSlice(rule.model_positions)
      for (const code of row.codes) {
        expect(code).toMatch(/^[A-HJ-NPR-Z0-9]+$/)
        expect(code.length).toBe(b - a)
      }
      for (const wmi of row.wmi ?? []) {
        expect(rule.wmi).toContain(wmi)
      }
      expect(row.models.length).toBeGreaterThan(0)
    }
  })

  it("no code is claimed twice for the same maker and WMI", () => {
    const seen = new Map<string, string>()
    for (const row of VIN_MODELS) {
      const rule = VIN_MAKERS.find((m) => m.make === row.make)!
      for (const wmi of row.wmi ?? rule.wmi) {
        for (const code of row.codes) {
          const key = `${wmi}|${code}`
          expect(seen.get(key)).toBeUndefined()
          seen.set(key, row.source)
        }
      }
    }
  })

  it("covers the makes most common in Tunisia", () => {
    for (const make of [
      "Peugeot",
      "Citroën",
      "Renault",
      "Dacia",
      "Volkswagen",
      "Kia",
      "Hyundai",
    ]) {
      expect(
        VIN_MODELS.filter((r) => r.make === make && r.confidence === "probable")
          .length
      ).toBeGreaterThan(0)
    }
    expect(makerRule("vf3")?.make).toBe("Peugeot")
    expect(makerRule("ZFA")).toBeNull()
  })
})

describe("decodeVinDetails", () => {
  it("Peugeot 206: type 2C in 4-5, engine KFV in 6-8, model year 2004, no check digit", () => {
    const d = details("VF32CKFVF44123456")
    expect(d.model).toMatchObject({
      code: "2C",
      positions: "4-5",
      names: ["206"],
      confidence: "probable",
      targets: [{ model: "206", generation: null }],
    })
    expect(d.engine).toMatchObject({
      code: "KFV",
      positions: "6-8",
      confidence: "probable",
    })
    expect(d.positions.map((p) => [p.positions, p.part])).toEqual([
      ["1-3", "wmi"],
      ["4-5", "model"],
      ["6-8", "engine"],
      ["9", "check_digit"],
      ["10", "model_year"],
      ["11", "plant"],
      ["12-17", "serial"],
    ])
    expect(position(d, "wmi")).toMatchObject({
      value: "VF3",
      meaning: "constructeur : Peugeot",
      confidence: "certain",
    })
    expect(position(d, "model_year")).toMatchObject({
      value: "4",
      meaning: "année modèle : 2004",
      confidence: "probable",
    })
    expect(position(d, "check_digit")?.meaning).toMatch(
      /pas de chiffre de contrôle/
    )
    expect(position(d, "serial")).toMatchObject({
      value: "123456",
      confidence: "certain",
    })
    expect(d.plant).toEqual({
      code: "4",
      name: null,
      confidence: null,
      source: null,
    })
  })

  it("Peugeot: the 308 SW I body and its engine; a shared 3008 II / 5008 II code is only 'possible'", () => {
    const sw = details("VF34H9HXH8S123456")
    expect(sw.model).toMatchObject({
      names: ["308 I"],
      body: "break (SW)",
      confidence: "probable",
    })
    expect(sw.engine?.code).toBe("9HX")
    const suv = details("VF3MCYHZMJS123456")
    expect(suv.model).toMatchObject({
      names: ["3008 II", "5008 II"],
      confidence: "possible",
    })
    expect(suv.engine?.code).toBe("YHZ")
  })

  it("Citroën C3 II with the 1.4 HDi 8HR", () => {
    const d = details("VF7SC8HRC9S123456")
    expect(d.model).toMatchObject({
      code: "SC",
      names: ["C3 II"],
      confidence: "probable",
    })
    expect(d.engine?.code).toBe("8HR")
    expect(position(d, "model_year")?.meaning).toBe("année modèle : 2009")
  })

  it("Renault Clio III (BR) and Mégane II saloon (LM): model and body, engine not readable", () => {
    const clio = details("VF1BR1B0H8A123456")
    expect(clio.model).toMatchObject({
      code: "BR",
      names: ["Clio III"],
      body: "citadine 5 portes (BR) ou 3 portes (CR)",
    })
    expect(clio.engine).toBeNull()
    expect(clio.positions.find((p) => p.positions === "6-8")).toMatchObject({
      part: "vds",
      value: "1B0",
      meaning: null,
      confidence: null,
    })
    expect(details("VF1LM1B0H35123456").model).toMatchObject({
      names: ["Mégane II"],
      body: "berline 4 portes",
    })
  })

  it("a Renault code outside the table decodes no model (the caller falls back to make and year)", () => {
    const d = details("VF1RFB000G1234567")
    expect(d.model).toBeNull()
    expect(position(d, "model")).toMatchObject({
      positions: "4-5",
      value: "RF",
      meaning: null,
      confidence: null,
    })
    expect(position(d, "model_year")?.meaning).toBe(
      "année modèle : 1986 ou 2016"
    )
  })

  it("Dacia Logan I (LS) and Duster I (HS)", () => {
    expect(details("UU1LSDAFH40123456").model).toMatchObject({
      names: ["Logan I"],
      body: "berline",
    })
    expect(details("UU1HSDACN45123456").model).toMatchObject({
      names: ["Duster I"],
      body: "SUV",
    })
  })

  it("Volkswagen: model in 7-8 behind the ZZZ filler, model year, plant Wolfsburg", () => {
    const d = details("WVWZZZ1KZ8W123456")
    expect(d.model).toMatchObject({
      code: "1K",
      positions: "7-8",
      names: ["Golf V", "Golf VI", "Jetta V"],
    })
    expect(d.engine).toBeNull()
    expect(position(d, "vds")).toMatchObject({ positions: "4-6", value: "ZZZ" })
    expect(position(d, "model_year")).toMatchObject({
      meaning: "année modèle : 2008",
      confidence: "certain",
    })
    expect(d.plant).toMatchObject({
      code: "W",
      name: "Wolfsburg (Allemagne)",
      confidence: "probable",
    })
    expect(details("WVGZZZ5NZBW123456").model?.names).toEqual([
      "Tiguan I",
      "Tiguan II",
    ])
  })

  it("Volkswagen North America: the check digit is computed and valid", () => {
    const vin = withCheckDigit("3VWDX7AJ0BM123456")
    const d = decoded(vin)
    expect(d.check_digit).toBe("valid")
    expect(position(decodeVinDetails(d), "check_digit")?.meaning).toBe(
      "chiffre de contrôle juste"
    )
    expect(decodeVinDetails(d).plant.name).toBe("Puebla (Mexique)")
  })

  it("Kia Sportage (KNDP, valid check digit), Cerato (KNAF); Picanto only 'possible'", () => {
    const vin = withCheckDigit("KNDPB3A20B7123456")
    const d = decoded(vin)
    expect(d.check_digit).toBe("valid")
    const sportage = decodeVinDetails(d)
    expect(sportage.model).toMatchObject({
      code: "P",
      positions: "4",
      names: ["Sportage"],
      confidence: "probable",
    })
    // outside North America position 7 does not tell the 30-year cycle: 1981 stays a candidate (the vehicles' years decide)
    expect(position(sportage, "model_year")).toMatchObject({
      meaning: "année modèle : 1981 ou 2011",
      confidence: "certain",
    })
    expect(position(sportage, "vds")).toMatchObject({
      positions: "5-8",
      value: vin.slice(4, 8),
    })
    expect(details(withCheckDigit("KNAFK4A60E5123456")).model?.names).toEqual([
      "Cerato",
      "Forte",
    ])
    expect(details(withCheckDigit("KNABE512AAT123456")).model?.confidence).toBe(
      "possible"
    )
    // a KND code the table gives only to KNA/KNE is not decoded
    expect(details(withCheckDigit("KNDFK4A60E5123456")).model).toBeNull()
  })

  it("Kia: a check digit that does not match is reported as a probable typo", () => {
    const good = withCheckDigit("KNDPB3A20B7123456")
    const wrong = `${good.slice(0, 8)}${good[8] === "1" ? "2" : "1"}${good.slice(9)}`
    const d = details(wrong)
    expect(position(d, "check_digit")?.meaning).toMatch(
      /faute de frappe probable/
    )
  })

  it("Hyundai Accent (KMHC) and Tucson / ix35 (KM8J) with valid check digits", () => {
    const accent = decoded(withCheckDigit("KMHCT41DABU123456"))
    expect(accent.check_digit).toBe("valid")
    expect(decodeVinDetails(accent).model?.names).toEqual([
      "Accent",
      "Accent RB",
      "Accent HC",
    ])
    expect(accent.model_year_candidates).toEqual([1981, 2011])
    expect(details(withCheckDigit("KM8JU3AC0DU123456")).model?.names).toEqual([
      "Tucson",
      "ix35",
    ])
  })

  it("a maker without a rule gets the structure only", () => {
    const d = details("ZFA19900000123456")
    expect(d.model).toBeNull()
    expect(d.engine).toBeNull()
    expect(position(d, "vds")).toMatchObject({
      positions: "4-8",
      meaning: null,
    })
    expect(position(d, "wmi")?.meaning).toBe("constructeur : Fiat")
  })
})
