import {
  brandOf,
  LinkVehicleRow,
  shapeLink,
  shapeVehicle,
  shapeVehiclePart,
  storeLink,
} from "./fitment-shape"

const ROW: LinkVehicleRow = {
  id: "fit_1",
  product_id: "prod_1",
  variant_id: null,
  vehicle_id: "veh_1",
  position: "front",
  quantity: 2,
  engine_code: "K9K",
  from_ym: 201403,
  to_ym: null,
  note_fr: "avec ABS",
  note_ar: null,
  source: "staff",
  created_at: new Date("2026-01-01T00:00:00Z"),
  updated_at: new Date("2026-01-02T00:00:00Z"),
  v_id: "veh_1",
  make_id: "vmake_1",
  make_name: "Renault",
  make_handle: "renault",
  model_id: "vmodel_1",
  model_name: "Clio",
  model_handle: "clio",
  generation: "IV",
  body: null,
  year_from: 2012,
  month_from: 11,
  year_to: 2019,
  month_to: null,
  engine: "1.5 dCi",
  vehicle_engine_code: "K9K",
  displacement_cc: 1461,
  power_kw: "66.00",
  power_hp: null,
  fuel: "diesel",
  ktype: 12345,
}

describe("shapeVehicle", () => {
  it("nests make and model and gives power as numbers", () => {
    const v = shapeVehicle(ROW)
    expect(v.id).toBe("veh_1")
    expect(v.make).toEqual({
      id: "vmake_1",
      name: "Renault",
      handle: "renault",
    })
    expect(v.model).toEqual({ id: "vmodel_1", name: "Clio", handle: "clio" })
    expect(v.engine_code).toBe("K9K")
    expect(v.power_kw).toBe(66)
    expect(v.power_hp).toBeNull()
  })
})

describe("shapeLink and storeLink", () => {
  it("gives the admin link with its vehicle, and the store's flat shape", () => {
    const link = shapeLink(ROW)
    expect(link.vehicle.id).toBe("veh_1")
    expect(link.quantity).toBe(2)
    expect(link.created_at).toEqual(ROW.created_at)
    const store = storeLink(link)
    expect(store).toMatchObject({
      id: "veh_1",
      link_id: "fit_1",
      position: "front",
      note_fr: "avec ABS",
    })
    expect(store).not.toHaveProperty("product_id")
    expect(store).not.toHaveProperty("created_at")
  })
})

describe("shapeVehiclePart", () => {
  it("puts the product under product", () => {
    const part = shapeVehiclePart({
      ...ROW,
      product_title: "Plaquettes",
      product_handle: "plaquettes",
      product_thumbnail: null,
      product_status: "published",
    })
    expect(part.product).toEqual({
      id: "prod_1",
      title: "Plaquettes",
      handle: "plaquettes",
      thumbnail: null,
      status: "published",
    })
    expect(part).not.toHaveProperty("product_title")
  })
})

describe("brandOf", () => {
  it("is null without a brand", () => {
    expect(brandOf(undefined)).toBeNull()
    expect(
      brandOf({
        product_id: "p",
        is_universal: true,
        id: null,
        name: null,
        handle: null,
        logo_url: null,
        country: null,
      })
    ).toBeNull()
  })
})
