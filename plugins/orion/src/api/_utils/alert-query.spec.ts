import { INSIGHT_TYPES } from "../../services/orion-alert"
import { parseAlertQuery } from "./alert-query"

describe("parseAlertQuery", () => {
  it("defaults: every type, unresolved, by severity descending, 50 per page", () => {
    expect(parseAlertQuery({})).toEqual({
      type: ["restock", "spike", "decline", "dead_stock"],
      status: undefined,
      variant_id: undefined,
      sort: "severity",
      order: "desc",
      limit: 50,
      offset: 0,
    })
  })

  it("reads lists, sort direction and paging", () => {
    const q = parseAlertQuery({ type: "restock,spike", status: ["open", "acknowledged"], sort: "-created_at", limit: "10", offset: "20" })
    expect(q).toMatchObject({ type: ["restock", "spike"], status: ["open", "acknowledged"], sort: "created_at", order: "desc", limit: 10, offset: 20 })
    expect(parseAlertQuery({ sort: "sku" })).toMatchObject({ sort: "sku", order: "asc" })
  })

  it("says which parameter is wrong and why", () => {
    expect(() => parseAlertQuery({ type: "flood" })).toThrow('query parameter type: "flood" is not one of restock, spike, decline, dead_stock')
    expect(() => parseAlertQuery({ type: "restock" }, INSIGHT_TYPES)).toThrow('"restock" is not one of spike, decline, dead_stock')
    expect(() => parseAlertQuery({ status: "closed" })).toThrow("query parameter status")
    expect(() => parseAlertQuery({ sort: "price" })).toThrow('query parameter sort: "price"')
    expect(() => parseAlertQuery({ limit: "0" })).toThrow("limit must be an integer between 1 and 500")
    expect(() => parseAlertQuery({ offset: "-1" })).toThrow("offset must be an integer")
  })
})
