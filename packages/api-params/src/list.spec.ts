import qs from "qs"
import { list, oneOfList } from "./list"
import { caught } from "./test-helpers"

/** The list Express (qs, its default "extended" parser) hands to a route for this query string. */
const parsed = (query: string) => list(qs.parse(query).x, "x")

describe("list", () => {
  it("reads every form clients send, in order", () => {
    expect(parsed("x=a")).toEqual(["a"])
    expect(parsed("x=a,b")).toEqual(["a", "b"])
    expect(parsed("x[]=a&x[]=b")).toEqual(["a", "b"])
    expect(parsed("x=a&x=b")).toEqual(["a", "b"])
    expect(parsed("x[0]=a&x[1]=b")).toEqual(["a", "b"])
    expect(parsed("x[]=a,b&x[]=c")).toEqual(["a", "b", "c"])
    expect(parsed("x=%20a%20,%20b")).toEqual(["a", "b"])
  })

  it("reads medusa-js' x[0]=… past 20 items, which qs turns into an object, in index order", () => {
    const ids = Array.from({ length: 45 }, (_, i) => `veh_${i}`)
    const query = ids
      .map((id, i) => `x[${i}]=${id}`)
      .reverse()
      .join("&")
    const raw = qs.parse(query).x
    expect(Array.isArray(raw)).toBe(false)
    expect(list(raw, "x")).toEqual(ids)
  })

  it("drops blanks and duplicates", () => {
    expect(parsed("x=a,,b,a, ")).toEqual(["a", "b"])
  })

  it("is undefined when absent or empty", () => {
    expect(parsed("")).toBeUndefined()
    expect(parsed("x=")).toBeUndefined()
    expect(list(null, "x")).toBeUndefined()
  })

  it("refuses a list of nothing, nested values and named keys", () => {
    expect(caught(() => list(",", "vehicle_id")).message).toBe(
      "vehicle_id: has no values"
    )
    expect(caught(() => list(qs.parse("x[0][k]=a").x, "x")).message).toBe(
      'x: must be a list of text values, got {"k":"a"}'
    )
    expect(caught(() => list(qs.parse("x[k]=a").x, "x")).message).toBe(
      'x: must be a list (x=a,b or x[]=a or x[0]=a), got key "k"'
    )
  })

  it("limits the number of values", () => {
    expect(list("a,b,c", "x", { max: 3 })).toHaveLength(3)
    expect(caught(() => list("a,b,c,d", "x", { max: 3 })).message).toBe(
      "x: must have at most 3 values, got 4"
    )
    const many = Array.from({ length: 501 }, (_, i) => `id${i}`)
    expect(caught(() => list(many, "x")).message).toBe(
      "x: must have at most 500 values, got 501"
    )
  })
})

describe("oneOfList", () => {
  const TYPES = ["restock", "spike", "decline"] as const

  it("accepts values of the set in any form", () => {
    expect(oneOfList("restock,spike", "type", TYPES)).toEqual([
      "restock",
      "spike",
    ])
    expect(oneOfList(["decline"], "type", TYPES)).toEqual(["decline"])
    expect(oneOfList(undefined, "type", TYPES)).toBeUndefined()
  })

  it("names the first value outside the set", () => {
    expect(
      caught(() => oneOfList("restock,flood", "type", TYPES)).message
    ).toBe('type: "flood" is not one of restock, spike, decline')
  })
})
