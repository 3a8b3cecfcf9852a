import { onlyKnown } from "./only-known"
import { caught } from "./test-helpers"

describe("onlyKnown", () => {
  it("accepts known keys (or none)", () => {
    expect(() =>
      onlyKnown({ limit: "1", sku: "A" }, ["sku", "limit"])
    ).not.toThrow()
    expect(() => onlyKnown({}, [])).not.toThrow()
  })

  it("names the first unknown key and lists the allowed ones", () => {
    expect(
      caught(() => onlyKnown({ limit: "1", skew: "A" }, ["sku", "limit"]))
        .message
    ).toBe("skew: unknown parameter (allowed: sku, limit)")
    expect(
      caught(() => onlyKnown({ horizn: 4 }, ["horizon"], "field")).message
    ).toBe("horizn: unknown field (allowed: horizon)")
  })
})
