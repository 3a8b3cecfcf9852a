const path = require("path")
const { requireSource, ORION_LIB } = require("./ts-source")

describe("requireSource", () => {
  it("loads a TypeScript module and its relative imports without a build", () => {
    const { hijriMonthDay, dayEvents } = requireSource(
      path.join(ORION_LIB, "calendar.ts")
    )
    // 1 Ramadan 1446 = 1 March 2025 (umm al-qura)
    expect(hijriMonthDay(Date.UTC(2025, 2, 1) / 86400000)).toEqual([9, 1])
    expect([...dayEvents(new Date(Date.UTC(2025, 2, 1)))]).toEqual(["ramadan"])
  })

  it("loads each file once", () => {
    const file = path.join(ORION_LIB, "random.ts")
    expect(requireSource(file)).toBe(requireSource(file))
  })

  it("fails on a missing file, naming it", () => {
    expect(() =>
      requireSource(path.join(ORION_LIB, "no-such-module.ts"))
    ).toThrow(/no-such-module/)
  })
})
