import { productCondition } from "./product-condition"

describe("productCondition", () => {
  it("is empty without a filter", () => {
    expect(productCondition("p.id", {})).toEqual({ sql: "", params: {} })
  })

  it("narrows to the vehicles' parts and the brands, with named parameters", () => {
    const c = productCondition(
      "p.id",
      { vehicleIds: ["veh_1"], brandIds: ["brand_1", "brand_2"] },
      "f"
    )
    expect(c.params).toEqual({
      fVehicleIds: ["veh_1"],
      fBrandIds: ["brand_1", "brand_2"],
    })
    expect(c.sql).toBe(
      "p.id IN (SELECT fitment_products_for_vehicles(CAST(:fVehicleIds AS text[]))) AND " +
        "p.id IN (SELECT fb.product_id FROM fitment_product fb WHERE fb.brand_id = ANY(:fBrandIds))"
    )
  })
})
