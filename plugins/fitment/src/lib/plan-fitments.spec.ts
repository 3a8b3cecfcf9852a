import { parseFitmentCsv, parseVehicleCsv } from "./csv-import"
import { LinkRecord, planFitmentImport, ProductRecord } from "./plan-fitments"
import { VehicleRecord } from "./vehicle-match"
import {
  generateFitmentFile,
  generateVehicleFile,
} from "./__fixtures__/messy-files"

const now = new Date("2025-06-01T00:00:00Z")

describe("planFitmentImport", () => {
  const vehicles: VehicleRecord[] = [
    {
      id: "v1",
      make: "Peugeot",
      model: "208",
      generation: "II",
      year_from: 2019,
      year_to: null,
      engine: "1.2 PureTech",
      engine_code: "HMZ",
      fuel: "petrol",
      ktype: 101,
    },
    {
      id: "v2",
      make: "Peugeot",
      model: "208",
      generation: "II",
      year_from: 2019,
      year_to: null,
      engine: "1.5 BlueHDi",
      engine_code: "YHY",
      fuel: "diesel",
      ktype: 102,
    },
    {
      id: "v3",
      make: "Peugeot",
      model: "208",
      generation: "I",
      year_from: 2012,
      year_to: 2019,
      engine: "1.4 HDi",
      engine_code: null,
      fuel: "diesel",
      ktype: 103,
    },
    {
      id: "v4",
      make: "Renault",
      model: "Clio",
      generation: "IV",
      year_from: 2012,
      year_to: 2019,
      engine: "1.5 dCi",
      engine_code: "K9K",
      fuel: "diesel",
      ktype: 104,
    },
  ]
  const products: ProductRecord[] = [
    { id: "p1", handle: "plaquettes-avant-208", skus: ["PLQ-208"] },
    { id: "p2", handle: "huile-5w30", skus: ["HUILE-5W30"], universal: false },
    { id: "p3", handle: "filtre-gasoil", skus: ["FG-1"] },
  ]

  it("expands selectors into links, resolves products, reports unknown products and vehicles", () => {
    const csv = [
      "sku,handle,make,model,year_from,year_to,engine_code,fuel,ktype,position,qty,note_fr,universal",
      "PLQ-208,,Peugeot,208,2012,,,,,avant,4,,",
      ",huile-5w30,,,,,,,,,,,oui",
      "FG-1,,,,,,,,104,,1,,",
      "FG-1,,Peugeot,208,2016,2020,HMZ,,,,,,",
      "NOPE,,Peugeot,208,,,,,,,,,",
      "FG-1,,Fiat,Punto,,,,,,,,,",
      "PLQ-208,,Peugeot,208 II,,,,,,avant,2,,",
    ].join("\n")
    const plan = planFitmentImport(
      parseFitmentCsv(csv, { now }),
      { products, vehicles, links: [] },
      { now }
    )
    expect(
      plan.create.map((l) => [
        l.row,
        l.product_id,
        l.vehicle_id,
        l.position,
        l.engine_code,
        l.quantity,
      ])
    ).toEqual([
      [2, "p1", "v1", "front", null, 4],
      [2, "p1", "v2", "front", null, 4],
      [2, "p1", "v3", "front", null, 4],
      [4, "p3", "v4", null, null, 1],
      // engine code HMZ keeps v1 (HMZ) and v3 (code not recorded), drops v2 (YHY)
      [5, "p3", "v1", null, "HMZ", null],
      [5, "p3", "v3", null, "HMZ", null],
    ])
    expect(plan.universal.set).toEqual([{ product_id: "p2", row: 3 }])
    expect(plan.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [6, "sku", 'no product with sku "NOPE"'],
      [7, "model", "no vehicle matches Fiat Punto"],
      [8, "qty", "row 2 gives the same link (vehicle v1) with quantity 4"],
    ])
    expect(plan.invalid.map((r) => r.row)).toEqual([6, 7, 8])
    expect(plan.invalid[0].cells[0]).toBe("NOPE")
    expect(plan.summary).toMatchObject({
      created: 7,
      updated: 0,
      unchanged: 0,
      invalid: 3,
      rows_valid: 4,
    })
  })

  it("compares with stored links: notes and quantity update, identical links stay", () => {
    const csv =
      "sku,ktype,position,quantity,note_fr\nPLQ-208,101,avant,2,Sauf ABS\nPLQ-208,102,avant,2,\n"
    const links: LinkRecord[] = [
      {
        id: "l1",
        product_id: "p1",
        vehicle_id: "v1",
        position: "front",
        quantity: 2,
        note_fr: null,
      },
      {
        id: "l2",
        product_id: "p1",
        vehicle_id: "v2",
        position: "front",
        quantity: 2,
        note_fr: "ancienne note",
      },
    ]
    const plan = planFitmentImport(
      parseFitmentCsv(csv, { now }),
      { products, vehicles, links },
      { now }
    )
    expect(plan.update).toEqual([
      expect.objectContaining({
        id: "l1",
        changes: { note_fr: { from: null, to: "Sauf ABS" } },
      }),
    ])
    expect(plan.unchanged).toEqual([{ id: "l2", row: 3 }])
    expect(plan.create).toEqual([])
  })

  it("re-importing a 20,000-row fitment file changes nothing", () => {
    const vehicleFile = generateVehicleFile({
      vehicles: 2000,
      duplicates: 0,
      currentYear: 2025,
      seed: 3,
    })
    const storedVehicles: VehicleRecord[] = parseVehicleCsv(vehicleFile.csv, {
      now,
    }).rows.map((v, i) => ({ ...v, id: `v${i}` }))
    const skus = Array.from(
      { length: 500 },
      (_, i) => `SKU-${String(i).padStart(5, "0")}`
    )
    const catalogue: ProductRecord[] = skus.map((sku, i) => ({
      id: `p${i}`,
      handle: `product-${i}`,
      skus: [sku],
    }))
    const file = generateFitmentFile(vehicleFile.vehicles, skus, 20000)
    const parsed = parseFitmentCsv(file.csv, { now })
    expect(parsed.total_rows).toBe(20000)

    const first = planFitmentImport(
      parsed,
      { products: catalogue, vehicles: storedVehicles, links: [] },
      { now }
    )
    expect(first.create).toHaveLength(file.links)
    expect(first.invalid.map((r) => r.row)).toEqual(
      file.broken.map((b) => b.line)
    )
    for (const b of file.broken) {
      const error = first.errors.find((e) => e.row === b.line)!
      expect([error.column, error.reason]).toEqual([
        b.column,
        expect.stringMatching(b.reason),
      ])
    }
    const links: LinkRecord[] = first.create.map((l, i) => ({
      ...l,
      id: `l${i}`,
    }))
    const second = planFitmentImport(
      parseFitmentCsv(file.csv, { now }),
      { products: catalogue, vehicles: storedVehicles, links },
      { now }
    )
    expect(second.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: file.links,
    })
  })
})
