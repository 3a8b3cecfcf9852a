import { dayEvents, islamicMonthStarts, periodExposure } from "./calendar"

const d = (s: string) => new Date(s + "T00:00:00Z")

describe("tunisian calendar", () => {
  it("computes Ramadan starts from the Umm al-Qura calendar", () => {
    // 1 Ramadan 1445 = 11 March 2024; 1 Ramadan 1446 = 1 March 2025 (published dates)
    expect(
      islamicMonthStarts(2024, 9).map((x) => x.toISOString().slice(0, 10))
    ).toEqual(["2024-03-11"])
    expect(
      islamicMonthStarts(2025, 9).map((x) => x.toISOString().slice(0, 10))
    ).toEqual(["2025-03-01"])
    // Ramadan moves about 11 days earlier each year
    expect(islamicMonthStarts(2023, 9)[0].toISOString().slice(0, 10)).toBe(
      "2023-03-23"
    )
  })

  it("flags Eid al-Fitr and Eid al-Adha days", () => {
    expect(dayEvents(d("2024-04-10")).has("eidFitr")).toBe(true)
    expect(dayEvents(d("2024-06-16")).has("eidAdha")).toBe(true)
    expect(dayEvents(d("2024-04-20")).has("eidFitr")).toBe(false)
    expect(dayEvents(d("2024-03-20")).has("ramadan")).toBe(true)
  })

  it("computes exposure fractions per month and week", () => {
    const march = periodExposure(d("2024-03-01"), "month")
    // Ramadan 1445 covers 11–31 March 2024: 21 of 31 days
    expect(march.ramadan).toBeCloseTo(21 / 31, 10)
    expect(march.summer).toBe(0)
    const july = periodExposure(d("2024-07-01"), "month")
    expect(july.summer).toBeCloseTo(1, 10)
    const week = periodExposure(d("2024-04-08"), "week")
    expect(week.eidFitr).toBeCloseTo(3 / 7, 10)
  })
})
