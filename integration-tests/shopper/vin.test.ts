/**
 * VIN to a model, through medusa-js on the real server: `GET /store/vehicles/decode?vin=` reads the model (and the
 * engine for PSA) from the maker's pattern, says position by position what it decoded and how sure it is, and
 * proposes only the matching vehicles of the base; make + model year when the model is not decodable. The expected
 * vehicles are read from the database with SQL of their own (other suites may add vehicles to the same base).
 */
import { computeCheckDigit } from "../../plugins/fitment/src/lib/vin"
import { sql, storeClient } from "../helpers/env"
import { signedIn } from "./journey-data"

jest.setTimeout(120000)

const client = storeClient()

/** The VIN with its 49 CFR 565.15 check digit in position 9 (for the makers that use it). */
function withCheckDigit(vin: string): string {
  return `${vin.slice(0, 8)}${computeCheckDigit(vin)}${vin.slice(9)}`
}

async function decode(vin: string): Promise<any> {
  return await client.client.request(
    "GET",
    `/store/vehicles/decode?vin=${encodeURIComponent(vin)}`
  )
}

/** Ids of the make's vehicles built in one of the years, narrowed by an SQL condition on md (model) and v (vehicle). */
async function expected(
  make: string,
  years: number[],
  where = "true",
  params: unknown[] = []
): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `SELECT v.id FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id
      WHERE mk.name = $1 AND EXISTS (SELECT 1 FROM unnest($2::int[]) y WHERE v.year_from <= y AND (v.year_to IS NULL OR v.year_to >= y))
        AND (${where})`,
    [make, years, ...params]
  )
  return rows.map((r) => r.id).sort()
}

const ids = (res: any): string[] => res.vehicles.map((v: any) => v.id).sort()

