import { periodStarts } from "./generator"

const iso = (dates: Date[]) => dates.map((d) => d.toISOString().slice(0, 10))

describe("periodStarts", () => {
  it("steps a week at a time", () => {
    expect(
      iso(periodStarts(new Date("2019-01-07T00:00:00Z"), 3, "week"))
    ).toEqual(["2019-01-07", "2019-01-14", "2019-01-21"])
  })

  it("steps to the first of each month, across a year end", () => {
    expect(
      iso(periodStarts(new Date("2020-11-15T00:00:00Z"), 3, "month"))
    ).toEqual(["2020-11-01", "2020-12-01", "2021-01-01"])
  })

  it("gives nothing for no period", () => {
    expect(periodStarts(new Date("2019-01-07T00:00:00Z"), 0, "week")).toEqual(
      []
    )
  })
})
