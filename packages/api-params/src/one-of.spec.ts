import { oneOf } from "./one-of"
import { caught } from "./test-helpers"

const SOURCES = ["order", "import"] as const

describe("oneOf", () => {
  it("accepts a value of the set", () => {
    const v: "order" | "import" | undefined = oneOf(
      " import ",
      "source",
      SOURCES
    )
    expect(v).toBe("import")
  })

  it("gives the default when absent", () => {
    expect(oneOf(undefined, "source", SOURCES)).toBeUndefined()
    expect(oneOf("", "source", SOURCES, { default: "order" })).toBe("order")
  })

  it("refuses other values (case matters) and lists the allowed ones", () => {
    expect(caught(() => oneOf("web", "source", SOURCES)).message).toBe(
      'source: "web" is not one of order, import'
    )
    expect(caught(() => oneOf("Order", "source", SOURCES)).message).toBe(
      'source: "Order" is not one of order, import'
    )
  })
})
