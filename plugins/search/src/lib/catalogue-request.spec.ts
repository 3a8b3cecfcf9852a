import {
  contextKey,
  MAX_LIMIT,
  normalisedQuery,
  parseListQuery,
  parseRetrieveQuery,
} from "./catalogue-request"

function covered(query: Record<string, unknown>) {
  const parsed = parseListQuery(query)
  if (!parsed.covered) {
    throw new Error(`not covered: ${parsed.reason}`)
  }
  return parsed.request
}

describe("parseListQuery", () => {
  it("defaults like core: newest first, 100 per page", () => {
    const r = covered({})
    expect(r).toMatchObject({
      offset: 0,
      limit: 100,
      order: { field: "created_at", descending: true },
    })
    expect(r.filters.includeCategoryChildren).toBe(false)
  })

  it("reads every client form of the list filters", () => {
    const r = covered({
      vehicle_id: "veh_1,veh_2",
      brand_id: ["brand_a"],
      category_id: ["pcat_1", "pcat_2"],
      include_category_children: "true",
      tags: ["ptag_1"],
      type_id: ["ptyp_1"],
      collection_id: ["pcol_1"],
    })
    expect(r.filters).toMatchObject({
      vehicleIds: ["veh_1", "veh_2"],
      brandIds: ["brand_a"],
      categoryIds: ["pcat_1", "pcat_2"],
      includeCategoryChildren: true,
      tagIds: ["ptag_1"],
      typeIds: ["ptyp_1"],
      collectionIds: ["pcol_1"],
    })
  })

  it("maps the order fields core allows; price ordering with a free-text query stays with core", () => {
    expect(covered({ order: "-title" }).order).toEqual({
      field: "title",
      descending: true,
    })
    expect(covered({ order: "-variants.prices.amount" }).order).toEqual({
      field: "price",
      descending: true,
    })
    expect(
      parseListQuery({ order: "variants.prices.amount", q: "frein" })
    ).toEqual({ covered: false, reason: "q with order by price" })
    expect(parseListQuery({ order: "weight" }).covered).toBe(false)
  })

  it("leaves a filter core only takes as an array, given as one value, to core (its own 400)", () => {
    for (const key of [
      "category_id",
      "collection_id",
      "tags",
      "type_id",
      "sales_channel_id",
    ]) {
      expect(parseListQuery({ [key]: "x_1" })).toEqual({
        covered: false,
        reason: `${key} not given as an array`,
      })
      expect(parseListQuery({ [key]: ["x_1"] }).covered).toBe(true)
    }
  })

  it("leaves core's other filters and unknown parameters to core", () => {
    expect(parseListQuery({ created_at: { gt: "2024-01-01" } })).toEqual({
      covered: false,
      reason: "parameter created_at",
    })
    expect(parseListQuery({ is_giftcard: "true" }).covered).toBe(false)
    expect(parseListQuery({ nonsense: "1" }).covered).toBe(false)
    expect(parseListQuery({ q: "50%" }).covered).toBe(false)
  })

  it.each([
    [{ limit: "-1" }, /^limit: /],
    [{ limit: "0" }, /^limit: /],
    [{ limit: String(MAX_LIMIT + 1) }, /^limit: /],
    [{ limit: "ten" }, /^limit: /],
    [{ offset: "-5" }, /^offset: /],
    [{ vehicle_id: "" }, /^vehicle_id: is empty/],
    [{ vehicle_id: { foo: "x" } }, /^vehicle_id: /],
    [
      { vehicle_id: ["ok", "'; DROP TABLE product; --"] },
      /^vehicle_id: is not a valid id/,
    ],
    [{ category_id: ["a b"] }, /^category_id: /],
    [{ include_category_children: "yes" }, /^include_category_children: /],
    [{ currency_code: "dinar" }, /^currency_code: /],
    [{ region_id: ["reg_1", "reg_2"] }, /^region_id: /],
    [{ expand: "variants;drop" }, /^expand: /],
  ])("refuses %j naming the parameter", (query, message) => {
    expect(() => parseListQuery(query)).toThrow(message)
  })

  it("keeps q as written (core's ILIKE sees the spaces too)", () => {
    expect(covered({ q: " filtre " }).filters.q).toBe(" filtre ")
  })
})

describe("parseRetrieveQuery", () => {
  it("covers the rendering parameters only", () => {
    expect(parseRetrieveQuery({ fields: "id,title" }).covered).toBe(false)
    expect(
      parseRetrieveQuery({ region_id: "reg_1", expand: "variants" })
    ).toEqual({
      covered: true,
      request: {
        region_id: "reg_1",
        currency_code: undefined,
        cart_id: undefined,
        expand: "variants",
        fields: undefined,
      },
    })
    expect(parseRetrieveQuery({ sales_channel_id: "sc_1" }).covered).toBe(false)
  })
})

describe("contextKey", () => {
  it("lets the region win over the currency and sorts groups and channels", () => {
    expect(contextKey({})).toBe("-")
    expect(contextKey({ regionId: "reg_1", currencyCode: "tnd" })).toBe(
      "r=reg_1"
    )
    expect(contextKey({ currencyCode: "tnd" })).toBe("c=tnd")
    expect(
      contextKey({
        customerGroupIds: ["g2", "g1"],
        keyChannelIds: ["sc2", "sc1"],
      })
    ).toBe("g=g1,g2&k=sc1,sc2")
    expect(contextKey({ expand: "variants", fields: "id,title" })).toBe(
      "e=variants&f=id,title"
    )
  })
})

describe("normalisedQuery", () => {
  it("does not depend on the order of the parameters", () => {
    expect(normalisedQuery({ b: "2", a: ["1"] })).toBe(
      normalisedQuery({ a: ["1"], b: "2" })
    )
    expect(normalisedQuery({ a: "1" })).not.toBe(normalisedQuery({ a: ["1"] }))
  })
})
