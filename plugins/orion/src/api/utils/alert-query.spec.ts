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
    const q = parseAlertQuery({
      type: "restock,spike",
      status: ["open", "acknowledged"],
      sort: "-created_at",
      limit: "10",
      offset: "20",
    })
    expect(q).toMatchObject({
      type: ["restock", "spike"],
      status: ["open", "acknowledged"],
      sort: "created_at",
      order: "desc",
      limit: 10,
      offset: 20,
    })
    expect(parseAlertQuery({ sort: "sku" })).toMatchObject({
      sort: "sku",
      order: "asc",
    })
  })

  it("reads medusa-js' type[0]=… lists and refuses a repeated variant_id", () => {
    expect(
      parseAlertQuery({ type: { 0: "spike", 1: "decline" } }).type
    ).toEqual(["spike", "decline"])
    expect(() => parseAlertQuery({ variant_id: ["a", "b"] })).toThrow(
      "variant_id: must be a single value"
    )
  })

  it("says which parameter is wrong and why", () => {
    expect(() => parseAlertQuery({ type: "flood" })).toThrow(
      'type: "flood" is not one of restock, spike, decline, dead_stock'
    )
    expect(() => parseAlertQuery({ type: "restock" }, INSIGHT_TYPES)).toThrow(
      '"restock" is not one of spike, decline, dead_stock'
    )
    expect(() => parseAlertQuery({ status: "closed" })).toThrow(
      'status: "closed" is not one of open, acknowledged, resolved'
    )
    expect(() => parseAlertQuery({ sort: "price" })).toThrow(
      'sort: "price" is not one of severity'
    )
    expect(() => parseAlertQuery({ limit: "0" })).toThrow(
      "limit: must be between 1 and 500, got 0"
    )
    expect(() => parseAlertQuery({ offset: "-1" })).toThrow(
      "offset: must be at least 0, got -1"
    )
  })
})
