import {
  aggregateEnd,
  averageDemandInterval,
  classifyDemand,
  demandIntervals,
  demandSizes,
  sizeCv2,
} from "./intermittent"

describe("intermittent helpers", () => {
  const y = [0, 2, 0, 0, 3, 0, 1]

  it("extracts sizes and intervals like statsforecast", () => {
    expect(demandSizes(y)).toEqual([2, 3, 1])
    expect(demandIntervals(y)).toEqual([2, 3, 2])
    expect(averageDemandInterval(y)).toBeCloseTo(7 / 3, 12)
    expect(averageDemandInterval([0, 0])).toBe(Infinity)
  })

  it("aggregates end-aligned buckets dropping the first n mod k points", () => {
    expect(aggregateEnd(y, 2)).toEqual([2, 3, 1])
    expect(aggregateEnd(y, 3)).toEqual([2, 4])
    expect(aggregateEnd(y, 8)).toEqual([])
  })

  it("classifies by ADI and CV²", () => {
    expect(sizeCv2([1, 3])).toBeCloseTo(0.25, 12)
    expect(classifyDemand([5, 5, 6, 5])).toBe("smooth")
    expect(classifyDemand([1, 20, 1, 30])).toBe("erratic")
    expect(classifyDemand([0, 0, 5, 0, 0, 5])).toBe("intermittent")
    expect(classifyDemand([0, 0, 1, 0, 0, 40])).toBe("lumpy")
    expect(classifyDemand([0, 0, 0])).toBe("none")
  })
})
