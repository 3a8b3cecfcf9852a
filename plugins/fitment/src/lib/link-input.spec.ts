import { MedusaError } from "@medusajs/utils"
import { cleanLinkInput, mergeLinkInput, requireVehicleId } from "./link-input"

const invalid = (fn: () => unknown, message: string) => {
  try {
    fn()
  } catch (e) {
    expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    expect((e as Error).message).toContain(message)
    return
  }
  throw new Error("expected an INVALID_DATA error")
}

describe("requireVehicleId", () => {
  it("gives the id, or refuses a missing one naming vehicle_id", () => {
    expect(requireVehicleId({ vehicle_id: "veh_1" })).toBe("veh_1")
    invalid(() => requireVehicleId({}), "vehicle_id: is required")
  })
})

describe("cleanLinkInput", () => {
  it("fills the defaults and tidies the texts", () => {
    expect(
      cleanLinkInput({
        vehicle_id: "veh_1",
        engine_code: " k9k ",
        note_fr: "  ",
        note_ar: " مع ",
      })
    ).toEqual({
      vehicle_id: "veh_1",
      variant_id: null,
      position: null,
      quantity: 1,
      engine_code: "K9K",
      from_ym: null,
      to_ym: null,
      note_fr: null,
      note_ar: "مع",
      source: "staff",
    })
  })

  it("refuses each bad qualifier naming its field", () => {
    const base = { vehicle_id: "veh_1" }
    invalid(() => cleanLinkInput({ ...base, quantity: 0 }), "quantity:")
    invalid(() => cleanLinkInput({ ...base, quantity: 1.5 }), "quantity:")
    invalid(() => cleanLinkInput({ ...base, from_ym: 201413 }), "from_ym:")
    invalid(() => cleanLinkInput({ ...base, to_ym: 194912 }), "to_ym:")
    invalid(
      () => cleanLinkInput({ ...base, from_ym: 201405, to_ym: 201403 }),
      "to_ym: 201403 is before from_ym 201405"
    )
    invalid(
      () => cleanLinkInput({ ...base, source: "robot" as "staff" }),
      "source: must be import, staff or supplier"
    )
    invalid(
      () => cleanLinkInput({ ...base, position: "on the roof, maybe" }),
      "position:"
    )
  })
})

describe("mergeLinkInput", () => {
  it("keeps the current value of every field not given, and takes null", () => {
    const merged = mergeLinkInput(
      { vehicle_id: "veh_1", quantity: 2, note_fr: "x", source: "import" },
      { note_fr: null, position: "front" }
    )
    expect(merged).toMatchObject({
      vehicle_id: "veh_1",
      quantity: 2,
      note_fr: null,
      position: "front",
      source: "import",
    })
  })
})
