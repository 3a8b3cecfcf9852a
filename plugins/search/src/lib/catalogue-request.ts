import {
  ID_PATTERN,
  integer,
  invalidParam,
  list,
  single,
} from "@shabou/api-params"

/**
 * `GET /store/products` as the catalogue read model understands it: the filters, order, page and
 * rendering context of a request, checked (a 400 names the parameter), or the reason it goes to
 * core Medusa unchanged (a parameter the read model does not cover).
 */

export const MAX_LIMIT = 100

export type SortField =
  "created_at" | "updated_at" | "title" | "handle" | "price"

export type ListFilters = {
  ids?: string[]
  handle?: string
  vehicleIds?: string[]
  brandIds?: string[]
  categoryIds?: string[]
  includeCategoryChildren: boolean
  collectionIds?: string[]
  tagIds?: string[]
  typeIds?: string[]
  salesChannelIds?: string[]
  q?: string
}

/** What a product's rendered JSON depends on besides the product itself. */
export type RenderParams = {
  /**
   * core's free-text listing loads products through another query whose JSON has another key
   * order: a `q` listing's bodies are rendered with its `q` (any matching value gives the same JSON)
   */
  q?: string
  region_id?: string
  currency_code?: string
  cart_id?: string
  expand?: string
  fields?: string
}

export type ListRequest = {
  filters: ListFilters
  order: { field: SortField; descending: boolean }
  offset: number
  limit: number
  render: RenderParams
}

export type Parsed<T> =
  { covered: true; request: T } | { covered: false; reason: string }

/** Parameters core Medusa accepts on the store product list that the read model leaves to it. */
const CORE_ONLY = [
  "title",
  "description",
  "is_giftcard",
  "created_at",
  "updated_at",
  "price_list_id",
  "discount_condition_id",
]

/**
 * Filters core only takes as arrays (`x[]=a`, `x[0]=a`): `x=a` alone gets core's own 400 (an empty or
 * malformed value gets ours, naming the parameter).
 */
const ARRAY_ONLY = [
  "category_id",
  "collection_id",
  "tags",
  "type_id",
  "sales_channel_id",
]

const LIST_KEYS = new Set([
  "id",
  "handle",
  "vehicle_id",
  "brand_id",
  "category_id",
  "include_category_children",
  "collection_id",
  "tags",
  "type_id",
  "sales_channel_id",
  "q",
  "order",
  "offset",
  "limit",
  "region_id",
  "currency_code",
  "cart_id",
  "expand",
  "fields",
])

/** The relations core's store product routes let a client expand. */
const STORE_RELATIONS = [
  "variants",
  "variants.prices",
  "variants.options",
  "variants.inventory_items",
  "options",
  "options.values",
  "images",
  "tags",
  "collection",
  "type",
  "profiles",
  "categories",
  "sales_channels",
]

const SORTS: Record<string, SortField> = {
  created_at: "created_at",
  updated_at: "updated_at",
  title: "title",
  handle: "handle",
  "variants.prices.amount": "price",
}

function ids(value: unknown, name: string): string[] | undefined {
  if (value === "") {
    throw invalidParam(
      name,
      "is empty: leave the parameter out, or give one or more ids"
    )
  }
  const values = list(value, name, { max: 200 })
  for (const v of values ?? []) {
    if (!ID_PATTERN.test(v)) {
      throw invalidParam(
        name,
        `is not a valid id: ${JSON.stringify(v.slice(0, 60))}`
      )
    }
  }
  return values
}

function oneText(value: unknown, name: string, max = 200): string | undefined {
  const raw = single(value, name)
  if (raw === undefined) {
    return undefined
  }
  if (raw.length > max) {
    throw invalidParam(
      name,
      `must be at most ${max} characters, got ${raw.length}`
    )
  }
  return raw
}

