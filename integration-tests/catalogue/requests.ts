/**
 * The differential test's requests, generated from a fixed seed (scripts/lib/prng.js, the PRNG of the data
 * generators): the same list on every run. Each request says whether the read model covers it (then its
 * non-bypass answer must come from the model or its cache) or whether core may answer it.
 */
import type { Fixtures } from "./fixtures"
import { qs, type StoreRequest } from "./helpers"
import {
  arrayPairs,
  chance,
  context,
  describeHeaders,
  expandFields,
  getRequest,
  leftToCore,
  pick,
  some,
  type Pairs,
  type Rng,
} from "./request-options"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mulberry32 } = require("../../scripts/lib/prng")

export type GeneratedRequest = StoreRequest & {
  /** every option of the request is one the read model covers */
  covered: boolean
}

const QUERIES = [
  "plaquettes",
  "frein",
  "huile",
  "filtre à huile",
  "bosch",
  "Plaquettes de frein avant",
  "5W-30",
  "zzz-introuvable",
  "disque",
  "batterie",
  "d'embrayage",
]
// "price" is not an order core knows (400 "Order field price is not valid"): kept, rarely, for the error answer
const ORDERS = [
  "created_at",
  "-created_at",
  "title",
  "-title",
  "title",
  "updated_at",
  "-updated_at",
  "variants.prices.amount",
  "-variants.prices.amount",
  "-variants.prices.amount",
  "price",
]
// small pages: core takes about 10 ms per product of a page on the test machine; the default (100) is asked a few times
const LIMITS = [1, 2, 3, 5, 12, 12, 12, 20]
const OFFSETS = [0, 0, 0, 1, 12, 24, 100, 390, 5000]

function listProducts(r: Rng, f: Fixtures): GeneratedRequest {
  const pairs: Pairs = []
  const headers: Record<string, string> = {}
  let covered = true
  const filters = some(
    r,
    [
      "vehicle",
      "brand",
      "category",
      "collection",
      "tags",
      "type",
      "q",
      "sales_channel",
    ] as const,
    Math.floor(r() * 3)
  )
  for (const filter of filters) {
    if (filter === "vehicle") {
      const ids = some(r, f.vehicleIds, chance(r, 0.2) ? 2 : 1)
      pairs.push(
        ...(chance(r, 0.5)
          ? arrayPairs(r, "vehicle_id", ids)
          : [["vehicle_id", ids.join(",")] as [string, string]])
      )
    }
    if (filter === "brand") pairs.push(["brand_id", pick(r, f.brandIds)])
    if (filter === "category") {
      const parent = chance(r, 0.4)
      const ids = parent
        ? [pick(r, f.parentCategoryIds)]
        : some(r, f.leafCategoryIds, chance(r, 0.3) ? 2 : 1)
      pairs.push(...arrayPairs(r, "category_id", ids))
      if (parent || chance(r, 0.3))
        pairs.push([
          "include_category_children",
          chance(r, 0.8) ? "true" : "false",
        ])
    }
    if (filter === "collection")
      pairs.push(...arrayPairs(r, "collection_id", [f.collectionId]))
    if (filter === "tags")
      pairs.push(
        ...arrayPairs(r, "tags", some(r, f.tagIds, chance(r, 0.3) ? 2 : 1))
      )
    if (filter === "type") pairs.push(...arrayPairs(r, "type_id", [f.typeId]))
    if (filter === "q") pairs.push(["q", pick(r, QUERIES)])
    if (filter === "sales_channel")
      pairs.push(
        ...arrayPairs(r, "sales_channel_id", [
          pick(r, [f.otherChannelId, f.defaultChannelId]),
        ])
      )
  }
  // a few options the read model need not cover: they must fall through to core unchanged
  if (chance(r, 0.06)) {
    covered = false
    pairs.push(
      pick(r, [
        ["title", `Housse de siège ${f.tag}`],
        ["is_giftcard", "false"],
        ["created_at[gt]", "2020-01-01T00:00:00.000Z"],
      ] as Array<[string, string]>)
    )
  }
  if (chance(r, 0.7)) pairs.push(["order", pick(r, ORDERS)])
  // combinations the read model leaves to core (see plugins/search/README.md): a free-text query with tags
  // or with a price order (core pages those on joined rows of its own)
  const has = (name: string) =>
    pairs.some(([k]) => k === name || k.startsWith(`${name}[`))
  if (
    has("q") &&
    (has("tags") ||
      pairs.some(
        ([k, v]) =>
          k === "order" && String(v).includes("variants.prices.amount")
      ))
  )
    covered = false
  pairs.push(["limit", chance(r, 0.02) ? 100 : pick(r, LIMITS)])
  if (chance(r, 0.6)) pairs.push(["offset", pick(r, OFFSETS)])
  context(r, f, pairs, headers)
  expandFields(r, pairs)
  if (leftToCore(pairs, headers)) covered = false
  const path = `/store/products${qs(pairs)}`
  return getRequest(path, headers, covered)
}

/** A product page's target: one of `known` or the `key` of every `nth` product of the fixtures. */
function pickProduct(
  r: Rng,
  f: Fixtures,
  key: "id" | "handle",
  nth: number,
  known: string[]
): string {
  return pick(r, [
    ...known,
    ...f.products.filter((_, i) => i % nth === 0).map((p) => p[key]),
  ])
}

/** The storefront context and the expand / fields of a product page, added to `pairs`; returns its headers. */
function pageOptions(r: Rng, f: Fixtures, pairs: Pairs) {
  const headers: Record<string, string> = {}
  context(r, f, pairs, headers)
  expandFields(r, pairs)
  return headers
}

