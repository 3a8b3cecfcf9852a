import { objectField, textField } from "./field"
import { caught } from "./test-helpers"

describe("textField", () => {
  it("reads a JSON string, trimmed; undefined when absent", () => {
    expect(textField(" Bosch ", "name")).toBe("Bosch")
    expect(textField(undefined, "name")).toBeUndefined()
    expect(
      caught(() => textField(undefined, "name", { required: true })).message
    ).toBe("name: is required")
  })

  it("refuses operators, numbers, booleans and lists", () => {
    expect(caught(() => textField({ $gt: "" }, "name")).message).toBe(
      "name: must be text, got an object"
    )
    expect(caught(() => textField(12, "name")).message).toBe(
      "name: must be text, got a number"
    )
    expect(caught(() => textField(true, "name")).message).toBe(
      "name: must be text, got a boolean"
    )
    expect(caught(() => textField(["a"], "name")).message).toBe(
      "name: must be text, got a list"
    )
    expect(caught(() => textField(null, "name")).message).toBe(
      "name: must be text, got null"
    )
  })

  it("nullable: null and blank clear the field", () => {
    expect(textField(null, "country", { nullable: true })).toBeNull()
    expect(textField("  ", "country", { nullable: true })).toBeNull()
    expect(textField(undefined, "country", { nullable: true })).toBeUndefined()
    expect(
      caught(() =>
        textField("x".repeat(3), "country", { nullable: true, maxLength: 2 })
      ).message
    ).toBe("country: must be at most 2 characters, got 3")
  })
})

describe("objectField", () => {
  it("accepts objects and null, refuses the rest", () => {
    expect(objectField({ a: 1 }, "metadata")).toEqual({ a: 1 })
    expect(objectField(null, "metadata")).toBeNull()
    expect(objectField(undefined, "metadata")).toBeUndefined()
    expect(caught(() => objectField("x", "metadata")).message).toBe(
      "metadata: must be a JSON object, got a string"
    )
    expect(caught(() => objectField([1], "metadata")).message).toBe(
      "metadata: must be a JSON object, got a list"
    )
  })
})
