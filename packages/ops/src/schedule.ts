/**
 * Wall-clock schedules in a named time zone (Africa/Tunis by default), for the
 * scheduled jobs of every plugin.
 *
 * Medusa 1.20's job scheduler hands BullMQ only a cron pattern (no time zone),
 * so a pattern is read in the server process's local time zone. Two ways to
 * run at a local wall time follow from that, both written here once:
 * - `cronPattern(spec)`: the pattern that fires at the spec's time, in the
 *   server's zone (computed with `Intl`, never a hard-coded offset);
 * - an hourly tick and a due check (`lastRun`, `dailySearchDue`,
 *   `dueReportPeriod`): the job decides in the spec's zone whether work is
 *   due, whatever TZ the server runs in and whatever DST it observes, and work
 *   missed while the server was down is caught up at the next tick.
 */

/** The shop's time zone (UTC+1 all year: no daylight saving since 2009). */
export const TUNIS_TIME_ZONE = "Africa/Tunis"

export interface ZonedParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  /** ISO weekday: 1 = Monday ... 7 = Sunday */
  weekday: number
  /** YYYY-MM-DD in the zone */
  date: string
}

/** A weekly or daily wall-clock time in a zone, as `parseSchedule` reads it. */
export interface Schedule {
  /** ISO weekday (1 = Monday ... 7 = Sunday); null: every day */
  weekday: number | null
  hour: number
  minute: number
  timeZone: string
}

const WEEKDAYS: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
}

const DAY_NAMES = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]

export function zonedParts(at: Date, timeZone: string): ZonedParts {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    weekday: "short",
    hourCycle: "h23",
  })
  const parts: Record<string, string> = {}
  for (const p of fmt.formatToParts(at)) {
    parts[p.type] = p.value
  }
  const year = Number(parts.year)
  const month = Number(parts.month)
  const day = Number(parts.day)
  return {
    year,
    month,
    day,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday],
    date: `${parts.year}-${parts.month}-${parts.day}`,
  }
}

/** The UTC instant of the wall time `hour:minute` on `date` (YYYY-MM-DD) in the zone. */
export function zonedTime(
  date: string,
  hour: number,
  minute: number,
  timeZone: string
): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) {
    throw new Error(`zonedTime: "${date}" is not YYYY-MM-DD`)
  }
  const guess = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    hour,
    minute
  )
  // offset of the zone at that instant, applied twice to settle across a DST change
  let t = guess
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(t), timeZone)
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)
    t = guess - (asUtc - t)
  }
  return new Date(t)
}

/** The UTC instant of local midnight starting `date` (YYYY-MM-DD) in the zone. */
export function zonedMidnight(date: string, timeZone: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error(`zonedMidnight: "${date}" is not YYYY-MM-DD`)
  }
  return zonedTime(date, 0, 0, timeZone)
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * Reads "Monday 06:00 Africa/Tunis", "Sunday 23:30" or "daily 02:00" (the
 * zone defaults to Africa/Tunis; day names in English, any case).
 */
export function parseSchedule(spec: string): Schedule {
  const m = /^\s*([A-Za-z]+)\s+(\d{1,2}):(\d{2})(?:\s+(\S+))?\s*$/.exec(spec)
  const day = m?.[1].toLowerCase()
  const weekday = day === "daily" ? null : day ? DAY_NAMES.indexOf(day) + 1 : -1
  const hour = Number(m?.[2])
  const minute = Number(m?.[3])
  if (!m || weekday === 0 || hour > 23 || minute > 59) {
    throw new Error(
      `schedule: "${spec}" is not "<weekday|daily> HH:MM [time zone]"`
    )
  }
  const timeZone = m[4] ?? TUNIS_TIME_ZONE
  // throws a RangeError on an unknown zone
  new Intl.DateTimeFormat("en-US", { timeZone })
  return { weekday, hour, minute, timeZone }
}

const asSchedule = (s: string | Schedule): Schedule =>
  typeof s === "string" ? parseSchedule(s) : s

/** The scheduled instants around `at`: the days from `from` to `to` (relative to `at`'s local date), in order. */
function instants(s: Schedule, at: Date, from: number, to: number): Date[] {
  const p = zonedParts(at, s.timeZone)
  const out: Date[] = []
  for (let k = from; k <= to; k++) {
    const weekday = ((((p.weekday - 1 + k) % 7) + 7) % 7) + 1
    if (s.weekday === null || s.weekday === weekday) {
      out.push(zonedTime(addDays(p.date, k), s.hour, s.minute, s.timeZone))
    }
  }
  return out
}

/** The first scheduled instant strictly after `after`. */
export function nextRun(spec: string | Schedule, after: Date): Date {
  const s = asSchedule(spec)
  return instants(s, after, 0, 8).find((t) => t > after) as Date
}

/** The latest scheduled instant at or before `at` (the run that is due now). */
export function lastRun(spec: string | Schedule, at: Date): Date {
  const s = asSchedule(spec)
  const before = instants(s, at, -8, 0).filter((t) => t <= at)
  return before[before.length - 1]
}

/** The zone the server process reads cron patterns in. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/**
 * The cron pattern ("m h * * d") firing at the spec's wall time, read in the
 * server's zone (by default this process's): the spec's next run after `at`,
 * as the server's clock shows it. Exact while the two zones keep their offset
 * (Africa/Tunis has no DST; a server in UTC neither).
 */
export function cronPattern(
  spec: string | Schedule,
  at: Date = new Date(),
  serverTimeZone: string = localTimeZone()
): string {
  const s = asSchedule(spec)
  const p = zonedParts(nextRun(s, at), serverTimeZone)
  return `${p.minute} ${p.hour} * * ${s.weekday === null ? "*" : p.weekday % 7}`
}

/**
 * The cron pattern of an hourly tick at `minute` past each hour, for a job
 * that decides itself, in its zone, whether work is due (the due checks below).
 */
export function hourlyTick(minute = 0): string {
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new Error(`hourlyTick: minute must be 0..59, got ${minute}`)
  }
  return `${minute} * * * *`
}

/** Daily work: due from `hour` local time on, once per local day. */
export function dailySearchDue(
  now: Date,
  timeZone: string,
  hour: number,
  lastJobRunDate: string | null
): { due: boolean; date: string } {
  const today = zonedParts(now, timeZone).date
  const last = lastRun({ weekday: null, hour, minute: 0, timeZone }, now)
  const started = zonedParts(last, timeZone).date === today
  return { due: started && lastJobRunDate !== today, date: today }
}

/**
 * The last complete report week (Monday 00:00 to the next Monday 00:00, local
 * time) that should exist at `now`, given reports are made on Monday at `hour`.
 */
export function dueReportPeriod(
  now: Date,
  timeZone: string,
  hour: number
): { start: Date; end: Date; start_date: string } {
  const last = lastRun({ weekday: 1, hour, minute: 0, timeZone }, now)
  const monday = zonedParts(last, timeZone).date
  const startDate = addDays(monday, -7)
  return {
    start: zonedMidnight(startDate, timeZone),
    end: zonedMidnight(monday, timeZone),
    start_date: startDate,
  }
}

/** Start of the calendar month containing `now`, in the zone (for a monthly budget). */
export function monthStart(now: Date, timeZone: string): Date {
  const p = zonedParts(now, timeZone)
  return zonedMidnight(`${p.date.slice(0, 7)}-01`, timeZone)
}
