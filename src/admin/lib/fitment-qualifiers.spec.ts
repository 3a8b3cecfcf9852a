import {
  EMPTY_QUALIFIERS,
  linkQualifiers,
  qualifierBody,
} from "./fitment-qualifiers"
import type { FitmentLink } from "./fitment-types"

describe("qualifierBody", () => {
  it("trims the texts and sends null for empty ones", () => {
    expect(
      qualifierBody({
        position: "front_left",
        quantity: "2",
        engine_code: " K9K ",
        note_fr: " jante 15 ",
        note_ar: "",
      })
    ).toEqual({
      position: "front_left",
      quantity: 2,
      engine_code: "K9K",
      note_fr: "jante 15",
      note_ar: null,
    })
    expect(qualifierBody(EMPTY_QUALIFIERS)).toEqual({
      position: null,
      quantity: 1,
      engine_code: null,
      note_fr: null,
      note_ar: null,
    })
  })

  it.each(["0", "1001", "1.5", "", "deux"])(
    "refuses the quantity %p",
    (quantity) => {
      expect(qualifierBody({ ...EMPTY_QUALIFIERS, quantity })).toBeNull()
    }
  )
})

describe("linkQualifiers", () => {
  it("turns a link's qualifiers into form fields", () => {
    const link = {
      id: "fl_1",
      vehicle_id: "veh_1",
      position: null,
      quantity: 4,
      engine_code: "K9K",
      note_fr: null,
      note_ar: "ملاحظة",
      source: "staff",
    } as FitmentLink
    expect(linkQualifiers(link)).toEqual({
      position: "",
      quantity: "4",
      engine_code: "K9K",
      note_fr: "",
      note_ar: "ملاحظة",
    })
  })
})
