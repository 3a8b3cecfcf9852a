import meilisearchBrandsLoader from "./meilisearch-brands"

function container(registrations: Record<string, unknown>) {
  return {
    hasRegistration: (name: string) => name in registrations,
    resolve: (name: string) => registrations[name],
  } as never
}

describe("meilisearchBrandsLoader", () => {
  it("gives indexed products fitment's brand before Meilisearch's transformer", async () => {
    const written: unknown[] = []
    const search = {
      addDocuments: async (_i: string, docs: unknown, _t: string) =>
        written.push(docs),
      replaceDocuments: async (_i: string, docs: unknown, _t: string) =>
        written.push(docs),
    }
    const brandsOf = jest.fn(async () => new Map([["prod_1", "Bosch"]]))
    await meilisearchBrandsLoader(
      container({
        searchService: search,
        searchDocumentsService: { brandsOf },
      }),
      { engine: "meilisearch" }
    )
    await search.addDocuments(
      "products",
      [{ id: "prod_1" }, { id: "prod_2" }],
      "products"
    )
    await search.replaceDocuments("products", [{ id: "prod_1" }], "products")
    await search.addDocuments("orders", [{ id: "order_1" }], "orders")
    expect(brandsOf).toHaveBeenCalledWith(["prod_1", "prod_2"])
    expect(written).toEqual([
      [
        { id: "prod_1", brand: "Bosch" },
        { id: "prod_2", brand: null },
      ],
      [{ id: "prod_1", brand: "Bosch" }],
      [{ id: "order_1" }],
    ])
  })

  it("leaves the PostgreSQL search alone", async () => {
    const search = { addDocuments: jest.fn(), replaceDocuments: jest.fn() }
    const before = search.addDocuments
    await meilisearchBrandsLoader(container({ searchService: search }), {})
    expect(search.addDocuments).toBe(before)
  })
})
