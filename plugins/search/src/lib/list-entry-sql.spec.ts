import { listRequest as request } from "./__fixtures__/list-request"
import {
  entryCountSql,
  entryLists,
  entryPageSql,
  insertListEntriesSql,
} from "./list-entry-sql"

describe("kept lists", () => {
  it("serve one vehicle (its own list and the universal parts) or one category, newest first or oldest first", () => {
    expect(entryLists(request({ vehicle_id: "veh_1" }))).toEqual([
      "v:veh_1",
      "u",
    ])
    expect(entryLists(request({ category_id: ["pcat_1"] }))).toEqual([
      "c:pcat_1",
    ])
    expect(
      entryLists(
        request({
          category_id: ["pcat_1"],
          include_category_children: "true",
        })
      )
    ).toEqual(["t:pcat_1"])
    expect(
      entryLists(request({ vehicle_id: "veh_1", order: "created_at" }))
    ).toEqual(["v:veh_1", "u"])
  })

  it.each([
    ["another order", { vehicle_id: "veh_1", order: "title" }],
    ["two vehicles", { vehicle_id: ["veh_1", "veh_2"] }],
    ["two categories", { category_id: ["pcat_1", "pcat_2"] }],
    ["a vehicle and a category", { vehicle_id: "veh_1", category_id: ["c"] }],
    ["a vehicle and a brand", { vehicle_id: "veh_1", brand_id: "brand_1" }],
    ["a category and free text", { category_id: ["pcat_1"], q: "filtre" }],
    ["a category and tags", { category_id: ["pcat_1"], tags: ["ptag_1"] }],
    ["no filter", {}],
  ])("leave %s to the documents", (_, query) => {
    expect(entryLists(request(query))).toBeNull()
  })

  it("pages the merge of the lists' first offset + limit entries, with every value bound", () => {
    const r = request({ vehicle_id: "veh_1", limit: "12", offset: "24" })
    const { sql, params } = entryPageSql(
      ["v:veh_1", "u"],
      r,
      ["sc_1"],
      "r=reg_1"
    )
    expect(sql).not.toContain("veh_1")
    expect(params).toEqual([["sc_1"], 12, 24, "r=reg_1", "v:veh_1", "u"])
    expect(sql.match(/LIMIT \$2::int \+ \$3::int/g)).toHaveLength(2)
    expect(sql).toContain("UNION ALL")
    expect(sql).toContain("ORDER BY product_created_at DESC, product_id DESC")
    const oldest = entryPageSql(
      ["c:pcat_1"],
      request({ category_id: ["pcat_1"], order: "created_at" }),
      ["sc_1"],
      "r=reg_1"
    )
    expect(oldest.sql).toContain(
      "ORDER BY product_created_at ASC, product_id ASC"
    )
    expect(oldest.sql).not.toContain("UNION ALL")
  })

  it("counts the lists' entries in the caller's channels", () => {
    expect(entryCountSql(["v:veh_1", "u"], ["sc_1"]).params).toEqual([
      ["sc_1"],
      ["v:veh_1", "u"],
    ])
  })

  it("writes vehicle entries only with fitment, never for a universal part", () => {
    expect(insertListEntriesSql({ fitment: false })).not.toContain("fitment")
    const sql = insertListEntriesSql({ fitment: true })
    expect(sql).toContain("'v:' || f.vehicle_id")
    expect(sql).toContain("NOT EXISTS (SELECT 1 FROM fitment_read_product u")
    expect(sql).toContain("d.status = 'published'")
  })
})
