import {
  meilisearchFilter,
  meilisearchPluginOptions,
  productIndexSettings,
  transformProduct,
} from "./meilisearch-settings"

const product = {
  id: "prod_1",
  title: "Plaquettes de frein avant",
  handle: "plaquettes-frein-avant-bosch",
  status: "draft",
  thumbnail: null,
  metadata: {
    brand: "Bosch",
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