function bool(value: unknown, name: string): boolean {
  const raw = single(value, name)
  if (raw === undefined || raw === "" || raw === "false") {
    return false
  }
  if (raw === "true") {
    return true
  }
  throw invalidParam(
    name,
    `must be true or false, got ${JSON.stringify(raw.slice(0, 40))}`
  )
}

/** `expand` / `fields`: comma lists of names (`variants.prices`, `+title`, `-handle`). */
function names(value: unknown, name: string): string | undefined {
  if (value === "") {
    // `expand=`: no relation at all, a context of its own
    return ""
  }
  const raw = single(value, name)
  if (raw === undefined) {
    return undefined
  }
  if (!/^[A-Za-z0-9_.,+*-]*$/.test(raw) || raw.length > 500) {
    throw invalidParam(name, "must be a comma-separated list of field names")
  }
  if (name === "expand") {
    const unknown = raw
      .split(",")
      .filter((r) => r && !STORE_RELATIONS.includes(r))
    if (unknown.length) {
      throw invalidParam(
        name,
        `unknown relation ${unknown.join(", ")} (one of ${STORE_RELATIONS.join(", ")})`
      )
    }
  }
  return raw
}

/** Checks and normalises the query of `GET /store/products`. */
export function parseListQuery(
  query: Record<string, unknown>
): Parsed<ListRequest> {
  for (const key of Object.keys(query)) {
    if (CORE_ONLY.includes(key)) {
      return { covered: false, reason: `parameter ${key}` }
    }
    if (!LIST_KEYS.has(key)) {
      // unknown to both: core answers with its own 400
      return { covered: false, reason: `unknown parameter ${key}` }
    }
    if (
      ARRAY_ONLY.includes(key) &&
      typeof query[key] === "string" &&
      query[key] !== ""
    ) {
      return { covered: false, reason: `${key} not given as an array` }
    }
  }
  const limit = integer(query.limit, "limit", {
    min: 1,
    max: MAX_LIMIT,
    default: 100,
  })
  const offset = integer(query.offset, "offset", {
    min: 0,
    max: 1000000,
    default: 0,
  })
  const orderRaw = oneText(query.order, "order", 60)
  let order: ListRequest["order"] = { field: "created_at", descending: true }
  if (orderRaw !== undefined) {
    const descending = orderRaw.startsWith("-")
    const field = SORTS[descending ? orderRaw.slice(1) : orderRaw]
    if (!field) {
      // core validates the order field itself (and answers its own 400 for a bad one)
      return { covered: false, reason: `order ${orderRaw}` }
    }
    order = { field, descending }
  }
  const q = oneText(query.q, "q", 200)
  if (q !== undefined && q !== "" && order.field === "price") {
    // core's free-text query pages price-ordered rows of (product, price) pairs: left to it
    return { covered: false, reason: "q with order by price" }
  }
  if (q !== undefined && /[%_\\\n]/.test(q)) {
    // core passes % and _ to ILIKE as wildcards: left to it
    return { covered: false, reason: "q with a wildcard" }
  }
  if (q !== undefined && query.tags !== undefined) {
    // core's free-text query reads tags by value, not by id: left to it
    return { covered: false, reason: "q with tags" }
  }
  const handle = oneText(query.handle, "handle", 200)
  const filters: ListFilters = {
    ids: ids(query.id, "id"),
    handle: handle === undefined ? undefined : handle,
    vehicleIds: ids(query.vehicle_id, "vehicle_id"),
    brandIds: ids(query.brand_id, "brand_id"),
    categoryIds: ids(query.category_id, "category_id"),
    includeCategoryChildren: bool(
      query.include_category_children,
      "include_category_children"
    ),
    collectionIds: ids(query.collection_id, "collection_id"),
    tagIds: ids(query.tags, "tags"),
    typeIds: ids(query.type_id, "type_id"),
    salesChannelIds: ids(query.sales_channel_id, "sales_channel_id"),
    q: q === "" ? undefined : q,
  }
  const render: RenderParams = {
    q: filters.q,
    region_id: ids(query.region_id, "region_id")?.[0],
    currency_code: currency(query.currency_code),
    cart_id: ids(query.cart_id, "cart_id")?.[0],
    expand: names(query.expand, "expand"),
    fields: names(query.fields, "fields"),
  }
  for (const key of ["region_id", "cart_id"] as const) {
    if (Array.isArray(query[key])) {
      throw invalidParam(key, "must be a single id")
    }
  }
  return { covered: true, request: { filters, order, offset, limit, render } }
}

