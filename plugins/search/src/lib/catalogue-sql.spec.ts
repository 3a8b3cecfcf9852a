import { gunzipSync } from "zlib"
import { listRequest as request } from "./__fixtures__/list-request"
import {
  countSql,
  KEPT_ORDER_MAX,
  joinedAnswer,
  listParts,
  productParts,
  listSql,
  orderedIdsSql,
  orderSql,
  pageByIdsSql,
} from "./catalogue-sql"
import { deflateFragment } from "./gzip-parts"

describe("catalogue SQL", () => {
  it("orders with the product id as tie-breaker in the same direction", () => {
    expect(orderSql({ field: "created_at", descending: true })).toBe(
      "d.product_created_at DESC, d.product_id DESC"
    )
    expect(orderSql({ field: "title", descending: false })).toBe(
      "d.title ASC, d.product_id ASC"
    )
    expect(orderSql({ field: "updated_at", descending: true })).toBe(
      "d.product_updated_at DESC NULLS LAST, d.product_id DESC"
    )
    expect(orderSql({ field: "price", descending: false })).toBe(
      "d.price_min ASC NULLS LAST, d.product_id ASC"
    )
    expect(orderSql({ field: "price", descending: true })).toBe(
      "d.price_max DESC NULLS FIRST, d.product_id DESC"
    )
  })

  it("binds every value as a parameter (no value is written into the SQL)", () => {
    const r = request({
      q: "o'brien",
      vehicle_id: "veh_1",
      category_id: ["pcat_1"],
      include_category_children: "true",
      limit: "12",
    })
    const { sql, params } = listSql(
      r,
      ["sc_1"],
      { categoryIds: ["pcat_1", "pcat_2"] },
      "r=reg_1"
    )
    expect(sql).not.toContain("o'brien")
    expect(sql).not.toContain("veh_1")
    expect(params).toEqual(
      expect.arrayContaining([
        "%o'brien%",
        ["veh_1"],
        ["pcat_1", "pcat_2"],
        ["sc_1"],
        12,
        0,
        "r=reg_1",
      ])
    )
    // the vehicle function in FROM (inlined by the planner), the resolved categories as a value
    expect(sql).toMatch(
      /FROM fitment_products_for_vehicles\(\$\d+::text\[\]\) AS v\(product_id\)/
    )
    expect(sql).toMatch(/d\.direct_category_ids && \$\d+::text\[\]/)
  })

  it("refuses a category filter whose categories were not resolved", () => {
    expect(() =>
      listSql(request({ category_id: ["pcat_1"] }), ["sc_1"], {}, "-")
    ).toThrow(/resolved first/)
  })

  it("reads the page without a window over every matching product, and the generation with it", () => {
    const { sql } = listSql(
      request({ limit: "12", offset: "24" }),
      ["sc_1"],
      {},
      "-"
    )
    expect(sql).not.toMatch(/count\(\*\) OVER/i)
    expect(sql).toMatch(/LIMIT \$\d+ OFFSET \$\d+\s*\),\s*numbered AS/)
    expect(sql).toContain("products_generation || '.' || lists_generation")
  })

  it("counts with the same conditions as the page", () => {
    const r = request({ brand_id: "brand_1", tags: ["ptag_1"] })
    const count = countSql(r, ["sc_1"], {})
    expect(count.params).toEqual([["sc_1"], "brand_1", ["ptag_1"]])
    expect(count.sql).toContain("d.brand_id = $2 AND")
    expect(listSql(r, ["sc_1"], {}, "-").sql).toContain("d.brand_id = $2\n")
  })

  it("compares one value with = (a brand's index is read in its order) and several with = ANY", () => {
    const one = countSql(
      request({ brand_id: "brand_1", collection_id: ["pcol_1"] }),
      ["sc_1"],
      {}
    )
    expect(one.sql).toContain("d.brand_id = $2 AND d.collection_id = $3")
    expect(one.params).toEqual([["sc_1"], "brand_1", "pcol_1"])
    const several = countSql(
      request({
        brand_id: ["brand_1", "brand_2"],
        type_id: ["ptyp_1", "ptyp_2"],
      }),
      ["sc_1"],
      {}
    )
    expect(several.sql).toContain(
      "d.brand_id = ANY($2::text[]) AND d.type_id = ANY($3::text[])"
    )
    expect(several.params).toEqual([
      ["sc_1"],
      ["brand_1", "brand_2"],
      ["ptyp_1", "ptyp_2"],
    ])
  })

  it("reads a listing's ids in its order with the page's conditions, one more than it keeps", () => {
    const r = request({ brand_id: "brand_1", order: "-title" })
    const ids = orderedIdsSql(r, ["sc_1"], {}, KEPT_ORDER_MAX)
    const page = listSql(r, ["sc_1"], {}, "-")
    expect(ids.params).toEqual([["sc_1"], "brand_1", KEPT_ORDER_MAX + 1])
    expect(ids.sql).toContain(`ORDER BY ${orderSql(r.order)}`)
    expect(ids.sql).toContain("d.brand_id = $2")
    expect(page.sql).toContain(`ORDER BY ${orderSql(r.order)}`)
    expect(ids.sql).toMatch(/array_agg\(product_id::text ORDER BY pos\)/)
    expect(ids.sql).toContain("products_generation || '.' || lists_generation")
  })

  it("reads a kept listing's page by id in the given order, bodies of the current version only", () => {
    const { sql, params } = pageByIdsSql(["prod_b", "prod_a"], "r=reg_1")
    expect(params).toEqual([["prod_b", "prod_a"], "r=reg_1"])
    expect(sql).toContain("WITH ORDINALITY AS p(id, pos)")
    expect(sql).toContain("ORDER BY p.pos")
    expect(sql).toContain("b.version = d.version")
    expect(sql).toContain("products_generation || '.' || lists_generation")
  })

  it("assembles a listing answer in core's key order, as one gzip stream", () => {
    const page = joinedAnswer(
      listParts(
        [
          { body: '{"id":"a"}', fragment: null },
          { body: '{"id":"é"}', fragment: null },
        ],
        7,
        2,
        2
      )
    ) as { gzip: Buffer; size: number }
    const json = gunzipSync(page.gzip)
    expect(page.size).toBe(json.length)
    expect(JSON.parse(json.toString())).toEqual({
      products: [{ id: "a" }, { id: "é" }],
      count: 7,
      offset: 2,
      limit: 2,
    })
    const empty = joinedAnswer(listParts([], 0, 0, 12)) as { gzip: Buffer }
    expect(gunzipSync(empty.gzip).toString()).toBe(
      '{"products":[],"count":0,"offset":0,"limit":12}'
    )
  })

  it("joins a page from its bodies' fragments, and from bodies that have none yet", () => {
    const texts = [
      '{"id":"a","title":"Filtre à air"}',
      `{"id":"b","d":"${"x".repeat(900)}"}`,
    ]
    const page = joinedAnswer(
      listParts(
        [
          { body: null, fragment: deflateFragment(Buffer.from(texts[0])) },
          // rendered on this very read: no fragment yet
          { body: texts[1], fragment: null },
        ],
        2,
        0,
        12
      )
    ) as { gzip: Buffer }
    const json = JSON.parse(gunzipSync(page.gzip).toString())
    expect(json.products[0].title).toBe("Filtre à air")
    expect(json.products[1].d).toHaveLength(900)
    const product = joinedAnswer(
      productParts({
        body: null,
        fragment: deflateFragment(Buffer.from(texts[0])),
      })
    ) as { gzip: Buffer }
    expect(gunzipSync(product.gzip).toString()).toBe(
      '{"product":{"id":"a","title":"Filtre à air"}}'
    )
  })
})
