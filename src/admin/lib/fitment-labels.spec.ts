import { FUEL_LABELS, fuelInText } from "./fitment-labels"

describe("fuelInText", () => {
  it.each([
    ["petrol", "essence"],
    ["diesel", "diesel"],
    ["hybrid", "hybride"],
    ["plug_in_hybrid", "hybride rechargeable"],
    ["electric", "électrique"],
    ["lpg", "GPL"],
    ["petrol_lpg", "essence/GPL"],
    ["cng", "GNV"],
    ["flex", "flex (essence/éthanol E85)"],
  ])("%s reads %s inside a sentence", (code, text) => {
    expect(fuelInText(code)).toBe(text)
  })

  it("covers every fuel of the labels", () => {
    for (const code of Object.keys(FUEL_LABELS)) {
      expect(fuelInText(code).toLowerCase()).toBe(
        FUEL_LABELS[code].toLowerCase()
      )
    }
  })

  it("gives an unknown code as is", () => {
    expect(fuelInText("hydrogen")).toBe("hydrogen")
  })
})
