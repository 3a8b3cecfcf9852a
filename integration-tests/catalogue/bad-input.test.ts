/**
 * Bad input on the store read path (issue 10, "Done when"): an unknown vehicle, a negative, zero or huge
 * limit, a non-numeric offset, malformed arrays and SQL-like strings get a clear 400 in Medusa's error shape
 * (`{ type: "invalid_data", message }`, the message naming the parameter), never a 500 or a stack trace; an
 * offset past the end is not an error: 200 with an empty page and the right count, as core answers.
 */
import { sql } from "../helpers/env"
import { send, storeGet, type StoreAnswer } from "./helpers"

const SQL_LIKE = [
  "' OR '1'='1",
  "1; DROP TABLE product; --",
  'x\') UNION SELECT id FROM "user" --',
]

let regionId: string
let published: number

beforeAll(async () => {
  ;[{ id: regionId }] = await sql(
    `SELECT id FROM region WHERE currency_code = 'tnd' LIMIT 1`
  )
  const [{ default_sales_channel_id: channel }] = await sql(
    `SELECT default_sales_channel_id FROM store LIMIT 1`
  )
  ;[{ n: published }] = await sql(
    `SELECT count(*)::int AS n FROM product p WHERE p.status = 'published' AND p.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM product_sales_channel s WHERE s.product_id = p.id AND s.sales_channel_id = $1)`,
    [channel]
  )
})

/** 400, Medusa's `invalid_data`, the message naming the parameter (any case: core writes "Order field x is not valid") */
function expectClear400(res: StoreAnswer, param: string, label: string) {
  const names = String(res.json?.message ?? res.text)
    .toLowerCase()
    .includes(param.toLowerCase())
  const summary = { label, status: res.status, type: res.json?.type, names }
  expect(summary).toEqual({
    label,
    status: 400,
    type: "invalid_data",
    names: true,
  })
  expect(res.text).not.toMatch(/\n\s+at .+:\d+:\d+/) // no stack trace
}

const products = (query: string) => storeGet(`/store/products?${query}`)

describe("GET /store/products: clear 400s naming the parameter", () => {
  it.each([
    ["vehicle_id=veh_nope", "vehicle_id"],
    ["vehicle_id[]=veh_nope&vehicle_id[]=veh_nope2", "vehicle_id"],
    ["limit=-1", "limit"],
    ["limit=0", "limit"],
    ["limit=1000000", "limit"],
    ["limit=99999999999999999999999", "limit"],
    ["limit=12abc", "limit"],
    ["limit=1.5", "limit"],
    ["offset=abc&limit=1", "offset"],
    ["offset=-5&limit=1", "offset"],
    ["offset=1e3x&limit=1", "offset"],
    ["vehicle_id[foo]=x&limit=1", "vehicle_id"],
    ["brand_id[foo]=x&limit=1", "brand_id"],
    ["category_id=&limit=1", "category_id"],
    ["category_id[foo]=x", "category_id"],
    ["category_id[0][nested]=x", "category_id"],
    ["tags[a][b]=x", "tags"],
    ["collection_id=&limit=1", "collection_id"],
    [
      "include_category_children=maybe&category_id[]=pcat_x",
      "include_category_children",
    ],
    ["order=colour&limit=1", "order"],
    ["expand=secret_relation&limit=1", "expand"],
    ["fields=password_hash&limit=1", "fields"],
  ])("%s → 400 naming %s", async (query, param) => {
    expectClear400(await products(query), param, query)
  })

  it("an offset past the end is a 200 with an empty page and the full count, like core", async () => {
    const res = await products(`offset=100000&limit=12`)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      products: [],
      count: published,
      offset: 100000,
      limit: 12,
    })
    const core = await send(
      {
        name: "past the end",
        method: "GET",
        path: `/store/products?offset=100000&limit=12`,
      },
      true
    )
    expect(res.json).toEqual(core.json)
    const byVehicle = await products(
      `offset=${published + 5}&limit=5&order=title`
    )
    expect(byVehicle.status).toBe(200)
    expect(byVehicle.json.products).toEqual([])
  })

  it("a limit of 100 (core's default) is still accepted", async () => {
    const res = await products("limit=100")
    expect(res.status).toBe(200)
    expect(res.json.products).toHaveLength(Math.min(100, published))
  })
})

