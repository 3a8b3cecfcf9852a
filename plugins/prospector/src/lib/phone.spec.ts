import { formatTunisianPhone, normalizeTunisianPhone } from "./phone"

describe("normalizeTunisianPhone", () => {
  it.each([
    ["71 234 567", "+21671234567"],
    ["71.234.567", "+21671234567"],
    ["+216 71 234 567", "+21671234567"],
    ["00216 98 123 456", "+21698123456"],
    ["(+216) 20-123-456", "+21620123456"],
    ["21655123456", "+21655123456"],
    ["+216\u00a029\u00a0111\u00a0222", "+21629111222"],
    ["٧١٢٣٤٥٦٧", "+21671234567"],
    ["98123456", "+21698123456"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeTunisianPhone(input)).toBe(expected)
  })

  it.each([
    ["7123456"], // 7 digits
    ["712345678"], // 9 digits
    ["01234567"], // starts with 0
    ["+33 1 23 45 67 89"], // France
    ["0033123456789"],
    ["abc"],
    [""],
  ])("rejects %s", (input) => {
    expect(normalizeTunisianPhone(input)).toBeNull()
  })

  it("rejects non-strings", () => {
    expect(normalizeTunisianPhone(null)).toBeNull()
    expect(normalizeTunisianPhone(undefined)).toBeNull()
  })

  it("formats for display", () => {
    expect(formatTunisianPhone("+21671234567")).toBe("+216 71 234 567")
  })
})
