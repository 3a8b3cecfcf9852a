import { VehicleSelector } from "./fitment-row"
import {
  buildVehicleIndex,
  matchVehicles,
  VehicleRecord,
} from "./vehicle-match"

const now = new Date("2025-06-01T00:00:00Z")
const vehicles: VehicleRecord[] = [
  {
    id: "a",
    make: "Mercedes-Benz",
    model: "Classe C",
    generation: "W204",
    body: "sedan",
    year_from: 2007,
    year_to: 2014,
    engine: "C 220 CDI",
    engine_code: "OM651",
    fuel: "diesel",
    ktype: 1,
  },
  {
    id: "b",
    make: "Mercedes-Benz",
    model: "Classe C",
    generation: "W204",
    body: "estate",
    year_from: 2008,
    year_to: 2014,
    engine: "C 200",
    engine_code: null,
    fuel: "petrol",
    ktype: 2,
  },
  {
    id: "c",
    make: "Mercedes-Benz",
    model: "Classe C",
    generation: "W205",
    body: "sedan",
    year_from: 2014,
    year_to: null,
    engine: "C 220 d",
    engine_code: "OM651",
    fuel: "diesel",
    ktype: 3,
  },
  {
    id: "d",
    make: "Volkswagen",
    model: "Golf VII Variant",
    year_from: 2013,
    year_to: 2020,
    engine: "1.6 TDI",
    fuel: "diesel",
    ktype: 3,
  },
]
const index = buildVehicleIndex(vehicles)
const none: VehicleSelector = {
  vehicle_id: null,
  ktype: null,
  make: null,
  make_key: null,
  model: null,
  model_key: null,
  generation: null,
  body: null,
  year_from: null,
  year_to: null,
  engine: null,
  engine_code: null,
  fuel: null,
}
const ids = (s: Partial<VehicleSelector>) =>
  matchVehicles({ ...none, ...s }, index, now).map((v) => v.id)

describe("matchVehicles", () => {
  it("narrows a make + model by generation, body, fuel, engine and years", () => {
    const mb = { make_key: "mercedesbenz", model_key: "classec" }
    expect(ids(mb)).toEqual(["a", "b", "c"])
    expect(ids({ ...mb, generation: "w204" })).toEqual(["a", "b"])
    expect(ids({ ...mb, body: "estate" })).toEqual(["b"])
    expect(ids({ ...mb, fuel: "diesel" })).toEqual(["a", "c"])
    expect(ids({ ...mb, engine: "c220d" })).toEqual(["c"])
    expect(ids({ ...mb, year_from: 2015 })).toEqual(["c"])
    expect(ids({ ...mb, year_to: 2007 })).toEqual(["a"])
  })

  it("keeps vehicles without a recorded engine code when the row gives one", () => {
    expect(
      ids({
        make_key: "mercedesbenz",
        model_key: "classec",
        engine_code: "M274",
      })
    ).toEqual(["b"])
  })

  it("reads body and generation written into stored model names", () => {
    expect(
      ids({
        make_key: "volkswagen",
        model_key: "golf",
        generation: "VII",
        body: "estate",
      })
    ).toEqual(["d"])
  })

  it("finds by id and KType, and still checks the other columns given", () => {
    expect(ids({ vehicle_id: "b" })).toEqual(["b"])
    expect(ids({ vehicle_id: "zz" })).toEqual([])
    expect(ids({ ktype: 3 })).toEqual(["c", "d"])
    expect(ids({ ktype: 3, make_key: "volkswagen" })).toEqual(["d"])
    expect(ids({})).toEqual([])
  })

  it("with vehicle_id, an engine code is the link's qualifier, not a filter (a link for another engine of that vehicle)", () => {
    expect(ids({ vehicle_id: "a", engine_code: "XYZ" })).toEqual(["a"])
    // without the id, the engine code still narrows make + model
    expect(
      ids({
        make_key: "mercedesbenz",
        model_key: "classec",
        engine_code: "XYZ",
      })
    ).toEqual(["b"])
  })
})
