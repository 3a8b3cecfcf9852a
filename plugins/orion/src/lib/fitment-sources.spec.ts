import { productBrandJoin } from "./fitment-sources"

describe("fitment sources", () => {
  it("joins a product's brand through fitment's read view under the alias fb", () => {
    expect(productBrandJoin("p.id")).toBe(
      `LEFT JOIN "fitment_read_product" fb ON fb.product_id = p.id`
    )
  })
})
