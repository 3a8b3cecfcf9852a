import { caught } from "./test-helpers"
import { text } from "./text"

describe("text", () => {
  it("reads one value, trimmed", () => {
    expect(text("  Clio ", "q")).toBe("Clio")
    expect(text("veh_01", "vehicle_id")).toBe("veh_01")
  })

  it("is undefined when absent, empty or blank, unless required", () => {
    expect(text(undefined, "q")).toBeUndefined()
    expect(text("", "q")).toBeUndefined()
    expect(text("   ", "q")).toBeUndefined()
    expect(
      caught(() => text(undefined, "variant_id", { required: true })).message
    ).toBe("variant_id: is required")
    expect(
      caught(() => text(" ", "variant_id", { required: true })).message
    ).toBe("variant_id: is required")
  })

  it("refuses repeats and nested values (x=a&x=b, x[k]=v)", () => {
    expect(caught(() => text(["a", "b"], "make_id")).message).toBe(
      "make_id: must be a single value, got a list of 2"
    )
    expect(caught(() => text({ k: "v" }, "make_id")).message).toBe(
      'make_id: must be a single value, got {"k":"v"}'
    )
  })

  it("limits the length", () => {
    expect(text("x".repeat(200), "q", { maxLength: 200 })).toHaveLength(200)
    expect(
      caught(() => text("x".repeat(201), "q", { maxLength: 200 })).message
    ).toBe("q: must be at most 200 characters, got 201")
  })
})
