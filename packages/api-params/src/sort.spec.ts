import { sort } from "./sort"
import { caught } from "./test-helpers"

describe("sort", () => {
  const FIELDS = ["severity", "created_at", "sku"] as const
  const fallback = { field: "severity" as const, order: "desc" as const }

  it("reads a field, - for descending, + or nothing for ascending", () => {
    expect(sort("-created_at", "sort", FIELDS, fallback)).toEqual({
      field: "created_at",
      order: "desc",
    })
    expect(sort("sku", "sort", FIELDS, fallback)).toEqual({
      field: "sku",
      order: "asc",
    })
    expect(sort("+sku", "sort", FIELDS, fallback)).toEqual({
      field: "sku",
      order: "asc",
    })
  })

  it("falls back when absent", () => {
    expect(sort(undefined, "sort", FIELDS, fallback)).toBe(fallback)
    expect(sort("", "sort", FIELDS, fallback)).toBe(fallback)
  })

  it("refuses unknown fields and lists the allowed ones", () => {
    expect(caught(() => sort("-price", "sort", FIELDS, fallback)).message).toBe(
      'sort: "-price" is not one of severity, created_at, sku (prefix with - for descending)'
    )
  })
})
