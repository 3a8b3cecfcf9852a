/**
 * The statements of the PostgreSQL product search (run by repositories/search-match.ts and
 * search-word.ts for services/search-query.ts) and of the queue drain (repositories/search-dirty.ts
 * and search-document.ts, for services/search-documents.ts), with their result rows.
 */

/**
 * JIT compilation is off for our statements: the planner's cost of the document SQL and of a
 * count over 100k documents passes jit_above_cost, and compiling then takes seconds (measured: 2.5 s
 * of JIT for a 50 ms statement) while the statements themselves run in milliseconds.
 */
export const NO_JIT_SQL = `SET LOCAL jit = off`

/**
 * Takes up to $1 queued products, skipping those another instance holds. A WITH … SELECT:
 * TypeORM's query() answers [rows, count] for a bare DELETE … RETURNING.
 */
export const TAKE_DIRTY_SQL = `WITH taken AS (
           DELETE FROM search_dirty WHERE product_id IN (
             SELECT product_id FROM search_dirty ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED
           ) RETURNING product_id
         )
         SELECT product_id FROM taken ORDER BY product_id`
export type DirtyRow = { product_id: string }

export const DELETE_ALL_DOCUMENTS_SQL = `DELETE FROM search_document`

/** The query $1 normalised (`norm`) and its Arabic words (`ar`). */
export const NORMALISE_QUERY_SQL = `SELECT shabou_search_norm($1) AS norm, shabou_ar_words($1) AS ar`
export type NormalisedQueryRow = { norm: string; ar: string[] }

/** Up to 4 near spellings of each token of $1 (text[]) in the typo dictionary. */
export const NEAR_WORDS_SQL = `SELECT t.tok, w.word FROM unnest($1::text[]) AS t(tok)
             CROSS JOIN LATERAL (
               SELECT s.word FROM search_word s
                WHERE s.word % t.tok AND s.word <> t.tok
                ORDER BY similarity(s.word, t.tok) DESC, s.word LIMIT 4
             ) w`
export type NearWordRow = { tok: string; word: string }

export const SEQSCAN_OFF_SQL = `SET LOCAL enable_seqscan = off`
export const SEQSCAN_ON_SQL = `SET LOCAL enable_seqscan = on`

/**
 * How many published documents match `where`. The search's conditions read `search_match` (`d`):
 * the published documents' matching columns (migrations/1733700000000-search-match.ts).
 */
export function searchCountSql(where: string): string {
  return `SELECT count(*)::int AS total FROM search_match d WHERE ${where}`
}
export type SearchCountRow = { total: number }

/** A sort key of the search: an expression over `d`, descending or not. */
export type SortKey = { expr: string; desc: boolean }

/**
 * A page of matching documents, with why each matched; with `withTotal`, every row also carries
 * how many documents match in all (`total`), counted in the same pass as the ranking.
 * The matching and ranking read `search_match` (`d` in `where` and `keys`), and the window keeps
 * narrow rows; the page's display columns are read from `search_document` for its own rows alone.
 */
export function searchPageSql(q: {
  where: string
  keys: SortKey[]
  refExpr: string
  titleExpr: string
  limit: string
  offset: string
  withTotal: boolean
}): string {
  const order = (prefix: string) =>
    q.keys.map((k, i) => `${prefix}k${i}${k.desc ? " DESC" : ""}`).join(", ")
  return `SELECT d.product_id AS id, d.title, d.subtitle, d.handle, d.thumbnail, d.brand, d.title_ar,
                d.categories, d.skus, d.mpn, d.oe_numbers, d.part_numbers, d.fitment_summary, d.is_universal,
                m.match${q.withTotal ? ", m.total" : ""}
           FROM (
             SELECT d.product_id, ${q.keys.map((k, i) => `${k.expr} AS k${i}`).join(", ")},
                    CASE WHEN ${q.refExpr} THEN 'reference' WHEN ${q.titleExpr} THEN 'title' ELSE 'text' END AS match
                    ${q.withTotal ? ", count(*) OVER ()::int AS total" : ""}
               FROM search_match d
              WHERE ${q.where}
              ORDER BY ${order("")}
              LIMIT ${q.limit} OFFSET ${q.offset}
           ) m
           JOIN search_document d ON d.product_id = m.product_id
          ORDER BY ${order("m.")}`
}

export type PartNumber = { type: string; brand: string | null; number: string }

export type MatchReason = "reference" | "title" | "text"

/** A row of `searchPageSql` (`total` with `withTotal`). */
export type SearchRow = {
  total?: number
  id: string
  title: string
  subtitle: string | null
  handle: string | null
  thumbnail: string | null
  brand: string | null
  title_ar: string | null
  categories: string | null
  skus: string[] | null
  mpn: string | null
  oe_numbers: string[] | null
  part_numbers: PartNumber[] | null
  fitment_summary: string | null
  is_universal: boolean
  match: MatchReason
}

/** The columns a hit takes from its row as they are. */
type HitColumns =
  | "id"
  | "title"
  | "subtitle"
  | "handle"
  | "thumbnail"
  | "brand"
  | "title_ar"
  | "mpn"
  | "fitment_summary"
  | "is_universal"

export type SearchHit = Pick<SearchRow, HitColumns> & {
  categories: string[]
  variant_sku: string[]
  oe_numbers: string[]
  part_numbers: PartNumber[]
  /** why it matched: "reference" (exact part number/SKU), "title", or "text" */
  _match: MatchReason
}

/** A search hit in the medusa-plugin-meilisearch shape. */
export function toHit(r: SearchRow): SearchHit {
  return {
    id: r.id,
    title: r.title,
    subtitle: r.subtitle,
    handle: r.handle,
    thumbnail: r.thumbnail,
    brand: r.brand,
    title_ar: r.title_ar,
    categories: r.categories
      ? String(r.categories).split(", ").filter(Boolean)
      : [],
    variant_sku: r.skus ?? [],
    mpn: r.mpn,
    oe_numbers: r.oe_numbers ?? [],
    part_numbers: r.part_numbers ?? [],
    fitment_summary: r.fitment_summary,
    is_universal: r.is_universal,
    _match: r.match,
  }
}