function currency(value: unknown): string | undefined {
  const raw = single(value, "currency_code")
  if (raw === undefined || raw === "") {
    return undefined
  }
  if (!/^[A-Za-z]{3}$/.test(raw)) {
    throw invalidParam(
      "currency_code",
      `must be a 3-letter ISO 4217 code, got ${JSON.stringify(raw.slice(0, 20))}`
    )
  }
  return raw.toLowerCase()
}

/** Checks the query of `GET /store/products/:id` (rendering parameters only). */
export function parseRetrieveQuery(
  query: Record<string, unknown>
): Parsed<RenderParams> {
  const known = new Set([
    "region_id",
    "currency_code",
    "cart_id",
    "expand",
    "fields",
    "sales_channel_id",
  ])
  for (const key of Object.keys(query)) {
    if (!known.has(key)) {
      return { covered: false, reason: `parameter ${key}` }
    }
  }
  if (query.sales_channel_id !== undefined) {
    return { covered: false, reason: "parameter sales_channel_id" }
  }
  if (query.fields !== undefined) {
    // core's product page selects other fields than its listing for the same `fields`
    return { covered: false, reason: "fields on a product page" }
  }
  return {
    covered: true,
    request: {
      region_id: ids(query.region_id, "region_id")?.[0],
      currency_code: currency(query.currency_code),
      cart_id: ids(query.cart_id, "cart_id")?.[0],
      expand: names(query.expand, "expand"),
      fields: names(query.fields, "fields"),
    },
  }
}

/**
 * The key of a rendering context: everything a product's JSON depends on besides the product.
 * `region` wins over `currency` (core prices in the region's currency), a cart stands for its
 * region, the customer for their groups, a publishable key for its channels.
 */
export function contextKey(c: {
  regionId?: string
  currencyCode?: string
  customerGroupIds?: string[]
  keyChannelIds?: string[]
  expand?: string
  fields?: string
  freeText?: boolean
}): string {
  const parts: string[] = []
  if (c.regionId) {
    parts.push(`r=${c.regionId}`)
  } else if (c.currencyCode) {
    parts.push(`c=${c.currencyCode}`)
  }
  if (c.customerGroupIds?.length) {
    parts.push(`g=${[...c.customerGroupIds].sort().join(",")}`)
  }
  if (c.keyChannelIds?.length) {
    parts.push(`k=${[...c.keyChannelIds].sort().join(",")}`)
  }
  if (c.expand !== undefined) {
    parts.push(`e=${c.expand}`)
  }
  if (c.fields !== undefined) {
    parts.push(`f=${c.fields}`)
  }
  if (c.freeText) {
    parts.push("q")
  }
  return parts.join("&") || "-"
}

/**
 * The normalised form of a request for the answer cache: keys sorted, lists in order, so that
 * `?a=1&b=2` and `?b=2&a=1` share an entry.
 */
export function normalisedQuery(query: Record<string, unknown>): string {
  const out: string[] = []
  for (const key of Object.keys(query).sort()) {
    out.push(`${key}=${JSON.stringify(query[key])}`)
  }
  return out.join("&")
}

/**
 * `limit` / `offset` of the lists a storefront loads (vehicles, brands, categories), checked before
 * they reach a handler that would pass a negative one to the database.
 */
export function checkPage(query: Record<string, unknown>): void {
  integer(query.limit, "limit", { min: 1, max: 1000 })
  integer(query.offset, "offset", { min: 0, max: 1000000 })
}
