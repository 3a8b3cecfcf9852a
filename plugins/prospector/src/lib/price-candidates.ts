/** The offers a product page's JSON-LD describes (price, currency, stock, identifiers), and which one a watched page wants. */
import { compactReference } from "@shabou/text"
import type { WantedIdentifiers } from "./extract-price"

export interface Candidate {
  price: string | number
  currency: string | null
  availability: string | null
  ids: { sku: string[]; mpn: string[]; gtin: string[] }
  aggregate?: boolean
}

export const IN_STOCK = [
  "instock",
  "instoreonly",
  "limitedavailability",
  "onlineonly",
  "presale",
  "in stock",
  "available",
]
export const OUT_OF_STOCK = [
  "outofstock",
  "soldout",
  "discontinued",
  "backorder",
  "preorder",
  "out of stock",
  "oos",
  "pending",
]

/** schema.org availability (URL or short name) or OpenGraph availability -> boolean | null */
export function parseAvailability(value: unknown): boolean | null {
  if (typeof value !== "string" || !value.trim()) {
    return null
  }
  const v = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/schema\.org\//, "")
    .replace(/_/g, " ")
  if (IN_STOCK.includes(v)) {
    return true
  }
  if (OUT_OF_STOCK.includes(v)) {
    return false
  }
  return null
}

export const normId = (s: unknown): string => compactReference(String(s ?? ""))
export const normGtin = (s: unknown): string => normId(s).replace(/^0+/, "")

export function asArray<T>(v: T | T[] | null | undefined): T[] {
  if (v === null || v === undefined) {
    return []
  }
  return Array.isArray(v) ? v : [v]
}

export function typesOf(node: any): string[] {
  return asArray(node?.["@type"]).map((t) =>
    String(t).replace(/^https?:\/\/schema\.org\//, "")
  )
}

export function textValue(v: any): string | null {
  if (v === null || v === undefined) {
    return null
  }
  if (typeof v === "object") {
    return textValue(v["@value"] ?? v["@id"] ?? v.name ?? null)
  }
  return String(v)
}

export function idsOf(node: any): Candidate["ids"] {
  const gtinKeys = ["gtin", "gtin8", "gtin12", "gtin13", "gtin14"]
  return {
    sku: asArray(node?.sku).map(textValue).filter(Boolean) as string[],
    mpn: asArray(node?.mpn).map(textValue).filter(Boolean) as string[],
    gtin: gtinKeys.flatMap(
      (k) => asArray(node?.[k]).map(textValue).filter(Boolean) as string[]
    ),
  }
}

export function mergeIds(
  a: Candidate["ids"],
  b: Candidate["ids"]
): Candidate["ids"] {
  return {
    sku: [...a.sku, ...b.sku],
    mpn: [...a.mpn, ...b.mpn],
    gtin: [...a.gtin, ...b.gtin],
  }
}

export function offerCandidates(
  offer: any,
  productIds: Candidate["ids"]
): Candidate[] {
  if (!offer || typeof offer !== "object") {
    return []
  }
  const types = typesOf(offer)
  const ids = mergeIds(productIds, idsOf(offer))
  // an offer's own ids win over the product's
  const own = idsOf(offer)
  const effective = {
    sku: own.sku.length ? own.sku : ids.sku,
    mpn: own.mpn.length ? own.mpn : ids.mpn,
    gtin: own.gtin.length ? own.gtin : ids.gtin,
  }
  if (types.includes("AggregateOffer")) {
    const nested = asArray(offer.offers).flatMap((o: any) =>
      offerCandidates(o, effective)
    )
    if (nested.length > 0) {
      return nested
    }
    const low = offer.lowPrice ?? offer.price
    if (low === undefined || low === null) {
      return []
    }
    return [
      {
        price: low,
        currency: textValue(offer.priceCurrency),
        availability: textValue(offer.availability),
        ids: effective,
        aggregate: true,
      },
    ]
  }
  let price = offer.price
  let currency = textValue(offer.priceCurrency)
  if ((price === undefined || price === null) && offer.priceSpecification) {
    const spec = asArray(offer.priceSpecification).find(
      (s: any) => s && s.price !== undefined
    )
    price = spec?.price
    currency = currency ?? textValue(spec?.priceCurrency)
  }
  if (price === undefined || price === null || price === "") {
    return []
  }
  return [
    {
      price,
      currency,
      availability: textValue(offer.availability),
      ids: effective,
    },
  ]
}

/** Walks any JSON-LD value (arrays, @graph, nesting) and collects offers. */
export function collectJsonLd(
  value: any,
  out: Candidate[],
  seen: Set<any>
): void {
  if (!value || typeof value !== "object" || seen.has(value)) {
    return
  }
  seen.add(value)
  if (Array.isArray(value)) {
    value.forEach((v) => collectJsonLd(v, out, seen))
    return
  }
  const types = typesOf(value)
  if (
    types.includes("Product") ||
    types.includes("ProductGroup") ||
    types.includes("IndividualProduct")
  ) {
    const ids = idsOf(value)
    for (const offer of asArray(value.offers)) {
      seen.add(offer)
      out.push(...offerCandidates(offer, ids))
    }
    for (const variant of asArray(value.hasVariant)) {
      collectJsonLd(variant, out, seen)
    }
    return
  }
  if (types.includes("Offer") || types.includes("AggregateOffer")) {
    const item = value.itemOffered
    out.push(
      ...offerCandidates(
        value,
        item ? idsOf(item) : { sku: [], mpn: [], gtin: [] }
      )
    )
    return
  }
  for (const key of Object.keys(value)) {
    if (key === "@graph" || typeof value[key] === "object") {
      collectJsonLd(value[key], out, seen)
    }
  }
}

export function matchBy(
  c: Candidate,
  wanted: WantedIdentifiers
): "sku" | "mpn" | "gtin" | null {
  if (wanted.sku && c.ids.sku.some((s) => normId(s) === normId(wanted.sku))) {
    return "sku"
  }
  if (wanted.mpn && c.ids.mpn.some((s) => normId(s) === normId(wanted.mpn))) {
    return "mpn"
  }
  if (
    wanted.gtin &&
    c.ids.gtin.some((s) => normGtin(s) === normGtin(wanted.gtin))
  ) {
    return "gtin"
  }
  return null
}

export const hasWanted = (w?: WantedIdentifiers) =>
  !!(w && (w.sku || w.mpn || w.gtin))
export const hasIds = (c: Candidate) =>
  c.ids.sku.length + c.ids.mpn.length + c.ids.gtin.length > 0
export const describeWanted = (w: WantedIdentifiers) =>
  Object.entries(w)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")
