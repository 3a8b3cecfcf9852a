import qs from "qs"
import { pagination } from "./pagination"
import { caught } from "./test-helpers"

describe("pagination", () => {
  const defaults = { limit: 50, max: 200 }

  it("reads limit and offset", () => {
    expect(pagination(qs.parse("limit=10&offset=20"), defaults)).toEqual({
      limit: 10,
      offset: 20,
    })
  })

  it("uses the defaults when absent or empty", () => {
    expect(pagination({}, defaults)).toEqual({ limit: 50, offset: 0 })
    expect(pagination(qs.parse("limit=&offset="), defaults)).toEqual({
      limit: 50,
      offset: 0,
    })
  })

  it("keeps limit within 1…max and offset at 0 or more", () => {
    expect(pagination({ limit: "200" }, defaults).limit).toBe(200)
    expect(caught(() => pagination({ limit: "201" }, defaults)).message).toBe(
      "limit: must be between 1 and 200, got 201"
    )
    expect(caught(() => pagination({ limit: "0" }, defaults)).message).toBe(
      "limit: must be between 1 and 200, got 0"
    )
    expect(caught(() => pagination({ offset: "-1" }, defaults)).message).toBe(
      "offset: must be at least 0, got -1"
    )
    expect(caught(() => pagination({ offset: "ten" }, defaults)).message).toBe(
      'offset: must be a whole number, got "ten"'
    )
    expect(
      caught(() => pagination(qs.parse("limit=5&limit=6"), defaults)).message
    ).toBe("limit: must be a single value, got a list of 2")
  })
})
