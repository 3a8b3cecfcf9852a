/**
 * medusa-plugin-meilisearch options used when MEILISEARCH_HOST is set (medusa-config.js): index
 * settings and a transformer adding brand, part numbers (raw and compacted), category names and a
 * compact fitment summary to each product document.
 *
 * The Meilisearch plugin loads products with variants, options, tags, type, collection, images and
 * categories only. The brand is the PostgreSQL search document's: fitment's (`fitment_product` →
 * `brand`), set on each product as `brand` before the transformer runs (loaders/meilisearch-brands.ts,
 * `withBrands`); `metadata.brand` is not read. Part numbers come from product metadata (written by
 * the seed and the fitment import), the fitment summary from `metadata.fitment_summary` /
 * `metadata.vehicle_ids` when present.
 */
import { compactReference } from "@shabou/text"

type AnyRecord = Record<string, any>

const asList = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v])
    .map((x) =>
      x && typeof x === "object"
        ? (x.number ?? x.reference ?? x.ref ?? x.raw)
        : x
    )
    .filter(
      (x): x is string | number =>
        typeof x === "string" || typeof x === "number"
    )
    .map(String)

/**
 * The brand fitment gives a product: its name, as `withBrands` sets it (or `{ name }`, the shape of
 * fitment's `brand` on store product answers).
 */
function brandOf(product: AnyRecord): string | null {
  const brand = product.brand
  if (typeof brand === "string") {
    return brand || null
  }
  return typeof brand?.name === "string" ? brand.name : null
}

/** The products with fitment's brand name of each (`brands`: product id → name) as `brand`. */
export function withBrands<T extends AnyRecord>(
  products: T[],
  brands: Map<string, string>
): (T & { brand: string | null })[] {
  return products.map((p) => ({ ...p, brand: brands.get(p.id) ?? null }))
}

export function transformProduct(product: AnyRecord): AnyRecord {
  const meta: AnyRecord = product.metadata ?? {}
  const variants: AnyRecord[] = product.variants ?? []
  const skus = variants.map((v) => v.sku).filter(Boolean)
  const mpn = meta.mpn ? String(meta.mpn) : null
  const oe = asList(meta.oe_numbers)
  const cross = asList(meta.cross_references)
  const refs = [
    ...skus,
    ...variants.map((v) => v.ean).filter(Boolean),
    ...(mpn ? [mpn] : []),
    ...oe,
    ...cross,
  ]
  const categories: AnyRecord[] = product.categories ?? []
  return {
    id: product.id,
    title: product.title,
    subtitle: product.subtitle ?? null,
    description: product.description ?? null,
    handle: product.handle,
    thumbnail: product.thumbnail ?? null,
    status: product.status,
    title_ar: meta.title_ar ?? null,
    brand: brandOf(product),
    mpn,
    oe_numbers: oe,
    cross_references: cross,
    part_numbers_compact: [
      ...new Set(refs.map(compactReference).filter(Boolean)),
    ],
    variant_sku: skus,
    categories: categories.map((c) => c.name).filter(Boolean),
    categories_ar: categories.map((c) => c.metadata?.name_ar).filter(Boolean),
    category_ids: categories.map((c) => c.id),
    sales_channel_ids: (product.sales_channels ?? []).map(
      (s: AnyRecord) => s.id
    ),
    tags: (product.tags ?? []).map((t: AnyRecord) => t.value),
    type_value: product.type?.value ?? null,
    collection_title: product.collection?.title ?? null,
    is_universal: meta.universal === true || meta.universal === "true",
    vehicle_ids: asList(meta.vehicle_ids),
    fitment_summary:
      typeof meta.fitment_summary === "string" ? meta.fitment_summary : null,
    created_at: product.created_at
      ? new Date(product.created_at).getTime()
      : null,
  }
}

export const productIndexSettings = {
  searchableAttributes: [
    "part_numbers_compact",
    "variant_sku",
    "mpn",
    "oe_numbers",
    "title",
    "title_ar",
    "brand",
    "categories",
    "categories_ar",
    "fitment_summary",
    "subtitle",
    "tags",
    "description",
  ],
  displayedAttributes: [
    "id",
    "title",
    "subtitle",
    "handle",
    "thumbnail",
    "brand",
    "title_ar",
    "mpn",
    "oe_numbers",
    "variant_sku",
    "categories",
    "fitment_summary",
    "is_universal",
  ],
  filterableAttributes: [
    "status",
    "sales_channel_ids",
    "category_ids",
    "vehicle_ids",
    "is_universal",
    "brand",
  ],
  sortableAttributes: ["created_at"],
  rankingRules: [
    "words",
    "typo",
    "exactness",
    "attribute",
    "proximity",
    "sort",
  ],
  typoTolerance: {
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    disableOnAttributes: ["part_numbers_compact", "variant_sku"],
  },
}

/** The options object of medusa-plugin-meilisearch. */
export function meilisearchPluginOptions(config: {
  host: string
  apiKey?: string
}): AnyRecord {
  return {
    config: { host: config.host, apiKey: config.apiKey },
    settings: {
      products: {
        indexSettings: productIndexSettings,
        primaryKey: "id",
        transformer: transformProduct,
      },
    },
  }
}

const quote = (s: string) => JSON.stringify(s)

/** The Meilisearch filter our store route adds: published, the caller's channels, categories, vehicle. */
export function meilisearchFilter(f: {
  sales_channel_ids: string[]
  category_id: string[]
  vehicle_id: string | null
}): string {
  const parts = [`status = "published"`]
  if (f.sales_channel_ids.length) {
    parts.push(
      `sales_channel_ids IN [${f.sales_channel_ids.map(quote).join(", ")}]`
    )
  }
  if (f.category_id.length) {
    parts.push(`category_ids IN [${f.category_id.map(quote).join(", ")}]`)
  }
  if (f.vehicle_id) {
    parts.push(`(vehicle_ids = ${quote(f.vehicle_id)} OR is_universal = true)`)
  }
  return parts.join(" AND ")
}
