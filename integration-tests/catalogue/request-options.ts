/**
 * The building blocks of the differential test's requests (requests.ts): picks from a seeded PRNG, the array
 * forms of a query parameter, the pricing/session/channel context, expand/fields, and the GET request a
 * storefront sends with a readable name.
 */
import type { Fixtures } from "./fixtures"
import type { GeneratedRequest } from "./requests"

export type Rng = () => number
export type Pairs = Array<[string, string | number | boolean]>

export const pick = <T>(r: Rng, items: readonly T[]): T =>
  items[Math.floor(r() * items.length)]
export const chance = (r: Rng, p: number) => r() < p
export const some = <T>(r: Rng, items: readonly T[], n: number): T[] => {
  const out = new Set<T>()
  for (let i = 0; i < n * 3 && out.size < n; i++) out.add(pick(r, items))
  return Array.from(out)
}

/** An array parameter in one of the forms clients send: medusa-js' `x[0]=`, `x[]=`, or repeated `x=`. */
export function arrayPairs(
  r: Rng,
  name: string,
  values: string[]
): Array<[string, string]> {
  // `x=a` alone is not an array for core (400 "x must be an array"): kept, rarely, for that error answer
  const form = pick(r, [
    "index",
    "index",
    "index",
    "brackets",
    "brackets",
    "brackets",
    "repeat",
  ] as const)
  if (form === "index") return values.map((v, i) => [`${name}[${i}]`, v])
  if (form === "brackets") return values.map((v) => [`${name}[]`, v])
  return values.map((v) => [name, v])
}

/** Pricing context, customer session and sales channel: the headers and parameters that change prices or visibility. */
export function context(
  r: Rng,
  f: Fixtures,
  pairs: Pairs,
  headers: Record<string, string>
) {
  const pricing = pick(r, [
    "none",
    "region",
    "currency",
    "cart",
    "region+currency",
    "region",
  ] as const)
  if (pricing === "region" || pricing === "region+currency")
    pairs.push(["region_id", f.regionId])
  if (pricing === "currency" || pricing === "region+currency")
    pairs.push(["currency_code", "tnd"])
  if (pricing === "cart") pairs.push(["cart_id", f.cartId])
  const session = pick(r, ["none", "none", "cookie", "bearer"] as const)
  if (session === "cookie") headers.cookie = f.customerCookie
  if (session === "bearer") headers.authorization = `Bearer ${f.customerToken}`
  const channel = pick(r, [
    "none",
    "none",
    "none",
    "otherKey",
    "defaultKey",
  ] as const)
  if (channel === "otherKey") headers["x-publishable-api-key"] = f.otherKey
  if (channel === "defaultKey") headers["x-publishable-api-key"] = f.defaultKey
}

export function expandFields(r: Rng, pairs: Pairs) {
  const choice = pick(r, [
    "none",
    "none",
    "none",
    "none",
    "expand-some",
    "expand-none",
    "fields",
    "fields+expand",
    "categories",
    "fields-title",
  ] as const)
  if (choice === "expand-some")
    pairs.push(["expand", "variants,variants.prices,images"])
  if (choice === "expand-none") pairs.push(["expand", ""])
  if (choice === "fields") pairs.push(["fields", "id,title,handle,thumbnail"])
  if (choice === "fields+expand")
    pairs.push(
      ["fields", "title,handle"],
      ["expand", "variants,variants.prices,options"]
    )
  if (choice === "categories")
    pairs.push([
      "expand",
      "variants,variants.prices,categories,tags,collection,type,images,options,options.values,variants.options",
    ])
  if (choice === "fields-title") pairs.push(["fields", "title"])
}

/**
 * `expand=` (no relation at all) without a publishable key nor `q`: core answers through another query path (its
 * count is the page's length), and the read model leaves it to core.
 */
export function leftToCore(
  pairs: Pairs,
  headers: Record<string, string>
): boolean {
  return (
    pairs.some(([k, v]) => k === "expand" && v === "") &&
    !headers["x-publishable-api-key"] &&
    !pairs.some(([k]) => k === "q")
  )
}

export function describeHeaders(headers: Record<string, string>): string {
  const parts: string[] = []
  if (headers.cookie) parts.push("customer session")
  if (headers.authorization) parts.push("customer token")
  if (headers["x-publishable-api-key"]) parts.push("publishable key")
  return parts.length ? ` [${parts.join(", ")}]` : ""
}

/** A GET request named by its decoded path and the headers that matter. */
export function getRequest(
  path: string,
  headers: Record<string, string>,
  covered: boolean
): GeneratedRequest {
  return {
    name: `GET ${decodeURIComponent(path)}${describeHeaders(headers)}`,
    method: "GET",
    path,
    headers,
    covered,
  }
}