describe("SQL-like strings", () => {
  // parameters that hold ids, codes or names of fields: anything that is not one is refused by name
  const ID_PARAMS: Array<[string, (v: string) => string]> = [
    ["vehicle_id", (v) => `vehicle_id=${v}`],
    ["brand_id", (v) => `brand_id=${v}`],
    ["category_id", (v) => `category_id[]=${v}`],
    ["collection_id", (v) => `collection_id[]=${v}`],
    ["tags", (v) => `tags[]=${v}`],
    ["type_id", (v) => `type_id[]=${v}`],
    ["sales_channel_id", (v) => `sales_channel_id[]=${v}`],
    ["region_id", (v) => `region_id=${v}`],
    ["currency_code", (v) => `currency_code=${v}`],
    ["cart_id", (v) => `cart_id=${v}`],
    ["order", (v) => `order=${v}`],
    ["expand", (v) => `expand=${v}`],
    ["fields", (v) => `fields=${v}`],
    ["limit", (v) => `limit=${v}`],
    ["offset", (v) => `offset=${v}`],
  ]

  // limit=1 keeps core's answer small where core lets the value through (e.g. it ignores an unknown currency)
  it.each(
    ID_PARAMS.flatMap(([param, q]) =>
      SQL_LIKE.map(
        (v) =>
          [
            param,
            v,
            q(encodeURIComponent(v)) + (param === "limit" ? "" : "&limit=1"),
          ] as const
      )
    )
  )("%s=%s → 400 naming the parameter", async (param, _value, query) => {
    expectClear400(await products(query), param, query)
  })

  it.each(SQL_LIKE.map((v) => [v]))(
    "a product id %s → 404 or 400, never a 500",
    async (v) => {
      const res = await storeGet(`/store/products/${encodeURIComponent(v)}`)
      expect([400, 404]).toContain(res.status)
      expect(res.json?.type).toMatch(/not_found|invalid_data/)
    }
  )

  // free text is searched for as text: French has apostrophes ("d'embrayage"), so a quote is not an error; the
  // listing's q and handle match literally (nothing matches these strings); search, which is tolerant (words,
  // typos), answers 200 in its usual shape; the catalogue is intact afterwards
  it.each(SQL_LIKE.map((v) => [v]))(
    "q=%s and handle=… are text: 200, nothing found, nothing injected",
    async (v) => {
      for (const query of [
        `q=${encodeURIComponent(v)}&limit=1`,
        `handle=${encodeURIComponent(v)}&limit=1`,
      ]) {
        const res = await products(query)
        expect({
          query,
          status: res.status,
          count: res.json?.count,
          products: res.json?.products,
        }).toEqual({ query, status: 200, count: 0, products: [] })
      }
      const search = await send({
        name: "search",
        method: "POST",
        path: "/store/products/search",
        body: { q: v, limit: 5 },
      })
      expect(search.status).toBe(200)
      expect(search.json).toMatchObject({
        hits: expect.any(Array),
        estimatedTotalHits: expect.any(Number),
        offset: 0,
        limit: 5,
      })
      const [{ n }] = await sql(
        `SELECT count(*)::int AS n FROM product WHERE status = 'published' AND deleted_at IS NULL`
      )
      expect(n).toBeGreaterThanOrEqual(published)
    }
  )

  it("an apostrophe in a real search is fine", async () => {
    const res = await products("q=d%27embrayage&limit=5")
    expect(res.status).toBe(200)
  })

  it.each([
    [{ q: "x", vehicle_id: SQL_LIKE[0] }, "vehicle_id"],
    [{ q: "x", category_id: SQL_LIKE[1] }, "category_id"],
    [{ q: "x", limit: -1 }, "limit"],
    [{ q: "x", offset: "abc" }, "offset"],
  ])("search body %j → 400 naming %s", async (body, param) => {
    const res = await send({
      name: "search",
      method: "POST",
      path: "/store/products/search",
      body,
    })
    expectClear400(res, param, JSON.stringify(body))
  })
})

describe("the storefront lists", () => {
  it.each([
    [
      "/store/vehicles/models?make_id=" + encodeURIComponent(SQL_LIKE[0]),
      "make_id",
    ],
    [
      "/store/vehicles/years?model_id=" + encodeURIComponent(SQL_LIKE[1]),
      "model_id",
    ],
    ["/store/vehicles?limit=-1", "limit"],
    ["/store/vehicles?year=abc", "year"],
    ["/store/brands?limit=0", "limit"],
    ["/store/brands?offset=abc", "offset"],
    ["/store/product-categories?limit=abc", "limit"],
    ["/store/product-categories?offset=-1", "offset"],
  ])("%s → 400 naming %s", async (path, param) => {
    expectClear400(await storeGet(path), param, path)
  })

  it("after all of it the server still answers and the catalogue is intact", async () => {
    const res = await products(`limit=1&region_id=${regionId}`)
    expect(res.status).toBe(200)
    expect(res.json.count).toBe(published)
  })
})
