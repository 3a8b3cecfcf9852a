import {
  DEFAULT_LIMIT,
  MAX_CSV_ROWS,
  parseHistoryQuery,
  QueryError,
} from "./history-query"

describe("parseHistoryQuery", () => {
  it("defaults", () => {
    expect(parseHistoryQuery({})).toEqual({
      variant_id: [],
      currency_code: [],
      from: null,
      to: null,
      limit: DEFAULT_LIMIT,
      offset: 0,
      format: "json",
    })
  })

  it("reads lists given repeated or comma-separated, lower-cases currencies", () => {
    const q = parseHistoryQuery({
      variant_id: ["v1", "v2,v3"],
      currency_code: "TND,eur",
    })
    expect(q.variant_id).toEqual(["v1", "v2", "v3"])
    expect(q.currency_code).toEqual(["tnd", "eur"])
  })

  it("parses dates and pagination", () => {
    const q = parseHistoryQuery({
      from: "2024-01-01",
      to: "2024-02-01T10:00:00Z",
      limit: "10",
      offset: "20",
    })
    expect(q.from?.toISOString()).toBe("2024-01-01T00:00:00.000Z")
    expect(q.to?.toISOString()).toBe("2024-02-01T10:00:00.000Z")
    expect(q.limit).toBe(10)
    expect(q.offset).toBe(20)
  })

  it("csv is unpaginated by default", () => {
    expect(parseHistoryQuery({ format: "csv" }).limit).toBe(MAX_CSV_ROWS)
  })

  it.each([
    [{ limit: "0" }, "limit"],
    [{ limit: "5000" }, "limit"],
    [{ limit: "ten" }, "limit"],
    [{ offset: "-1" }, "offset"],
    [{ from: "yesterday" }, "from"],
    [{ to: "2024-13-45" }, "to"],
    [{ from: "2024-03-01", to: "2024-02-01" }, "from"],
    [{ currency_code: "dinar" }, "currency_code"],
    [{ format: "xml" }, "format"],
    [{ variant: "v1" }, "variant"],
    [{ variant_id: { a: 1 } }, "variant_id"],
  ])("rejects %j naming %s", (raw, field) => {
    try {
      parseHistoryQuery(raw as Record<string, unknown>)
      throw new Error("expected a QueryError")
    } catch (e) {
      expect(e).toBeInstanceOf(QueryError)
      expect((e as QueryError).field).toBe(field)
      expect((e as Error).message).toContain(`"${field}"`)
    }
  })
})
