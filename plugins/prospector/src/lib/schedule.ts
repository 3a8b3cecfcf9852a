/**
 * Wall-clock helpers for the scheduled jobs.
 *
 * Medusa 1.20's job scheduler hands BullMQ only a cron pattern (no time zone),
 * so a pattern is read in the server process's local time zone. The jobs
 * therefore tick hourly and decide here, in Africa/Tunis time, whether work is
 * due; this holds whatever TZ the server runs in and whatever DST it observes.
 * Work that was missed (server down at 02:00) is caught up at the next tick.
 */

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

const WEEKDAYS: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
}

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

/** The UTC instant of local midnight starting `date` (YYYY-MM-DD) in the zone. */
export function zonedMidnight(date: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) {
    throw new Error(`zonedMidnight: "${date}" is not YYYY-MM-DD`)
  }
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  // offset of the zone at that instant, applied twice to settle across a DST change
  let t = guess
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(t), timeZone)
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)
    t = guess - (asUtc - t)
  }
  return new Date(t)
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Daily lead search: due from `hour` local time on, once per local day. */
export function dailySearchDue(
  now: Date,
  timeZone: string,
  hour: number,
  lastJobRunDate: string | null
): { due: boolean; date: string } {
  const p = zonedParts(now, timeZone)
  return { due: p.hour >= hour && lastJobRunDate !== p.date, date: p.date }
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
  const p = zonedParts(now, timeZone)
  let monday = addDays(p.date, -(p.weekday - 1))
  if (p.weekday === 1 && p.hour < hour) {
    monday = addDays(monday, -7)
  }
  const startDate = addDays(monday, -7)
  return {
    start: zonedMidnight(startDate, timeZone),
    end: zonedMidnight(monday, timeZone),
    start_date: startDate,
  }
}

/** Start of the calendar month containing `now`, in the zone (for the monthly budget). */
export function monthStart(now: Date, timeZone: string): Date {
  const p = zonedParts(now, timeZone)
  return zonedMidnight(`${p.date.slice(0, 7)}-01`, timeZone)
}
