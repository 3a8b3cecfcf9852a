import { objectBody } from "./body"
import { caught } from "./test-helpers"

describe("objectBody", () => {
  it("gives the object, or {} when there is no body", () => {
    expect(objectBody({ a: 1 })).toEqual({ a: 1 })
    expect(objectBody(undefined)).toEqual({})
    expect(objectBody(null)).toEqual({})
  })

  it("refuses arrays and scalars", () => {
    for (const b of [[1], "text", 3, true]) {
      expect(caught(() => objectBody(b)).message).toBe(
        "body: must be a JSON object"
      )
    }
  })
})
