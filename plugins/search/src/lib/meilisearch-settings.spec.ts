import {
  meilisearchFilter,
  meilisearchPluginOptions,
  productIndexSettings,
  transformProduct,
  withBrands,
} from "./meilisearch-settings"

const product = {
  id: "prod_1",
  title: "Plaquettes de frein avant",
  handle: "plaquettes-frein-avant-bosch",
  status: "draft",
  thumbnail: null,
  // fitment's brand, as withBrands sets it
  brand: "Bosch",
  metadata: {
    title_ar: "فحمات الفرامل الأمامية",
    mpn: "0 986 494 123",
    oe_numbers: ["7701 208 265", { number: "41 06 014 63R" }],
    universal: false,
    fitment_summary: "Renault Clio III, Dacia Logan",
    vehicle_ids: ["veh_1"],
  },
  variants: [{ sku: "BOS-0986494123", ean: "4047025000000" }],
  categories: [
    {
      id: "pcat_1",
      name: "Plaquettes de frein",
      metadata: { name_ar: "فحمات" },
    },
  ],
  sales_channels: [{ id: "sc_1" }],
  tags: [{ value: "freinage" }],
}

describe("transformProduct", () => {
  it("adds brand, part numbers (raw and compacted), categories and the fitment summary", () => {
    const doc = transformProduct(product)
    expect(doc).toMatchObject({
      id: "prod_1",
      brand: "Bosch",
      title_ar: "فحمات الفرامل الأمامية",
      mpn: "0 986 494 123",
      oe_numbers: ["7701 208 265", "41 06 014 63R"],
      categories: ["Plaquettes de frein"],
      category_ids: ["pcat_1"],
      fitment_summary: "Renault Clio III, Dacia Logan",
      vehicle_ids: ["veh_1"],
      status: "draft",
      variant_sku: ["BOS-0986494123"],
    })
    expect(doc.part_numbers_compact).toEqual(
      expect.arrayContaining([
        "0986494123",
        "7701208265",
        "41060146 3R".replace(" ", ""),
        "BOS0986494123",
      ])
    )
  })

  it("takes the brand from fitment, as the PostgreSQL document does, never from metadata", () => {
    const [withBrand, without] = withBrands(
      [
        { id: "prod_1", metadata: { brand: "Old" } },
        { id: "prod_2", metadata: { brand: "Old" } },
      ],
      new Map([["prod_1", "Valeo"]])
    )
    expect(transformProduct(withBrand).brand).toBe("Valeo")
    expect(transformProduct(without).brand).toBeNull()
    expect(
      transformProduct({ id: "p", brand: { id: "brand_1", name: "Bosch" } })
        .brand
    ).toBe("Bosch")
  })

  it("survives a bare product", () => {
    expect(
      transformProduct({ id: "p", title: "x", handle: "x" })
    ).toMatchObject({
      id: "p",
      brand: null,
      oe_numbers: [],
      categories: [],
      fitment_summary: null,
    })
  })

  it("only references attributes it produces", () => {
    const doc = transformProduct(product)
    for (const a of [
      ...productIndexSettings.searchableAttributes,
      ...productIndexSettings.filterableAttributes,
    ]) {
      expect(doc).toHaveProperty(a)
    }
  })
})

describe("meilisearchPluginOptions", () => {
  it("has the shape medusa-plugin-meilisearch reads", () => {
    const o = meilisearchPluginOptions({
      host: "http://127.0.0.1:7700",
      apiKey: "k",
    })
    expect(o.config).toEqual({ host: "http://127.0.0.1:7700", apiKey: "k" })
    expect(o.settings.products.primaryKey).toBe("id")
    expect(o.settings.products.transformer).toBe(transformProduct)
    expect(o.settings.products.indexSettings.filterableAttributes).toContain(
      "status"
    )
  })
})

describe("meilisearchFilter", () => {
  it("always keeps to published products, quoting values", () => {
    expect(
      meilisearchFilter({
        sales_channel_ids: ["sc_1"],
        category_id: [],
        vehicle_id: null,
      })
    ).toBe('status = "published" AND sales_channel_ids IN ["sc_1"]')
    expect(
      meilisearchFilter({
        sales_channel_ids: [],
        category_id: ['a"b'],
        vehicle_id: "veh_1",
      })
    ).toBe(
      'status = "published" AND category_ids IN ["a\\"b"] AND (vehicle_ids = "veh_1" OR is_universal = true)'
    )
  })
})
