import { BodyError, DEFAULT_LIMIT, parseSearchRequest } from "./search-request"

describe("parseSearchRequest", () => {
  it("defaults and trims", () => {
    expect(parseSearchRequest({ q: "  plaquettes  " })).toEqual({
      q: "plaquettes",
      offset: 0,
      limit: DEFAULT_LIMIT,
      vehicle_id: null,
      category_id: [],
    })
    expect(parseSearchRequest({}).q).toBe("")
  })

  it("accepts numbers given as digit strings, one or many categories", () => {
    const r = parseSearchRequest({
      q: "x",
      offset: "10",
      limit: 5,
      vehicle_id: "veh_1",
      category_id: "pcat_1",
    })
    expect(r).toMatchObject({
      offset: 10,
      limit: 5,
      vehicle_id: "veh_1",
      category_id: ["pcat_1"],
    })
    expect(parseSearchRequest({ category_id: ["a", "b"] }).category_id).toEqual(
      ["a", "b"]
    )
  })

  it.each([
    [null, ""],
    [[1, 2], ""],
    ["plaquettes", ""],
    [{ q: 42 }, "q"],
    [{ q: "x".repeat(201) }, "q"],
    [{ limit: 0 }, "limit"],
    [{ limit: 1000 }, "limit"],
    [{ limit: 2.5 }, "limit"],
    [{ offset: -1 }, "offset"],
    [{ offset: "ten" }, "offset"],
    [{ vehicle_id: "" }, "vehicle_id"],
    [{ vehicle_id: 12 }, "vehicle_id"],
    [{ category_id: [1] }, "category_id"],
    [{ filter: "brand = bosch" }, "filter"],
  ])("rejects %j (field %s)", (body, field) => {
    expect.assertions(2)
    try {
      parseSearchRequest(body)
    } catch (e) {
      expect(e).toBeInstanceOf(BodyError)
      expect((e as BodyError).field).toBe(field)
    }
  })
})
