import { averageDemandInterval, classifyDemand } from "./intermittent"
import { Frequency } from "./types"
import {
  DEFAULT_THRESHOLDS,
  WeatherEvent,
  WeatherThresholds,
} from "./weather-effects"

/**
 * What the owner reads, in French without jargon. The technical names (method, quantile,
 * demand class) stay in the data and in the screens' details line.
 */

const nf = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 })
const num = (x: number) => nf.format(x).replace(/\u202f|\u00a0/g, " ")

/** "1 semaine", "3 semaines", "1 mois", "2 mois". */
export function periods(n: number, f: Frequency): string {
  return f === "week"
    ? `${num(n)} semaine${n >= 2 ? "s" : ""}`
    : `${num(n)} mois`
}

/** A number of days as the owner says it: "10 jours", "3 semaines" (whole weeks), "1 jour". */
export function days(n: number): string {
  if (n >= 14 && n % 7 === 0) {
    return `${n / 7} semaines`
  }
  return `${n} jour${n >= 2 ? "s" : ""}`
}

const CLASS_TEXT: Record<string, string> = {
  smooth: "ventes régulières",
  erratic: "ventes régulières mais de taille variable",
  intermittent: "ventes irrégulières",
  lumpy: "ventes rares, souvent par lots",
  none: "aucune vente",
  short: "pièce récente, peu d'historique",
}

/** The demand class in words: "ventes irrégulières (environ une vente toutes les 5 semaines)". */
export function demandText(
  y: number[],
  f: Frequency,
  segment?: string
): string {
  const cls = segment ?? classifyDemand(y)
  const base = CLASS_TEXT[cls] ?? cls
  const adi = averageDemandInterval(y)
  if (!Number.isFinite(adi) || cls === "none") {
    return base
  }
  const every = Math.round(adi)
  if (every <= 1) {
    return `${base} (des ventes presque chaque ${f === "week" ? "semaine" : "mois"})`
  }
  return `${base} (environ une vente tous les ${every} ${f === "week" ? "semaines" : "mois"})`.replace(
    "tous les " + every + " semaines",
    `toutes les ${every} semaines`
  )
}

/**
 * Why a part must be ordered: "stock actuel 3 + 2 en commande ; il en faut 7 pour tenir 3 semaines de délai
 * avec 95 % de sécurité ; commander 6 (jusqu'à 11)".
 */
export function restockReason(r: {
  stock: number
  onOrder: number
  nextArrival?: string | null
  /** expected stock-out day: an arrival after it is pointed out */
  stockoutDate?: string | null
  reorderPoint: number
  orderUpTo: number
  suggested: number
  leadTimeDays: number
  serviceLevel: number
}): string {
  const level = `${num(Math.round(r.serviceLevel * 1000) / 10)} %`
  const onOrder =
    r.onOrder > 0
      ? ` + ${num(r.onOrder)} en commande${r.nextArrival ? ` (attendu le ${frenchDate(r.nextArrival)})` : ""}`
      : ""
  const late =
    r.onOrder > 0 &&
    r.nextArrival &&
    r.stockoutDate &&
    r.nextArrival > r.stockoutDate
      ? ` ; la commande arrivera après la rupture prévue le ${frenchDate(r.stockoutDate)}`
      : ""
  return (
    `stock actuel ${num(r.stock)}${onOrder}${late} ; il en faut ${num(r.reorderPoint)} pour tenir ${days(r.leadTimeDays)} de délai avec ${level} de sécurité ; ` +
    `commander ${num(r.suggested)} (pour remonter à ${num(r.orderUpTo)})`
  )
}

/** 2026-03-12 → "12 mars 2026". */
export function frenchDate(iso: string): string {
  return new Intl.DateTimeFormat("fr-FR", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))
}

const WEATHER_WORDS: Record<
  WeatherEvent,
  { name: string; full: (t: WeatherThresholds, f: Frequency) => string }
> = {
  cold: {
    name: "temps froid",
    full: (t, f) =>
      `${f === "week" ? "une semaine" : "un mois"} où chaque jour est à ${num(t.coldC)} °C ou moins en moyenne`,
  },
  heat: {
    name: "forte chaleur",
    full: (t, f) =>
      `${f === "week" ? "une semaine" : "un mois"} où chaque jour est à ${num(t.hotC)} °C ou plus en moyenne`,
  },
}

/**
 * A kept weather effect as the owner reads it: "temps froid : +12 % sur Batteries (une semaine où chaque
 * jour est à 8 °C ou moins en moyenne)". The multiplier is the one of a period whose every day is cold
 * (hot); a period with fewer such days gets a proportionally smaller effect.
 */
export function weatherEffectText(
  event: WeatherEvent,
  multiplier: number,
  category: string,
  f: Frequency,
  thresholds: WeatherThresholds = DEFAULT_THRESHOLDS
): string {
  const pct = Math.round((multiplier - 1) * 100)
  const w = WEATHER_WORDS[event]
  return `${w.name} : ${pct >= 0 ? "+" : "−"}${num(Math.abs(pct))} % sur ${category} (${w.full(thresholds, f)})`
}
