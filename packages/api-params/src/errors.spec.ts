import { MedusaError } from "@medusajs/utils"
import { invalidData, invalidParam, notFound } from "./errors"

describe("errors", () => {
  it("invalidData: a 400 with the message as written", () => {
    const e = invalidData("format: only csv")
    expect(e.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(e.message).toBe("format: only csv")
  })

  it("invalidParam: a 400 naming the parameter", () => {
    const e = invalidParam("limit", "must be between 1 and 500, got 0")
    expect(e.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(e.message).toBe("limit: must be between 1 and 500, got 0")
  })

  it("notFound: a 404 with the message as written", () => {
    const e = notFound("Lead lead_1 was not found")
    expect(e.type).toBe(MedusaError.Types.NOT_FOUND)
    expect(e.message).toBe("Lead lead_1 was not found")
  })
})
