import {
  addDays,
  cronPattern,
  dailySearchDue,
  dueReportPeriod,
  hourlyTick,
  lastRun,
  monthStart,
  nextRun,
  parseSchedule,
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

  it("reads weekly and daily specs, in Africa/Tunis unless a zone is named", () => {
    expect(parseSchedule("Monday 06:00 Africa/Tunis")).toEqual({
      weekday: 1,
      hour: 6,
      minute: 0,
      timeZone: TUNIS,
    })
    expect(parseSchedule("sunday 23:30")).toEqual({
      weekday: 7,
      hour: 23,
      minute: 30,
      timeZone: TUNIS,
    })
    expect(parseSchedule("daily 02:00 Europe/Paris")).toEqual({
      weekday: null,
      hour: 2,
      minute: 0,
      timeZone: "Europe/Paris",
    })
    expect(() => parseSchedule("Someday 06:00")).toThrow(/weekday\|daily/)
    expect(() => parseSchedule("Monday 25:00")).toThrow(/HH:MM/)
    expect(() => parseSchedule("Monday 06:00 Mars/Olympus")).toThrow()
  })

  it("next and last runs of a weekly spec, in the spec's zone", () => {
    // Sunday 2025-01-12 23:30 Tunis is 22:30 UTC
    expect(
      nextRun("Sunday 23:30", new Date("2025-01-10T12:00:00Z")).toISOString()
    ).toBe("2025-01-12T22:30:00.000Z")
    // at the instant itself: the next one is a week later, the last one is now
    const at = new Date("2025-01-12T22:30:00Z")
    expect(nextRun("Sunday 23:30", at).toISOString()).toBe(
      "2025-01-19T22:30:00.000Z"
    )
    expect(lastRun("Sunday 23:30", at).toISOString()).toBe(
      "2025-01-12T22:30:00.000Z"
    )
    // daily, across Paris's change to summer time (30 March 2025)
    expect(
      nextRun(
        "daily 06:00 Europe/Paris",
        new Date("2025-03-30T04:00:00Z")
      ).toISOString()
    ).toBe("2025-03-31T04:00:00.000Z")
    expect(
      nextRun(
        "daily 06:00 Europe/Paris",
        new Date("2025-03-29T12:00:00Z")
      ).toISOString()
    ).toBe("2025-03-30T04:00:00.000Z")
  })

  it("the cron pattern of a spec, in the server's time zone", () => {
    const at = new Date("2025-06-01T00:00:00Z")
    expect(cronPattern("Sunday 23:30 Africa/Tunis", at, "UTC")).toBe(
      "30 22 * * 0"
    )
    expect(cronPattern("Sunday 23:30 Africa/Tunis", at, TUNIS)).toBe(
      "30 23 * * 0"
    )
    // Monday 00:30 Tunis is still Sunday in UTC
    expect(cronPattern("Monday 00:30", at, "UTC")).toBe("30 23 * * 0")
    expect(cronPattern("daily 02:00", at, "UTC")).toBe("0 1 * * *")
    expect(hourlyTick()).toBe("0 * * * *")
    expect(hourlyTick(5)).toBe("5 * * * *")
    expect(() => hourlyTick(60)).toThrow(/0..59/)
    // a server in Paris (UTC+2 in summer) sees Tunis 23:30 at 00:30 on Monday
    expect(cronPattern("Sunday 23:30", at, "Europe/Paris")).toBe("30 0 * * 1")
  })
})
