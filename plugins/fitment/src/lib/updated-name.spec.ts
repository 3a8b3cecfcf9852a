import { MedusaError } from "@medusajs/utils"
import { requiredName, updatedName } from "./updated-name"

describe("updatedName", () => {
  it("keeps the current name when none is given", () => {
    expect(updatedName(undefined, "Bosch")).toBe("Bosch")
  })

  it("cleans the given name", () => {
    expect(updatedName("  Valeo   Service ", "Valeo")).toBe("Valeo Service")
  })

  it("refuses a name that cleans to nothing", () => {
    expect.assertions(2)
    try {
      updatedName("   ", "Bosch")
    } catch (e) {
      expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
      expect((e as MedusaError).message).toBe("name: must not be empty")
    }
  })
})

describe("requiredName", () => {
  it("cleans the given name", () => {
    expect(requiredName("  Valeo   Service ")).toBe("Valeo Service")
  })

  it.each([undefined, null, "", "   "])(
    "refuses %p: a new name is required",
    (given) => {
      expect.assertions(2)
      try {
        requiredName(given)
      } catch (e) {
        expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
        expect((e as MedusaError).message).toBe("name: is required")
      }
    }
  )
})
