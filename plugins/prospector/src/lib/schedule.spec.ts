import {
  addDays,
  dailySearchDue,
  dueReportPeriod,
  monthStart,
  zonedMidnight,
  zonedParts,
} from "./schedule"

const TUNIS = "Africa/Tunis"

describe("schedule helpers (Africa/Tunis is UTC+1 all year)", () => {
  it("reads local wall time and ISO weekday", () => {
    const p = zonedParts(new Date("2025-01-06T01:30:00Z"), TUNIS)
    expect(p).toMatchObject({
      date: "2025-01-06",
      hour: 2,
      minute: 30,
      weekday: 1,
    })
    expect(zonedParts(new Date("2025-01-05T23:30:00Z"), TUNIS)).toMatchObject({
      date: "2025-01-06",
      hour: 0,
      weekday: 1,
    })
  })

  it("local midnight in Tunis is 23:00 UTC the day before, in summer too", () => {
    expect(zonedMidnight("2025-01-06", TUNIS).toISOString()).toBe(
      "2025-01-05T23:00:00.000Z"
    )
    expect(zonedMidnight("2025-07-14", TUNIS).toISOString()).toBe(
      "2025-07-13T23:00:00.000Z"
    )
    // a zone with DST: Paris is UTC+2 in July
    expect(zonedMidnight("2025-07-14", "Europe/Paris").toISOString()).toBe(
      "2025-07-13T22:00:00.000Z"
    )
    expect(() => zonedMidnight("14/07/2025", TUNIS)).toThrow(/YYYY-MM-DD/)
  })

  it("daily search is due from 02:00 Tunis time, once per local day", () => {
    expect(
      dailySearchDue(new Date("2025-03-10T00:59:00Z"), TUNIS, 2, null).due
    ).toBe(false) // 01:59 local
    expect(
      dailySearchDue(new Date("2025-03-10T01:00:00Z"), TUNIS, 2, null)
    ).toEqual({ due: true, date: "2025-03-10" })
    expect(
      dailySearchDue(new Date("2025-03-10T01:00:00Z"), TUNIS, 2, "2025-03-10")
        .due
    ).toBe(false)
    // missed at 02:00 (server down): caught up at 15:00
    expect(
      dailySearchDue(new Date("2025-03-10T14:00:00Z"), TUNIS, 2, "2025-03-09")
        .due
    ).toBe(true)
  })

  it("the due report week is the last complete Monday-to-Monday week from Monday 07:00 local", () => {
    // Monday 2025-01-13 06:59 local: the week 2024-12-30..2025-01-06 is the latest due
    const early = dueReportPeriod(new Date("2025-01-13T05:59:00Z"), TUNIS, 7)
    expect(early.start_date).toBe("2024-12-30")
    // Monday 07:00 local: the week 2025-01-06..2025-01-13
    const due = dueReportPeriod(new Date("2025-01-13T06:00:00Z"), TUNIS, 7)
    expect(due.start_date).toBe("2025-01-06")
    expect(due.start.toISOString()).toBe("2025-01-05T23:00:00.000Z")
    expect(due.end.toISOString()).toBe("2025-01-12T23:00:00.000Z")
    // Thursday: still that week
    expect(
      dueReportPeriod(new Date("2025-01-16T12:00:00Z"), TUNIS, 7).start_date
    ).toBe("2025-01-06")
    // Sunday night
    expect(
      dueReportPeriod(new Date("2025-01-19T22:30:00Z"), TUNIS, 7).start_date
    ).toBe("2025-01-06")
  })

  it("month start and day arithmetic", () => {
    expect(
      monthStart(new Date("2025-02-28T23:30:00Z"), TUNIS).toISOString()
    ).toBe("2025-02-28T23:00:00.000Z") // already 1 March locally
    expect(
      monthStart(new Date("2025-02-10T10:00:00Z"), TUNIS).toISOString()
    ).toBe("2025-01-31T23:00:00.000Z")
    expect(addDays("2024-12-30", 7)).toBe("2025-01-06")
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29")
  })
})
