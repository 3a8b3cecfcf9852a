import { date } from "./date"
import { caught } from "./test-helpers"

describe("date", () => {
  it("reads ISO dates and date-times", () => {
    expect(date("2024-03-01", "since")?.toISOString()).toBe(
      "2024-03-01T00:00:00.000Z"
    )
    expect(date("2024-02-29", "since")?.toISOString()).toBe(
      "2024-02-29T00:00:00.000Z"
    )
    expect(date("2024-03-01T10:30:00Z", "since")?.toISOString()).toBe(
      "2024-03-01T10:30:00.000Z"
    )
    expect(date("2024-03-01T10:30:00.123+01:00", "since")?.toISOString()).toBe(
      "2024-03-01T09:30:00.123Z"
    )
    expect(date("2024-03-01 10:30", "since")?.toISOString()).toBe(
      "2024-03-01T10:30:00.000Z"
    )
    expect(date("2024-03-01T23:59:59-0100", "since")?.toISOString()).toBe(
      "2024-03-02T00:59:59.000Z"
    )
  })

  it("is undefined when absent or empty", () => {
    expect(date(undefined, "since")).toBeUndefined()
    expect(date("", "since")).toBeUndefined()
  })

  it.each([
    ["2024-02-30"],
    ["2023-02-29"],
    ["2024-13-01"],
    ["2024-03-01T24:00"],
    ["03/01/2024"],
    ["yesterday"],
    ["2024-3-1"],
    ["1709251200"],
  ])("refuses %s, naming the parameter", (raw) => {
    expect(caught(() => date(raw, "since")).message).toBe(
      `since: must be a date like 2024-03-01 or 2024-03-01T10:30:00Z, got "${raw}"`
    )
  })
})