describe("VIN to a model", () => {
  it("Peugeot 206 1.4i: the type code 2C and the engine code KFV narrow 13+ vehicles of the year to the 206 1.4i", async () => {
    const res = await decode("VF32CKFVF44123456")
    expect(res).toMatchObject({
      vin: "VF32CKFVF44123456",
      make: { name: "Peugeot" },
      model_years: [2004],
      model: {
        code: "2C",
        positions: "4-5",
        names: ["206"],
        confidence: "probable",
        matched: true,
      },
      engine: {
        code: "KFV",
        positions: "6-8",
        confidence: "probable",
        matched: true,
      },
      narrowed_by: "model_engine",
      check_digit: "not_applicable",
    })
    const want = await expected(
      "Peugeot",
      [2004],
      `md.key = '206' AND v.engine_code LIKE 'KFV%'`
    )
    expect(want.length).toBeGreaterThanOrEqual(1)
    expect(ids(res)).toEqual(want)
    expect(
      res.vehicles.every(
        (v: any) => v.model.name === "206" && v.engine_code.startsWith("KFV")
      )
    ).toBe(true)
    // make + year alone: what the answer was before
    expect((await expected("Peugeot", [2004])).length).toBeGreaterThan(
      want.length + 5
    )
    expect(
      res.positions.map((p: any) => [
        p.positions,
        p.part,
        p.value,
        p.confidence,
      ])
    ).toEqual([
      ["1-3", "wmi", "VF3", "certain"],
      ["4-5", "model", "2C", "probable"],
      ["6-8", "engine", "KFV", "probable"],
      ["9", "check_digit", "F", "probable"],
      ["10", "model_year", "4", "probable"],
      ["11", "plant", "4", null],
      ["12-17", "serial", "123456", "certain"],
    ])
    for (const p of res.positions.filter((p: any) => p.confidence)) {
      expect(p.source).toEqual(expect.any(String))
    }
  })

  it("Citroën C3 II 1.4 HDi (8HR), 2009", async () => {
    const res = await decode("VF7SC8HRC9S123456")
    expect(res).toMatchObject({
      model: { names: ["C3 II"] },
      engine: { code: "8HR", matched: true },
      narrowed_by: "model_engine",
    })
    expect(ids(res)).toEqual(
      await expected(
        "Citroën",
        [2009],
        `md.key = 'c3' AND v.generation = 'II' AND v.engine_code LIKE '8HR%'`
      )
    )
    expect(res.count).toBeGreaterThanOrEqual(1)
  })

  it("Volkswagen Golf (type 1K, Wolfsburg, 2008): the Golf V and VI of 2008 only", async () => {
    const res = await decode("WVWZZZ1KZ8W123456")
    expect(res).toMatchObject({
      model: {
        code: "1K",
        positions: "7-8",
        names: ["Golf V", "Golf VI", "Jetta V"],
        matched: true,
      },
      engine: null,
      plant: {
        code: "W",
        name: "Wolfsburg (Allemagne)",
        confidence: "probable",
      },
      narrowed_by: "model",
    })
    const want = await expected(
      "Volkswagen",
      [2008],
      `md.key = 'golf' AND v.generation IN ('V', 'VI')`
    )
    expect(want.length).toBeGreaterThan(1)
    expect(ids(res)).toEqual(want)
  })

  it("Dacia Logan I (LS, 2004) and Renault Clio III (BR, 2008)", async () => {
    const logan = await decode("UU1LSDAFH40123456")
    expect(logan).toMatchObject({
      model: { names: ["Logan I"], body: "berline" },
      narrowed_by: "model",
    })
    expect(ids(logan)).toEqual(
      await expected("Dacia", [2004], `md.key = 'logan' AND v.generation = 'I'`)
    )
    const clio = await decode("VF1BR1B0H8A123456")
    expect(clio).toMatchObject({
      model: { code: "BR", names: ["Clio III"] },
      engine: null,
      narrowed_by: "model",
    })
    expect(ids(clio)).toEqual(
      await expected(
        "Renault",
        [2008],
        `md.key = 'clio' AND v.generation = 'III'`
      )
    )
    expect(clio.count).toBeGreaterThan(0)
  })

  it("Kia Sportage and Hyundai Accent with their check digits: the generation of the model year", async () => {
    const kia = await decode(withCheckDigit("KNDPB3A20B7123456"))
    expect(kia).toMatchObject({
      check_digit: "valid",
      model: { code: "P", positions: "4", names: ["Sportage"] },
      narrowed_by: "model",
    })
    expect(ids(kia)).toEqual(
      await expected("Kia", [1981, 2011], `md.key = 'sportage'`)
    )
    expect(kia.vehicles.every((v: any) => v.generation === "III")).toBe(true)
    const hyundai = await decode(withCheckDigit("KMHCT41DABU123456"))
    expect(hyundai).toMatchObject({
      check_digit: "valid",
      model: { names: ["Accent", "Accent RB", "Accent HC"] },
      narrowed_by: "model",
    })
    expect(ids(hyundai)).toEqual(
      await expected(
        "Hyundai",
        [1981, 2011],
        `md.key IN ('accent', 'accentrb', 'accenthc')`
      )
    )
    expect(hyundai.vehicles.map((v: any) => v.model.name)).toContain(
      "Accent RB"
    )
  })

  it("a model the table gives only as 'possible' does not narrow; the PSA engine code still does", async () => {
    const res = await decode("VF3MCYHZMJS123456")
    expect(res).toMatchObject({
      model: {
        names: ["3008 II", "5008 II"],
        confidence: "possible",
        matched: null,
      },
      engine: { code: "YHZ", matched: true },
      narrowed_by: "engine",
    })
    expect(ids(res)).toEqual(
      await expected("Peugeot", [2018], `v.engine_code LIKE 'YHZ%'`)
    )
  })

  it("falls back to make + model year when the model is not decodable", async () => {
    const res = await decode("VF1RFB000G1234567")
    expect(res).toMatchObject({
      model: null,
      engine: null,
      narrowed_by: "make_year",
    })
    expect(res.positions.find((p: any) => p.part === "model")).toMatchObject({
      positions: "4-5",
      value: "RF",
      meaning: null,
      confidence: null,
    })
    const want = await expected("Renault", [1986, 2016])
    expect(res.count).toBe(Math.min(want.length, 200))
    expect(ids(res).every((id) => want.includes(id))).toBe(true)
  })

  it("Mon garage: a VIN that names one vehicle is enough on its own; one that names several asks which, and takes it with vehicle_id", async () => {
    const res = await decode("VF32CKFVF44123456")
    // the demo base has one Peugeot 206 1.4i KFV of 2004; suites run before this one (imports of generated
    // vehicle files) may add more: the garage's answer is checked for what the base holds now
    const candidates = ids(res)
    expect(candidates.length).toBeGreaterThanOrEqual(1)
    const me = await signedIn("vin")
    if (candidates.length === 1) {
      const { garage_vehicle } = await me.client.request(
        "POST",
        "/store/customers/me/garage",
        { vin: "VF3 2CK FVF 44 123456" }
      )
      expect(garage_vehicle).toMatchObject({
        vehicle_id: candidates[0],
        vin: "VF32CKFVF44123456",
      })
    } else {
      const refused = await me.client
        .request("POST", "/store/customers/me/garage", {
          vin: "VF3 2CK FVF 44 123456",
        })
        .catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(
        new RegExp(
          `^vehicle_id: VIN VF32CKFVF44123456 .* matches ${candidates.length} vehicles`
        )
      )
      const { garage_vehicle } = await me.client.request(
        "POST",
        "/store/customers/me/garage",
        { vin: "VF32CKFVF44123456", vehicle_id: candidates[1] }
      )
      expect(garage_vehicle).toMatchObject({
        vehicle_id: candidates[1],
        vin: "VF32CKFVF44123456",
      })
    }
    const { garage_vehicles } = await me.client.request(
      "GET",
      "/store/customers/me/garage"
    )
    expect(garage_vehicles).toHaveLength(1)
  })
})
