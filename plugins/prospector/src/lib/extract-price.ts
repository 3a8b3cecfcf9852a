/**
 * Price and stock extraction from a product page, in order:
 *  1. JSON-LD Product/Offer (handles @graph, arrays, AggregateOffer, priceSpecification;
 *     picks the offer whose sku/mpn/gtin matches the wanted identifiers when several)
 *  2. OpenGraph product:price:amount / og:price:amount
 *  3. microdata (itemprop price / priceCurrency / availability)
 *  4. a configured CSS selector
 */

import * as cheerio from "cheerio"

import {
  Currency,
  ParsedPrice,
  PriceParseError,
  parsePrice,
} from "./price-parser"
import {
  parseAvailability,
  collectJsonLd,
  matchBy,
  hasWanted,
  hasIds,
  describeWanted,
} from "./price-candidates"

export { parseAvailability } from "./price-candidates"
import type { Candidate } from "./price-candidates"

export type ExtractionMethod =
  "json-ld" | "opengraph" | "microdata" | "selector"

export interface WantedIdentifiers {
  sku?: string | null
  mpn?: string | null
  gtin?: string | null
}

export interface ExtractOptions {
  identifiers?: WantedIdentifiers
  /** CSS selector for the price text (last resort) */
  selector?: string | null
  /** CSS selector whose text tells the stock status for the selector method */
  stockSelector?: string | null
  /** currency when the page does not say (suppliers in Tunisia: TND) */
  defaultCurrency?: Currency
}

export interface PriceFound extends ParsedPrice {
  found: true
  /** true/false from schema.org availability, null when the page does not say */
  in_stock: boolean | null
  method: ExtractionMethod
  /** which identifier chose the offer when several were on the page */
  matched_by?: "sku" | "mpn" | "gtin"
  /** AggregateOffer without offers: the lowest price */
  aggregate?: boolean
}

export interface PriceNotFound {
  found: false
  /** "no price found: ..." with what was tried and why it failed */
  reason: string
}

export type PriceExtraction = PriceFound | PriceNotFound

type Choice =
  | {
      found: true
      candidate: Candidate
      parsed: ParsedPrice
      matched_by?: "sku" | "mpn" | "gtin"
    }
  | { found: false; reason: string; terminal?: boolean }

type StepResult = PriceExtraction & { terminal?: boolean }

/** Chooses one offer among candidates; the same rules for JSON-LD and microdata. */
function choose(
  candidates: Candidate[],
  options: ExtractOptions,
  source: string
): Choice {
  const parse = (c: Candidate): ParsedPrice =>
    parsePrice(c.price, {
      machine:
        typeof c.price === "number" ||
        /^\s*\d+(\.\d+)?\s*$/.test(String(c.price)),
      currency: c.currency,
      defaultCurrency: options.defaultCurrency,
    })
  if (candidates.length === 0) {
    return { found: false, reason: `${source}: no offer with a price` }
  }
  let pool = candidates
  let matched_by: "sku" | "mpn" | "gtin" | undefined
  if (hasWanted(options.identifiers)) {
    const wanted = options.identifiers as WantedIdentifiers
    const matching = candidates
      .map((c) => [c, matchBy(c, wanted)] as const)
      .filter(([, m]) => m)
    if (matching.length > 0) {
      pool = matching.map(([c]) => c)
      matched_by = matching[0][1] as "sku" | "mpn" | "gtin"
    } else if (candidates.length === 1 && !hasIds(candidates[0])) {
      pool = candidates
    } else {
      return {
        found: false,
        terminal: true,
        reason: `${source}: ${candidates.length} offer(s), none has ${describeWanted(wanted)}`,
      }
    }
  }
  let parsed: Array<[Candidate, ParsedPrice]>
  try {
    parsed = pool.map((c) => [c, parse(c)])
  } catch (e) {
    if (e instanceof PriceParseError) {
      return { found: false, reason: `${source}: ${e.message}` }
    }
    throw e
  }
  const distinct = new Set(parsed.map(([, p]) => `${p.amount} ${p.currency}`))
  if (distinct.size > 1) {
    return {
      found: false,
      terminal: true,
      reason: `${source}: ${distinct.size} different prices (${[...distinct].join("; ")}); configure the sku/mpn/gtin of the wanted offer`,
    }
  }
  return {
    found: true,
    candidate: parsed[0][0],
    parsed: parsed[0][1],
    matched_by,
  }
}

function fromJsonLd(
  $: cheerio.CheerioAPI,
  options: ExtractOptions
): StepResult {
  const candidates: Candidate[] = []
  const problems: string[] = []
  $('script[type="application/ld+json"]').each((i, el) => {
    const text = $(el).text().trim()
    if (!text) {
      return
    }
    try {
      collectJsonLd(JSON.parse(text), candidates, new Set())
    } catch (e) {
      problems.push(`JSON-LD block ${i + 1} is not valid JSON`)
    }
  })
  const choice = choose(candidates, options, "JSON-LD")
  if (!choice.found) {
    return {
      found: false,
      terminal: choice.terminal,
      reason: [choice.reason, ...problems].join("; "),
    }
  }
  return {
    found: true,
    ...choice.parsed,
    in_stock: parseAvailability(choice.candidate.availability),
    method: "json-ld",
    ...(choice.matched_by ? { matched_by: choice.matched_by } : {}),
    ...(choice.candidate.aggregate ? { aggregate: true } : {}),
  }
}

function meta($: cheerio.CheerioAPI, names: string[]): string | null {
  for (const n of names) {
    const v = $(`meta[property="${n}"], meta[name="${n}"]`)
      .first()
      .attr("content")
    if (v && v.trim()) {
      return v.trim()
    }
  }
  return null
}