function productById(r: Rng, f: Fixtures): GeneratedRequest {
  const id = pickProduct(r, f, "id", 9, [
    f.rich.id,
    f.rich.id,
    f.draft.id,
    f.elsewhere.id,
    "prod_01NOTAPRODUCT000000000000",
  ])
  const pairs: Pairs = []
  const headers = pageOptions(r, f, pairs)
  const path = `/store/products/${id}${qs(pairs)}`
  // `fields` on a product page is left to core (it selects other columns than its listing does)
  const covered = !pairs.some(([k]) => k === "fields")
  return getRequest(path, headers, covered)
}

function productByHandle(r: Rng, f: Fixtures): GeneratedRequest {
  const handle = pickProduct(r, f, "handle", 11, [
    f.rich.handle,
    f.draft.handle,
    f.elsewhere.handle,
    "poignee-introuvable",
  ])
  const pairs: Pairs = [["handle", handle]]
  const headers = pageOptions(r, f, pairs)
  const path = `/store/products${qs(pairs)}`
  return getRequest(path, headers, !leftToCore(pairs, headers))
}

function search(r: Rng, f: Fixtures): GeneratedRequest {
  const body: Record<string, unknown> = {
    q: pick(r, [
      ...QUERIES,
      "",
      "plaquete frein avan",
      "huile 5w30",
      `housse ${f.tag}`,
      "comptoir seulement",
      "brouillon",
    ]),
  }
  if (chance(r, 0.6)) body.limit = pick(r, [1, 5, 20, 50])
  if (chance(r, 0.4)) body.offset = pick(r, [0, 5, 40, 1000])
  if (chance(r, 0.25)) body.vehicle_id = pick(r, f.vehicleIds)
  if (chance(r, 0.2)) body.category_id = pick(r, f.leafCategoryIds)
  const headers: Record<string, string> = {}
  if (chance(r, 0.2))
    headers["x-publishable-api-key"] = pick(r, [f.otherKey, f.defaultKey])
  return {
    name: `POST /store/products/search ${JSON.stringify(body)}${describeHeaders(headers)}`,
    method: "POST",
    path: "/store/products/search",
    body,
    headers,
    covered: true,
  }
}

function lists(r: Rng, f: Fixtures): GeneratedRequest {
  const pairs: Pairs = []
  const which = pick(r, [
    "makes",
    "models",
    "years",
    "vehicles",
    "vehicle",
    "brands",
    "brand",
    "categories",
    "category",
  ] as const)
  let path: string
  if (which === "makes") path = "/store/vehicles/makes"
  else if (which === "models")
    path = `/store/vehicles/models${qs([["make_id", pick(r, f.makeIds)]])}`
  else if (which === "years")
    path = `/store/vehicles/years${qs([["model_id", pick(r, f.modelIds)]])}`
  else if (which === "vehicles") {
    pairs.push(
      chance(r, 0.5)
        ? ["make_id", pick(r, f.makeIds)]
        : ["model_id", pick(r, f.modelIds)]
    )
    if (chance(r, 0.4)) pairs.push(["year", pick(r, [2008, 2012, 2016, 2020])])
    if (chance(r, 0.3)) pairs.push(["fuel", pick(r, ["diesel", "essence"])])
    if (chance(r, 0.4))
      pairs.push(["limit", pick(r, [5, 20])], ["offset", pick(r, [0, 5, 1000])])
    path = `/store/vehicles${qs(pairs)}`
  } else if (which === "vehicle")
    path = `/store/vehicles/${pick(r, f.vehicleIds)}`
  else if (which === "brands") {
    if (chance(r, 0.4)) pairs.push(["q", pick(r, ["bo", "valeo", "zz"])])
    if (chance(r, 0.5))
      pairs.push(
        ["limit", pick(r, [5, 50, 200])],
        ["offset", pick(r, [0, 5, 500])]
      )
    path = `/store/brands${qs(pairs)}`
  } else if (which === "brand")
    path = `/store/brands/${pick(r, ["bosch", "valeo", "shabou", "introuvable"])}`
  else if (which === "categories") {
    if (chance(r, 0.3))
      pairs.push([
        "parent_category_id",
        chance(r, 0.5) ? "null" : pick(r, f.parentCategoryIds),
      ])
    if (chance(r, 0.3)) pairs.push(["include_descendants_tree", "true"])
    if (chance(r, 0.3)) pairs.push(["q", pick(r, ["frein", "huile", "zz"])])
    if (chance(r, 0.5))
      pairs.push(
        ["limit", pick(r, [10, 100])],
        ["offset", pick(r, [0, 10, 500])]
      )
    path = `/store/product-categories${qs(pairs)}`
  } else
    path = `/store/product-categories/${pick(r, [...f.parentCategoryIds, ...f.leafCategoryIds])}`
  return getRequest(path, {}, true)
}

/** `n` requests from `seed`: listings, product pages by id and by handle, search bodies and the storefront lists. */
export function generateRequests(
  f: Fixtures,
  n: number,
  seed: number
): GeneratedRequest[] {
  const r: Rng = mulberry32(seed)
  const out: GeneratedRequest[] = []
  const seen = new Set<string>()
  while (out.length < n) {
    const kind = r()
    const req =
      kind < 0.5
        ? listProducts(r, f)
        : kind < 0.66
          ? productById(r, f)
          : kind < 0.74
            ? productByHandle(r, f)
            : kind < 0.86
              ? search(r, f)
              : lists(r, f)
    if (!seen.has(req.name)) {
      seen.add(req.name)
      out.push(req)
    }
  }
  return out
}
