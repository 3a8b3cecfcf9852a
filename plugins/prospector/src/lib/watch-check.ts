/**
 * The pure steps of a price-watch pass: the pass's counts, what a watched page asks of the fetcher
 * and of the extraction, its alert rules (the page's thresholds over the configured ones), the
 * previous observation as the alerts compare it, and the status messages stored on the page.
 */

import type { AlertRules, Observation } from "./alerts"
import type { ExtractOptions } from "./extract-price"
import type { FetchPageOptions } from "./fetch-page"
import { Currency, normalizeCurrencyCode } from "./price-parser"

/** What one pass did, page by page. */
export interface WatchSummary {
  pages: number
  ok: number
  not_modified: number
  disallowed: number
  no_price: number
  errors: number
  observations: number
  alerts: number
}

/** The fields of a watched page that its check reads. */
export interface CheckedPage {
  offer_sku: string | null
  offer_mpn: string | null
  offer_gtin: string | null
  selector: string | null
  stock_selector: string | null
  needs_js: boolean
  currency: string
  threshold_percent: number | null
  margin_percent: number | null
  etag: string | null
  last_modified: string | null
}

/** The configured alert thresholds (plugin options) a page may override. */
export interface AlertDefaults {
  alertThresholdPercent: number
  alertMarginPercent: number
  /** minor units (millimes) */
  alertMarginAmount: number
}

/** A stored observation (bigint `amount` may come as a string). */
export interface StoredObservation {
  amount: string | number
  currency: string
  in_stock: boolean | null
}

export function emptyWatchSummary(pages: number): WatchSummary {
  return {
    pages,
    ok: 0,
    not_modified: 0,
    disallowed: 0,
    no_price: 0,
    errors: 0,
    observations: 0,
    alerts: 0,
  }
}

/** A conditional GET from the page's validators; JavaScript pages wait for the price selector. */
export function pageFetchOptions(page: CheckedPage): FetchPageOptions {
  return {
    previous: { etag: page.etag, last_modified: page.last_modified },
    needs_js: page.needs_js,
    waitForSelector: page.needs_js ? page.selector : null,
  }
}

/** The offer identifiers, selectors and currency (TND when unknown) the extraction looks for. */
export function pageExtractOptions(page: CheckedPage): ExtractOptions {
  return {
    identifiers: {
      sku: page.offer_sku,
      mpn: page.offer_mpn,
      gtin: page.offer_gtin,
    },
    selector: page.selector,
    stockSelector: page.stock_selector,
    defaultCurrency: (normalizeCurrencyCode(page.currency) ??
      "TND") as Currency,
  }
}

/** The page's own thresholds when set, else the configured ones; back in stock always alerts. */
export function pageAlertRules(
  page: Pick<CheckedPage, "threshold_percent" | "margin_percent">,
  defaults: AlertDefaults
): AlertRules {
  return {
    threshold_percent: page.threshold_percent ?? defaults.alertThresholdPercent,
    margin_percent: page.margin_percent ?? defaults.alertMarginPercent,
    margin_amount: defaults.alertMarginAmount,
    notify_restock: true,
  }
}

/** A stored observation as the alerts compare it (amount a number), or null when there is none. */
export function comparableObservation(
  row: StoredObservation | null
): Observation | null {
  return row
    ? {
        amount: Number(row.amount),
        currency: row.currency as Currency,
        in_stock: row.in_stock,
      }
    : null
}

/** The page's error when robots.txt refused it: the rule and the URL it blocked (maybe a redirect's). */
export function disallowedMessage(result: {
  reason: string
  blocked_url: string
}): string {
  return `robots.txt: ${result.reason} (${result.blocked_url})`
}

/** The page's note after a price was found: the alert rules that could not be evaluated, or null. */
export function skippedMessage(skipped: string[]): string | null {
  return skipped.length ? skipped.join("; ") : null
}

/** The message of anything thrown, as a run error records it. */
export function errorMessage(e: unknown): string {
  return String((e as { message?: unknown })?.message ?? e)
}
