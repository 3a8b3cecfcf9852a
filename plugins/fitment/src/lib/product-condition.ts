/** What GET /store/products can be narrowed to. */
export interface ProductFilter {
  vehicleIds?: string[]
  brandIds?: string[]
}

/**
 * SQL condition on a product id column (`alias`) for the store filter: the
 * product fits one of the vehicles (or is universal) and has one of the
 * brands. Uses the (vehicle_id, product_id) index and the partial universal
 * index; no id list is ever sent to the database.
 */
export function productCondition(
  alias: string,
  filter: ProductFilter,
  paramPrefix = "fitment"
): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = []
  const params: Record<string, unknown> = {}
  if (filter.vehicleIds?.length) {
    params[`${paramPrefix}VehicleIds`] = filter.vehicleIds
    parts.push(
      `${alias} IN (SELECT fitment_products_for_vehicles(CAST(:${paramPrefix}VehicleIds AS text[])))`
    )
  }
  if (filter.brandIds?.length) {
    params[`${paramPrefix}BrandIds`] = filter.brandIds
    parts.push(
      `${alias} IN (SELECT fb.product_id FROM fitment_product fb WHERE fb.brand_id = ANY(:${paramPrefix}BrandIds))`
    )
  }
  return { sql: parts.join(" AND "), params }
}
