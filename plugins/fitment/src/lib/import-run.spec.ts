import { MedusaError } from "@medusajs/utils"
import {
  importLists,
  importSummary,
  ImportType,
  parseImportFile,
  shapeInvalid,
} from "./import-run"
import { refused } from "./__fixtures__/refused"
import { planFitmentImport, planVehicleImport } from "./plan"

const now = new Date("2025-06-01T00:00:00Z")

describe("parseImportFile", () => {
  it("refuses an unknown type naming it", () => {
    const e = refused(() => parseImportFile("brands" as ImportType, "a\n1\n"))
    expect(e.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(e.message).toBe(
      'type: must be "vehicles" or "fitments", got "brands"'
    )
  })

  it("refuses a header without the required columns, naming them", () => {
    const e = refused(() => parseImportFile("vehicles", "colour\nred\n"))
    expect(e.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(e.message).toMatch(/^header, column /)
  })

  it("reads a vehicles file", () => {
    const parsed = parseImportFile(
      "vehicles",
      "make,model,year_from\nRenault,Clio,2012\n",
      now
    )
    expect(parsed.total_rows).toBe(1)
    expect(parsed.rows).toHaveLength(1)
  })
})

describe("importSummary and importLists", () => {
  it("count a vehicles plan's new makes and models and cut the lists", () => {
    const parsed = parseImportFile(
      "vehicles",
      "make,model,year_from\nRenault,Clio,2012\nRenault,Megane,2010\n",
      now
    )
    const plan = planVehicleImport(parsed as never, {
      makes: [],
      models: [],
      vehicles: [],
    })
    const summary = importSummary("vehicles", plan)
    expect(summary).toMatchObject({
      created: 2,
      makes_created: 1,
      models_created: 2,
    })
    const one = importLists("vehicles", plan, 1)
    expect(one.created).toEqual([
      expect.objectContaining({ row: 2, make: "Renault", model: "Clio" }),
    ])
    expect(one.truncated).toBe(true)
    expect(importLists("vehicles", plan, 10).truncated).toBe(false)
  })

  it("count a fitments plan's links and list its invalid rows", () => {
    const parsed = parseImportFile(
      "fitments",
      "sku,vehicle_id\nABC-1,veh_1\nNOPE,veh_1\n",
      now
    )
    const plan = planFitmentImport(
      parsed as never,
      {
        products: [{ id: "prod_1", handle: "p", skus: ["ABC-1"] }],
        vehicles: [
          {
            id: "veh_1",
            make: "Renault",
            model: "Clio",
            year_from: 2012,
          } as never,
        ],
        links: [],
      },
      { now }
    )
    expect(importSummary("fitments", plan)).toMatchObject({
      links_created: 1,
      universal_set: 0,
    })
    expect(importLists("fitments", plan, 5).created).toEqual([
      {
        row: 2,
        product_id: "prod_1",
        vehicle_id: "veh_1",
        position: null,
        engine_code: null,
      },
    ])
    expect(plan.invalid.map(shapeInvalid)).toEqual([
      {
        row: 3,
        errors: [expect.objectContaining({ column: "sku", value: "NOPE" })],
      },
    ])
  })
})
