import { parseVehicleCsv } from "./csv-import"
import { planVehicleImport, VehicleSnapshot } from "./plan-vehicles"
import { VehicleRecord } from "./vehicle-match"
import { generateVehicleFile } from "./__fixtures__/messy-files"

const now = new Date("2025-06-01T00:00:00Z")

/** A tiny in-memory store that applies a vehicle plan the way the service will: ids for new records. */
function applyVehiclePlan(
  snapshot: VehicleSnapshot,
  plan: ReturnType<typeof planVehicleImport>
): VehicleSnapshot {
  let n =
    snapshot.vehicles.length + snapshot.makes.length + snapshot.models.length
  const makes = [
    ...snapshot.makes,
    ...plan.makes_to_create.map((m) => ({ id: `make_${++n}`, name: m.name })),
  ]
  const models = [...snapshot.models]
  for (const m of plan.models_to_create) {
    const make = makes.find(
      (x) =>
        x.name ===
        plan.create.find((c) => c.vehicle.make_key === m.make_key)!.vehicle.make
    )!
    models.push({ id: `model_${++n}`, make_id: make.id, name: m.name })
  }
  const vehicles: VehicleRecord[] = snapshot.vehicles.map((v) => {
    const update = plan.update.find((u) => u.id === v.id)
    return update
      ? {
          ...v,
          ...Object.fromEntries(
            Object.entries(update.changes).map(([k, c]) => [k, c.to])
          ),
        }
      : v
  })
  for (const { vehicle } of plan.create) {
    const {
      row: _row,
      key: _key,
      make_key: _mk,
      model_key: _mok,
      ...fields
    } = vehicle
    vehicles.push({ id: `veh_${++n}`, ...fields })
  }
  return { makes, models, vehicles }
}

describe("planVehicleImport", () => {
  const csv = [
    "make;model;year_from;year_to;engine;engine_code;hp;fuel;ktype",
    "VW;Golf VII Variant;2013;;1.6 TDI;CLHA;110;Diesel;1",
    "Peugeot;208 II;2019;;1.2 PureTech;HMZ;100;Essence;2",
    "Wallys;Iris;2015;;1.2;;75;essence;3",
    "Volkswagen;golf vii;2013;;1.6 TDI;CLHA;110;Gazole;",
    ";x;2013;;;;;;",
  ].join("\n")

  it("plans makes, models and vehicles to create, and keeps invalid rows", () => {
    const snapshot: VehicleSnapshot = {
      makes: [{ id: "make_vw", name: "Volkswagen" }],
      models: [{ id: "model_golf", make_id: "make_vw", name: "Golf" }],
      vehicles: [],
    }
    const plan = planVehicleImport(parseVehicleCsv(csv, { now }), snapshot)
    expect(plan.makes_to_create.map((m) => m.name)).toEqual([
      "Peugeot",
      "Wallyscar",
    ])
    expect(
      plan.models_to_create.map((m) => [m.make_key, m.name, m.handle])
    ).toEqual([
      ["peugeot", "208", "peugeot-208"],
      ["wallyscar", "Iris", "wallyscar-iris"],
    ])
    expect(plan.create.map((c) => [c.row, c.make_id, c.model_id])).toEqual([
      [2, "make_vw", "model_golf"],
      [3, null, null],
      [4, null, null],
      [5, "make_vw", "model_golf"],
    ])
    expect(plan.summary).toEqual({
      created: 4,
      updated: 0,
      unchanged: 0,
      invalid: 1,
      duplicates: 0,
      total_rows: 5,
    })
    expect(plan.invalid[0].row).toBe(6)
  })

  it("updates changed fields only, never erases with an empty cell, and is idempotent", () => {
    const first = planVehicleImport(parseVehicleCsv(csv, { now }), {
      makes: [],
      models: [],
      vehicles: [],
    })
    const stored = applyVehiclePlan(
      { makes: [], models: [], vehicles: [] },
      first
    )
    const again = planVehicleImport(parseVehicleCsv(csv, { now }), stored)
    expect(again.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 4,
    })

    const changed = csv
      .replace("VW;Golf VII Variant;2013;;", "VW;Golf VII Variant;2013;2020;")
      .replace(";1.2;;75;essence;3", ";1.2;;75;essence;")
    const update = planVehicleImport(parseVehicleCsv(changed, { now }), stored)
    expect(update.update).toHaveLength(1)
    expect(update.update[0].changes).toEqual({
      year_to: { from: null, to: 2020 },
    })
    expect(update.summary).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 3,
    })
  })

  it("joins a stored make through its stored alias", () => {
    const plan = planVehicleImport(
      parseVehicleCsv("make,model,year_from\nWallys,Iris,2015\n", { now }),
      {
        makes: [
          { id: "make_w", name: "Wallys Car Tunisie", aliases: ["Wallys"] },
        ],
        models: [],
        vehicles: [],
      }
    )
    expect(plan.makes_to_create).toEqual([])
    expect(plan.create[0]).toMatchObject({
      make_id: "make_w",
      vehicle: { make: "Wallys Car Tunisie" },
    })
  })

  it("re-importing the 20,000-row messy file changes nothing", () => {
    const file = generateVehicleFile({
      vehicles: 20000,
      duplicates: 200,
      currentYear: 2025,
      seed: 11,
    })
    const parsed = parseVehicleCsv(file.csv, { now })
    const first = planVehicleImport(parsed, {
      makes: [],
      models: [],
      vehicles: [],
    })
    expect(first.summary.created).toBe(file.vehicles.length)
    expect(first.makes_to_create).toHaveLength(13)
    const stored = applyVehiclePlan(
      { makes: [], models: [], vehicles: [] },
      first
    )
    const second = planVehicleImport(parseVehicleCsv(file.csv, { now }), stored)
    expect(second.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: file.vehicles.length,
      invalid: file.broken.length,
    })
    expect(second.makes_to_create).toEqual([])
    expect(second.models_to_create).toEqual([])
  })
})
