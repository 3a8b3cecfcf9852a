import { brandJoin, fitmentProductJoin } from "./fitment-sources"

describe("fitment sources", () => {
  it("joins a product's fitment link and its brand under the aliases fp and b", () => {
    expect(fitmentProductJoin("p.id")).toBe(
      `LEFT JOIN "fitment_product" fp ON fp.product_id = p.id`
    )
    expect(brandJoin("fp.brand_id")).toBe(
      `LEFT JOIN "brand" b ON b.id = fp.brand_id`
    )
  })
})
