import { single } from "./single"
import { caught } from "./test-helpers"

describe("single", () => {
  it("gives text as written, numbers and booleans as text", () => {
    expect(single(" a ", "x")).toBe(" a ")
    expect(single(3, "x")).toBe("3")
    expect(single(false, "x")).toBe("false")
  })

  it("is undefined when absent or empty", () => {
    expect(single(undefined, "x")).toBeUndefined()
    expect(single(null, "x")).toBeUndefined()
    expect(single("", "x")).toBeUndefined()
  })

  it("refuses repeats and objects", () => {
    expect(caught(() => single(["a"], "x")).message).toBe(
      "x: must be a single value, got a list of 1"
    )
    expect(caught(() => single({ 0: "a" }, "x")).message).toBe(
      'x: must be a single value, got {"0":"a"}'
    )
  })
})
