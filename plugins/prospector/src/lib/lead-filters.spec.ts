import { LeadQueryError, leadFiltersSql, parseLeadQuery } from "./lead-filters"

describe("parseLeadQuery", () => {
  it("defaults: best score first, 50 per page", () => {
    expect(parseLeadQuery({})).toEqual({
      filters: {},
      order: { field: "score", direction: "DESC" },
      limit: 50,
      offset: 0,
    })
  })

  it("reads every filter, lists as repeated or comma-separated values", () => {
    const q = parseLeadQuery({
      status: ["new", "contacted"],
      kind: "lead",
      city: "Tunis,Sfax",
      min_score: "40",
      band: "high,medium",
      q: " garage ",
      order: "name",
      limit: "10",
      offset: "20",
    })
    expect(q.filters).toEqual({
      status: ["new", "contacted"],
      kind: ["lead"],
      city: ["Tunis", "Sfax"],
      band: ["high", "medium"],
      min_score: 40,
      q: "garage",
    })
    expect(q.order).toEqual({ field: "name", direction: "ASC" })
    expect([q.limit, q.offset]).toEqual([10, 20])
  })

  it.each([
    [{ status: "done" }, /^status: "done" is not one of new, contacted/],
    [{ kind: "supplier" }, /^kind: "supplier" is not one of lead, competitor/],
    [{ band: "top" }, /^band: "top" is not one of high, medium, low/],
    [{ min_score: "high" }, /^min_score: "high" is not a whole number/],
    [{ min_score: "101" }, /^min_score: 101 is outside 0..100/],
    [
      { min_score: "60", max_score: "50" },
      /^min_score: 60 is above max_score 50/,
    ],
    [{ order: "-password" }, /^order: "-password" is not a sort field/],
    [{ limit: "1000" }, /^limit: 1000 is outside 1..200/],
    [{ colour: "red" }, /^colour: unknown parameter/],
  ])("rejects %j", (raw, message) => {
    expect(() => parseLeadQuery(raw)).toThrow(LeadQueryError)
    expect(() => parseLeadQuery(raw)).toThrow(message)
  })
})

describe("leadFiltersSql", () => {
  it("builds parameterised SQL only (no value in the text)", () => {
    const { where, params } = leadFiltersSql(
      { status: ["new"], city: ["Tunis"], min_score: 50, q: "50%_x'; drop" },
      "50 x drop"
    )
    expect(where).toBe(
      "WHERE l.status = ANY($1) AND lower(l.city) = ANY($2) AND l.score >= $3 AND (l.name ILIKE $4 OR l.address ILIKE $4 OR l.phone ILIKE $4 OR l.name_folded LIKE $5)"
    )
    expect(params).toEqual([
      ["new"],
      ["tunis"],
      50,
      "%50\\%\\_x'; drop%",
      "%50 x drop%",
    ])
  })

  it("filters by score band", () => {
    expect(leadFiltersSql({ band: ["high"], assignee: "Sami" }, null)).toEqual({
      where: "WHERE l.assignee = $1 AND l.score_band = ANY($2)",
      params: ["Sami", ["high"]],
    })
  })

  it("no filters, no WHERE", () => {
    expect(leadFiltersSql({}, null)).toEqual({ where: "", params: [] })
  })
})
