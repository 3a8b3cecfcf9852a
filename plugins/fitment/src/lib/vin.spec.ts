import fc from "fast-check"
import {
  cleanVin,
  computeCheckDigit,
  decodeVin,
  modelYearCandidates,
  wmiMake,
} from "./vin"
import { decoded, now } from "./__fixtures__/decoded-vin"

describe("computeCheckDigit", () => {
  it("matches hand computation and published examples", () => {
    // all ones: sum of weights 89, 89 mod 11 = 1
    expect(computeCheckDigit("11111111111111111")).toBe("1")
    // the textbook example with an X check digit
    expect(computeCheckDigit("1M8GDM9AXKP042788")).toBe("X")
    expect(computeCheckDigit("1HGCM82633A004352")).toBe("3")
  })

  it("ignores position 9 itself", () => {
    expect(computeCheckDigit("1M8GDM9A0KP042788")).toBe("X")
  })
})

describe("decodeVin", () => {
  it("decodes a North-American VIN with its mandatory check digit", () => {
    const vin = decoded("1HGCM82633A004352")
    expect(vin).toMatchObject({
      wmi: "1HG",
      vds: "CM8263",
      vis: "3A004352",
      region: "north_america",
      make: "Honda",
      check_digit: "valid",
      serial: "004352",
      model_year_candidates: [2003],
    })
  })

  it("uses position 7 to pick the 30-year cycle in North America", () => {
    expect(decoded("1M8GDM9AXKP042788").model_year_candidates).toEqual([1989])
  })

  it("rejects a wrong mandatory check digit with a clear reason", () => {
    const result = decodeVin("1HGCM82643A004352", { now })
    expect(result.valid).toBe(false)
    if (!result.valid) {
      expect(result.check_digit).toBe("invalid")
      expect(result.check_digit_expected).toBe(
        computeCheckDigit("1HGCM82643A004352")
      )
      expect(result.errors[0].field).toBe("vin")
      expect(result.errors[0].reason).toMatch(/check digit at position 9/)
    }
  })

  it("reports not_applicable for a European VIN whose position 9 does not match", () => {
    const vin = decoded("VF3LCYHZPKS123456")
    expect(vin.make).toBe("Peugeot")
    expect(vin.region).toBe("europe")
    expect(vin.check_digit).toBe("not_applicable")
    expect(vin.check_digit_expected).toBe("5")
    expect(vin.model_year_candidates).toEqual([1989, 2019])
  })

  it("reports valid for a European VIN whose check digit happens to be used", () => {
    const body = "WVWZZZAUZ"
    const rest = "EW123456"
    const digit = computeCheckDigit(`${body.slice(0, 8)}0${rest}`)
    const vin = decoded(`${body.slice(0, 8)}${digit}${rest}`)
    expect(vin.check_digit).toBe("valid")
    expect(vin.make).toBe("Volkswagen")
    expect(vin.model_year_candidates).toEqual([1984, 2014])
  })

  it.each([
    ["VF1BB05CF12345678", "Renault"],
    ["VF7NCRHYHBY123456", "Citroën"],
    ["UU1HSDACN12345678", "Dacia"],
    ["KNAB2512BCT123456", "Kia"],
    ["NLHBB51CBEZ123456", "Hyundai"],
    ["ZFA31200000123456", "Fiat"],
    ["JTDKB20U703123456", "Toyota"],
    ["JTHBA30G365123456", "Lexus"],
    ["TMBJJ7NE4F0123456", "Skoda"],
    ["W0L0SDL0896123456", "Opel"],
    ["WDD2040082A123456", "Mercedes-Benz"],
    ["W1K2050421R123456", "Mercedes-Benz"],
    ["LVVDB11B1DD123456", "Chery"], // China: check digit mandatory, 1 is right,
    ["MA3FB32S8K0123456", "Suzuki"],
  ])("%s → %s", (vin, make) => {
    expect(decodeVin(vin, { now }).valid).toBe(true)
    expect(wmiMake(vin)).toBe(make)
  })

  it("returns make null for a WMI not in the table", () => {
    expect(decoded("VNVZZZ00000123456").make).toBeNull()
  })

  it("cleans spaces, dashes and lower case", () => {
    expect(cleanVin(" vf3-lcyhz pks 123456 ")).toBe("VF3LCYHZPKS123456")
    expect(decoded("vf3 lcyhz pks123456").vin).toBe("VF3LCYHZPKS123456")
  })

  it("explains a wrong length", () => {
    const result = decodeVin("VF3LCYHZPKS12345", { now })
    expect(result).toEqual({
      valid: false,
      vin: "VF3LCYHZPKS12345",
      errors: [{ field: "vin", reason: "VIN must have 17 characters, got 16" }],
    })
  })

  it("names every forbidden letter with its position", () => {
    const result = decodeVin("VF3LCYHZPOS12345I", { now })
    expect(result.valid).toBe(false)
    if (!result.valid) {
      expect(result.errors.map((e) => e.reason)).toEqual([
        "letter O at position 10 is not allowed in a VIN (I, O and Q are never used; did you mean 0?)",
        "letter I at position 17 is not allowed in a VIN (I, O and Q are never used; did you mean 1?)",
      ])
    }
  })

  it("rejects empty input and symbols", () => {
    expect(decodeVin("", { now })).toEqual({
      valid: false,
      vin: "",
      errors: [{ field: "vin", reason: "VIN is empty" }],
    })
    const result = decodeVin("VF3LCYHZ*KS123456", { now })
    expect(result.valid).toBe(false)
    if (!result.valid) {
      expect(result.errors[0].reason).toBe(
        'character "*" at position 9 is not allowed in a VIN (only A-Z and 0-9)'
      )
    }
  })

  it("never throws and always answers with errors or a decoded VIN", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (input) => {
        const result = decodeVin(input, { now })
        return result.valid
          ? result.vin.length === 17
          : result.errors.length > 0
      })
    )
  })

  it("accepts every 17-character VIN whose check digit is right", () => {
    const allowed = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789".split("")
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...allowed), { minLength: 17, maxLength: 17 }),
        (chars) => {
          chars[0] = "1"
          chars[8] = "0"
          chars[8] = computeCheckDigit(chars.join(""))
          const result = decodeVin(chars.join(""), { now })
          return result.valid && result.check_digit === "valid"
        }
      )
    )
  })
})

