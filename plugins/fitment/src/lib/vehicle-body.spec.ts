import { normalizeBody } from "./vehicle-body"

describe("normalizeBody", () => {
  it.each([
    ["Break", "estate"],
    ["SW", "estate"],
    ["Fourgon", "van"],
    ["pick-up", "pickup"],
    ["Berline", "sedan"],
    ["berline 5 portes", "hatchback"],
    ["Berline 4 portes", "sedan"],
    ["Coupé", "coupe"],
    ["chassis_cab", "chassis_cab"],
    ["Citadine", "hatchback"],
    ["compacte", "hatchback"],
    ["Monospace", "mpv"],
  ])("%s → %s", (input, body) => {
    expect(normalizeBody(input)).toBe(body)
  })

  it("returns null for text that names no body", () => {
    expect(normalizeBody("bleu")).toBeNull()
    expect(normalizeBody("")).toBeNull()
  })
})