function fromOpenGraph(
  $: cheerio.CheerioAPI,
  options: ExtractOptions
): PriceExtraction {
  const amount = meta($, ["product:price:amount", "og:price:amount"])
  if (!amount) {
    return {
      found: false,
      reason: "OpenGraph: no product:price:amount or og:price:amount",
    }
  }
  const currency = meta($, ["product:price:currency", "og:price:currency"])
  try {
    const parsed = parsePrice(amount, {
      machine: /^\d+(\.\d+)?$/.test(amount),
      currency,
      defaultCurrency: options.defaultCurrency,
    })
    return {
      found: true,
      ...parsed,
      in_stock: parseAvailability(
        meta($, ["product:availability", "og:availability"])
      ),
      method: "opengraph",
    }
  } catch (e) {
    if (e instanceof PriceParseError) {
      return { found: false, reason: `OpenGraph: ${e.message}` }
    }
    throw e
  }
}

function itempropValue($: cheerio.CheerioAPI, el: any): string | null {
  const $el = $(el)
  const v =
    $el.attr("content") ?? $el.attr("href") ?? $el.attr("value") ?? $el.text()
  return v && v.trim() ? v.trim() : null
}

function fromMicrodata(
  $: cheerio.CheerioAPI,
  options: ExtractOptions
): StepResult {
  const candidates: Candidate[] = []
  $('[itemprop="price"], [itemprop="lowPrice"]').each((_, el) => {
    const price = itempropValue($, el)
    if (!price) {
      return
    }
    const $offer = $(el).closest("[itemscope]")
    const $product = $(el).closest('[itemscope][itemtype*="Product"]')
    // properties of the offer scope only (not of nested scopes)
    const prop = ($scope: cheerio.Cheerio<any>, name: string): string[] =>
      $scope
        .find(`[itemprop="${name}"]`)
        .filter((_, p) => $(p).parent().closest("[itemscope]").is($scope))
        .map((_, p) => itempropValue($, p))
        .get()
        .filter(Boolean) as string[]
    const currency = prop($offer, "priceCurrency")[0] ?? null
    const availability = prop($offer, "availability")[0] ?? null
    const ids = {
      sku: [] as string[],
      mpn: [] as string[],
      gtin: [] as string[],
    }
    for (const $s of [$offer, $product]) {
      if ($s.length === 0) {
        continue
      }
      ids.sku.push(...prop($s, "sku"))
      ids.mpn.push(...prop($s, "mpn"))
      for (const g of ["gtin", "gtin8", "gtin12", "gtin13", "gtin14"]) {
        ids.gtin.push(...prop($s, g))
      }
    }
    candidates.push({ price, currency, availability, ids })
  })
  if (candidates.length === 0) {
    return { found: false, reason: 'microdata: no itemprop="price"' }
  }
  const choice = choose(candidates, options, "microdata")
  if (!choice.found) {
    return { found: false, terminal: choice.terminal, reason: choice.reason }
  }
  return {
    found: true,
    ...choice.parsed,
    in_stock: parseAvailability(choice.candidate.availability),
    method: "microdata",
    ...(choice.matched_by ? { matched_by: choice.matched_by } : {}),
  }
}

const OUT_OF_STOCK_TEXT =
  /rupture|[ée]puis[ée]|indisponible|out of stock|sold out|غير متوفر|نفذ/i
const IN_STOCK_TEXT = /en stock|disponible|in stock|متوفر/i

function fromSelector(
  $: cheerio.CheerioAPI,
  options: ExtractOptions
): PriceExtraction {
  if (!options.selector) {
    return { found: false, reason: "selector: none configured" }
  }
  let $el: cheerio.Cheerio<any>
  try {
    $el = $(options.selector)
  } catch (e) {
    return {
      found: false,
      reason: `selector: invalid CSS selector "${options.selector}": ${e.message}`,
    }
  }
  if ($el.length === 0) {
    return {
      found: false,
      reason: `selector: "${options.selector}" matches nothing`,
    }
  }
  const text = ($el.first().attr("content") ?? $el.first().text()).trim()
  try {
    const parsed = parsePrice(text, {
      defaultCurrency: options.defaultCurrency,
    })
    let in_stock: boolean | null = null
    if (options.stockSelector) {
      const s = $(options.stockSelector).first().text()
      in_stock = OUT_OF_STOCK_TEXT.test(s)
        ? false
        : IN_STOCK_TEXT.test(s)
          ? true
          : null
    }
    return { found: true, ...parsed, in_stock, method: "selector" }
  } catch (e) {
    if (e instanceof PriceParseError) {
      return {
        found: false,
        reason: `selector "${options.selector}": ${e.message}`,
      }
    }
    throw e
  }
}

export function extractPrice(
  html: string,
  options: ExtractOptions = {}
): PriceExtraction {
  const $ = cheerio.load(html)
  const reasons: string[] = []
  const steps: Array<($: cheerio.CheerioAPI, o: ExtractOptions) => StepResult> =
    [fromJsonLd, fromOpenGraph, fromMicrodata, fromSelector]
  for (const step of steps) {
    const { terminal, ...r } = step($, options)
    if (r.found) {
      return r as PriceFound
    }
    reasons.push((r as PriceNotFound).reason)
    // structured data with several offers that cannot be told apart: do not
    // fall back to a less precise method that would pick one of them blindly
    if (terminal) {
      break
    }
  }
  return { found: false, reason: `no price found: ${reasons.join(" | ")}` }
}