describe("modelYearCandidates", () => {
  it("gives both 30-year candidates inside the plausible range", () => {
    expect(modelYearCandidates("VF3LCYHZPAS123456", { now })).toEqual([
      1980, 2010,
    ])
    expect(modelYearCandidates("VF3LCYHZPSS123456", { now })).toEqual([
      1995, 2025,
    ])
    // "T" is 1996 or 2026; 2026 = now + 1 is still plausible
    expect(modelYearCandidates("VF3LCYHZPTS123456", { now })).toEqual([
      1996, 2026,
    ])
    // "V" is 1997 or 2027; 2027 is beyond now + 1
    expect(modelYearCandidates("VF3LCYHZPVS123456", { now })).toEqual([1997])
    expect(modelYearCandidates("VF3LCYHZP5S123456", { now })).toEqual([2005])
  })

  it("honours minYear and returns nothing for characters that encode no year", () => {
    expect(
      modelYearCandidates("VF3LCYHZPAS123456", { now, minYear: 2000 })
    ).toEqual([2010])
    expect(modelYearCandidates("VF3LCYHZP0S123456", { now })).toEqual([])
    expect(modelYearCandidates("VF3LCYHZPZS123456", { now })).toEqual([])
    expect(modelYearCandidates("VF3LCYHZPUS123456", { now })).toEqual([])
  })
})

describe("Chinese VINs", () => {
  it("treat the check digit as mandatory", () => {
    expect(decodeVin("LVVDB11B7DD123456", { now }).valid).toBe(false)
  })
})
