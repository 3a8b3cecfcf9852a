/**
 * French texts of the price watch (Veille prix): a page's last check, an alert, the summary of a check
 * run. Pure; amounts in their currency's digits (TND: 3 decimals).
 */
import { formatAmount, formatNumber } from "./format"

export type Price = { amount: number; currency: string }
export type Alert = {
  id: string
  watched_page_id: string
  kind: "price_move" | "below_our_price" | "back_in_stock"
  details: {
    direction?: "up" | "down"
    change_percent?: number
    previous?: Price
    current?: Price
    our_price?: Price
    floor?: Price
  }
  acknowledged_at: string | null
  created_at: string
  url: string
  supplier: string
  product_id: string | null
  product_title: string | null
  variant_title: string | null
}

/** Counts of a watch run (POST /admin/prospector/watch-runs). */
export type WatchRunSummary = Record<string, number>

const price = (p?: Price) => (p ? formatAmount(p.amount, p.currency) : "—")

export const WATCH_STATUS_LABELS: Record<string, string> = {
  ok: "Prix lu",
  not_modified: "Inchangée",
  disallowed: "Interdite par robots.txt",
  no_price: "Prix introuvable",
  error: "Erreur",
}

export function alertText(a: Alert): string {
  const d = a.details
  if (a.kind === "price_move") {
    const pct =
      d.change_percent !== undefined
        ? `${formatNumber(Math.abs(d.change_percent), 1)} %`
        : ""
    return `${d.direction === "down" ? "Baisse" : "Hausse"} de prix de ${pct} : ${price(d.previous)} → ${price(d.current)}`
  }
  if (a.kind === "below_our_price") {
    return `Moins cher que nous : ${price(d.current)} contre ${price(d.our_price)} chez nous`
  }
  return `De retour en stock à ${price(d.current)}`
}

/** "Vérification terminée : 3 page(s), 2 prix lu(s), …" after a check run. */
export function watchRunText(s: WatchRunSummary): string {
  return `Vérification terminée : ${formatNumber(s.pages)} page(s), ${formatNumber(s.ok)} prix lu(s), ${formatNumber(s.not_modified)} inchangée(s), ${formatNumber(
    s.alerts
  )} nouvelle(s) alerte(s)${s.errors || s.no_price || s.disallowed ? `, ${formatNumber((s.errors ?? 0) + (s.no_price ?? 0) + (s.disallowed ?? 0))} en échec` : ""}.`
}
