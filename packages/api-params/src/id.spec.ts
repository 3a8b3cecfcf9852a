import { id, ID_PATTERN } from "./id"

describe("id", () => {
  it("takes ids and refuses what cannot be one, naming the parameter", () => {
    expect(id("veh_01HXYZ", "make_id")).toBe("veh_01HXYZ")
    expect(id(undefined, "make_id")).toBeUndefined()
    expect(() => id("' OR '1'='1", "make_id")).toThrow(
      /^make_id: is not a valid id/
    )
    expect(() => id("1; DROP TABLE product; --", "model_id")).toThrow(
      /^model_id: /
    )
    expect(ID_PATTERN.test("pcat_1")).toBe(true)
  })
})
