import { boolean } from "./boolean"
import { caught } from "./test-helpers"

describe("boolean", () => {
  it.each([["true"], ["TRUE"], ["1"], ["yes"], ["on"], [true], [1]])(
    "reads %p as true",
    (v) => {
      expect(boolean(v, "active")).toBe(true)
    }
  )

  it.each([["false"], ["False"], ["0"], ["no"], ["off"], [false], [0]])(
    "reads %p as false",
    (v) => {
      expect(boolean(v, "active")).toBe(false)
    }
  )

  it("gives the default when absent or empty", () => {
    expect(boolean(undefined, "active")).toBeUndefined()
    expect(boolean("", "active")).toBeUndefined()
    expect(boolean(undefined, "dry_run", { default: false })).toBe(false)
    expect(boolean(null, "dry_run", { default: true })).toBe(true)
  })

  it("refuses anything else, naming the parameter", () => {
    expect(caught(() => boolean("maybe", "active")).message).toBe(
      'active: must be true or false, got "maybe"'
    )
    expect(caught(() => boolean(["true", "false"], "active")).message).toBe(
      "active: must be a single value, got a list of 2"
    )
  })
})
