/**
 * Tunisian demand calendar. Islamic dates come from Node's Intl
 * `islamic-umalqura` calendar (computed, never a hard-coded list of years);
 * civil seasons are fixed Gregorian windows.
 */
import { Frequency } from "./types"

export const CALENDAR_EVENTS = [
  "ramadan",
  "eidFitr",
  "eidAdha",
  "summer",
  "rains",
] as const
export type CalendarEvent = (typeof CALENDAR_EVENTS)[number]
export type Exposure = Record<CalendarEvent, number>

const DAY = 86400000

const hijriFormat = new Intl.DateTimeFormat(
  "en-u-ca-islamic-umalqura-nu-latn",
  {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    timeZone: "UTC",
  }
)

const hijriCache = new Map<number, [number, number]>()

/** Hijri (month, day) of a UTC day number (days since epoch). */
export function hijriMonthDay(dayNumber: number): [number, number] {
  const hit = hijriCache.get(dayNumber)
  if (hit) {
    return hit
  }
  let month = 0
  let day = 0
  for (const part of hijriFormat.formatToParts(new Date(dayNumber * DAY))) {
    if (part.type === "month") {
      month = parseInt(part.value, 10)
    } else if (part.type === "day") {
      day = parseInt(part.value, 10)
    }
  }
  const res: [number, number] = [month, day]
  hijriCache.set(dayNumber, res)
  return res
}

/** Which events a calendar day falls in. */
export function dayEvents(date: Date): Set<CalendarEvent> {
  const out = new Set<CalendarEvent>()
  const dn = Math.floor(date.getTime() / DAY)
  const [hm, hd] = hijriMonthDay(dn)
  if (hm === 9) {
    out.add("ramadan")
  }
  if (hm === 10 && hd <= 3) {
    out.add("eidFitr")
  }
  if (hm === 12 && hd >= 10 && hd <= 12) {
    out.add("eidAdha")
  }
  const m = date.getUTCMonth() + 1
  const d = date.getUTCDate()
  // summer heat and the diaspora's return: 15 June – 15 September
  if ((m === 6 && d >= 15) || m === 7 || m === 8 || (m === 9 && d <= 15)) {
    out.add("summer")
  }
  // first autumn rains: October – November (wipers, brakes, tyres)
  if (m === 10 || m === 11) {
    out.add("rains")
  }
  return out
}

/** The first day of the Islamic month `month` that starts within Gregorian `year`. */
export function islamicMonthStarts(year: number, month: number): Date[] {
  const out: Date[] = []
  const start = Date.UTC(year, 0, 1) / DAY
  const end = Date.UTC(year + 1, 0, 1) / DAY
  for (let dn = start; dn < end; dn++) {
    const [m, d] = hijriMonthDay(dn)
    if (m === month && d === 1) {
      out.push(new Date(dn * DAY))
    }
  }
  return out
}

export function periodDays(start: Date, frequency: Frequency): number {
  if (frequency === "week") {
    return 7
  }
  return new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)
  ).getUTCDate()
}

/** Fraction of the period's days inside each event. */
export function periodExposure(start: Date, frequency: Frequency): Exposure {
  const days = periodDays(start, frequency)
  const ex: Exposure = {
    ramadan: 0,
    eidFitr: 0,
    eidAdha: 0,
    summer: 0,
    rains: 0,
  }
  for (let i = 0; i < days; i++) {
    for (const e of dayEvents(new Date(start.getTime() + i * DAY))) {
      ex[e] += 1 / days
    }
  }
  return ex
}
