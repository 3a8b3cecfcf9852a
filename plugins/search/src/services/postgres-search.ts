import { AbstractSearchService, MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import {
  ADD_WORDS_SQL,
  CATALOGUE_AFTER_DRAIN_SQL,
  FITMENT_PRESENT_SQL,
  upsertDocumentsSql,
} from "../lib/document-sql"
import {
  buildTsQuery,
  fuzzyCandidates,
  latinTokens,
  referenceKeys,
} from "../lib/query-plan"
import { fitsVehiclesSql } from "../lib/catalogue-sql"

type Logger = { info: (m: string) => void; warn: (m: string) => void }

type InjectedDependencies = { manager: EntityManager; logger: Logger }

export type SearchFilter = {
  vehicle_id?: string | null
  category_id?: string[]
  /** the sales channels the caller may see (resolved by the route) */
  sales_channel_ids?: string[]
}

export type SearchHit = {
  id: string
  title: string
  subtitle: string | null
  handle: string | null
  thumbnail: string | null
  brand: string | null
  title_ar: string | null
  categories: string[]
  variant_sku: string[]
  mpn: string | null
  oe_numbers: string[]
  part_numbers: { type: string; brand: string | null; number: string }[]
  fitment_summary: string | null
  is_universal: boolean
  /** why it matched: "reference" (exact part number/SKU), "title", or "text" */
  _match: "reference" | "title" | "text"
}

export type SearchResult = {
  hits: SearchHit[]
  estimatedTotalHits: number
  offset: number
  limit: number
  query: string
  processingTimeMs: number
}

const FITMENT_CACHE_MS = 60000
/**
 * JIT compilation is off for our statements: the planner's cost of the document SQL and of a
 * count over 100k documents passes jit_above_cost, and compiling then takes seconds (measured: 2.5 s
 * of JIT for a 50 ms statement) while the statements themselves run in milliseconds.
 */
const NO_JIT_SQL = `SET LOCAL jit = off`
const REFRESH_CHUNK = 1000

/**
 * Product search on PostgreSQL, registered as Medusa's `searchService` (it extends
 * AbstractSearchService). Documents live in `search_document`, kept fresh by database triggers that
 * queue changed products in `search_dirty` (drained every second by loaders/search-refresh.ts) and
 * by Medusa's product subscribers calling addDocuments/deleteDocument.
 */
export default class PostgresSearchService extends AbstractSearchService {
  /**
   * Not auto-aliased as `searchService` by Medusa's plugin loader: loaders/search-refresh.ts does it
   * unless the plugin runs with `engine: "meilisearch"`, so with Meilisearch nothing of ours is the
   * search service.
   */
  static _isSearchService = false
  isDefault = false
  protected manager_: EntityManager
  protected logger_: Logger
  private fitment_: { present: boolean; at: number } | null = null

  constructor(
    container: InjectedDependencies,
    options: Record<string, unknown> = {}
  ) {
    super(container, options)
    this.manager_ = container.manager
    this.logger_ = container.logger
  }

  async fitmentPresent(
    manager: EntityManager = this.manager_
  ): Promise<boolean> {
    if (!this.fitment_ || Date.now() - this.fitment_.at > FITMENT_CACHE_MS) {
      const [{ present }] = await manager.query(FITMENT_PRESENT_SQL)
      this.fitment_ = { present: Boolean(present), at: Date.now() }
    }
    return this.fitment_.present
  }

  /** Rebuilds (or removes) the documents of these products, in one transaction per chunk. */
  async refresh(productIds: string[]): Promise<number> {
    const ids = [
      ...new Set(productIds.filter((id) => typeof id === "string" && id)),
    ]
    let done = 0
    for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
      const chunk = ids.slice(i, i + REFRESH_CHUNK)
      await this.manager_.transaction(async (m) => {
        await m.query(NO_JIT_SQL)
        const sql = upsertDocumentsSql({
          fitment: await this.fitmentPresent(m),
        })
        await m.query(sql, [chunk])
        await m.query(ADD_WORDS_SQL, [chunk])
        await m.query(CATALOGUE_AFTER_DRAIN_SQL, [chunk, false, false])
      })
      done += chunk.length
    }
    return done
  }

  /** Takes up to `batch` queued products (skipping those another instance holds) and rebuilds them. */
  async drainDirty(batch = 500): Promise<number> {
    return await this.manager_.transaction(async (m) => {
      await m.query(NO_JIT_SQL)
      // a WITH … SELECT: TypeORM's query() answers [rows, count] for a bare DELETE … RETURNING
      const rows: { product_id: string }[] = await m.query(
        `WITH taken AS (
           DELETE FROM search_dirty WHERE product_id IN (
             SELECT product_id FROM search_dirty ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED
           ) RETURNING product_id
         )
         SELECT product_id FROM taken ORDER BY product_id`,
        [batch]
      )
      if (!rows.length) {
        return 0
      }
      const markers = rows
        .map((r) => r.product_id)
        .filter((id) => id.startsWith("*"))
      const ids = rows
        .map((r) => r.product_id)
        .filter((id) => !id.startsWith("*"))
      if (ids.length) {
        await m.query(
          upsertDocumentsSql({ fitment: await this.fitmentPresent(m) }),
          [ids]
        )
        await m.query(ADD_WORDS_SQL, [ids])
      }
      await m.query(CATALOGUE_AFTER_DRAIN_SQL, [
        ids,
        markers.includes("*all"),
        markers.length > 0,
      ])
      return rows.length
    })
  }

  createIndex(
    indexName: string,
    options: unknown
  ): { indexName: string; options: unknown } {
    return { indexName, options }
  }

  getIndex(indexName: string): { indexName: string; table: string } {
    return { indexName, table: "search_document" }
  }

  async addDocuments(
    _indexName: string,
    documents: unknown,
    _type: string
  ): Promise<{ refreshed: number }> {
    const ids = (Array.isArray(documents) ? documents : [])
      .map((d) =>
        d && typeof d === "object" ? (d as { id?: unknown }).id : undefined
      )
      .filter((id): id is string => typeof id === "string")
    return { refreshed: await this.queue(ids) }
  }

  /**
   * Medusa's product subscribers call addDocuments/deleteDocument from the event bus for every
   * product event (1,800 of them after the demo seed). The statement triggers have queued those
   * products already, in the writer's own transaction: nothing more to do here, so the event bus
   * is not held up (and does not move the catalogue's generation once per event).
   */
  async queue(productIds: string[]): Promise<number> {
    return productIds.length
  }

  async replaceDocuments(
    indexName: string,
    documents: unknown,
    type: string
  ): Promise<{ refreshed: number }> {
    return await this.addDocuments(indexName, documents, type)
  }

  async deleteDocument(
    _indexName: string,
    documentId: string | number
  ): Promise<{ refreshed: number }> {
    return { refreshed: await this.queue([String(documentId)]) }
  }

  async deleteAllDocuments(_indexName: string): Promise<void> {
    await this.manager_.query(`DELETE FROM search_document`)
  }

  updateSettings(
    indexName: string,
    settings: unknown
  ): { indexName: string; settings: unknown } {
    return { indexName, settings }
  }

  async search(
    indexName: string,
    query: string | null,
    options: unknown
  ): Promise<SearchResult> {
    return await this.manager_.transaction(async (m) => {
      await m.query(NO_JIT_SQL)
      return await this.search_(m, query, options)
    })
  }

  protected async search_(
    m: EntityManager,
    query: string | null,
    options: unknown
  ): Promise<SearchResult> {
    const started = Date.now()
    const opts = (options ?? {}) as {
      paginationOptions?: { offset?: number; limit?: number }
      filter?: SearchFilter
      additionalOptions?: SearchFilter
    }
    const filter: SearchFilter = {
      ...(opts.additionalOptions ?? {}),
      ...(opts.filter ?? {}),
    }
    const offset = Math.max(0, Number(opts.paginationOptions?.offset ?? 0) || 0)
    const limit = Math.min(
      100,
      Math.max(1, Number(opts.paginationOptions?.limit ?? 20) || 20)
    )
    const q = (query ?? "").trim()

    const params: unknown[] = []
    const p = (v: unknown) => {
      params.push(v)
      return `$${params.length}`
    }
    const base: string[] = [`d.status = 'published'`]
    if (filter.sales_channel_ids) {
      base.push(`d.sales_channel_ids && ${p(filter.sales_channel_ids)}::text[]`)
    }
    if (filter.category_id?.length) {
      base.push(`d.category_ids && ${p(filter.category_id)}::text[]`)
    }
    if (filter.vehicle_id) {
      if (!(await this.fitmentPresent(m))) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "vehicle_id cannot be used: the fitment tables are not installed"
        )
      }
      const found = await m.query(`SELECT 1 FROM vehicle WHERE id = $1`, [
        filter.vehicle_id,
      ])
      if (!found.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Vehicle with id: ${filter.vehicle_id} was not found`
        )
      }
      // fitment's one definition of the parts that fit (an inlined UNION of two index scans)
      base.push(fitsVehiclesSql(`ARRAY[${p(filter.vehicle_id)}]`))
    }
    const baseParams = [...params]

    const run = async (tsq: string, refs: string[], ar: string[]) => {
      params.length = 0
      params.push(...baseParams)
      const where = [...base]
      const any: string[] = []
      let refExpr = "false"
      let titleExpr = "false"
      let rankExpr = "0"
      if (refs.length) {
        refExpr = `(d.refs && ${p(refs)}::text[])`
        any.push(refExpr)
      }
      if (tsq) {
        const t = `to_tsquery('shabou_fr', ${p(tsq)})`
        any.push(`d.tsv @@ ${t}`)
        titleExpr = `(d.title_tsv @@ ${t})`
        rankExpr = `ts_rank_cd(d.tsv, ${t})`
      }
      if (ar.length) {
        const a = `(d.ar_words @> ${p(ar)}::text[])`
        any.push(a)
        titleExpr = `(${titleExpr} OR ${a})`
      }
      if (q) {
        if (!any.length) {
          return { total: 0, rows: [] as any[] }
        }
        where.push(`(${any.join(" OR ")})`)
      }
      const whereSql = where.join(" AND ")
      const [{ total }] = await m.query(
        `SELECT count(*)::int AS total FROM search_document d WHERE ${whereSql}`,
        params
      )
      if (!total) {
        return { total: 0, rows: [] }
      }
      // constant terms ("false", "0") are left out: PostgreSQL rejects non-integer constants in ORDER BY
      const order = [
        ...(q
          ? [refExpr, titleExpr, rankExpr]
              .filter((e) => e !== "false" && e !== "0")
              .map((e) => `${e} DESC`)
          : []),
        "d.product_created_at DESC",
        "d.product_id",
      ].join(", ")
      const rows = await m.query(
        `SELECT d.product_id AS id, d.title, d.subtitle, d.handle, d.thumbnail, d.brand, d.title_ar,
                d.categories, d.skus, d.mpn, d.oe_numbers, d.part_numbers, d.fitment_summary, d.is_universal,
                CASE WHEN ${refExpr} THEN 'reference' WHEN ${titleExpr} THEN 'title' ELSE 'text' END AS match
           FROM search_document d
          WHERE ${whereSql}
          ORDER BY ${order}
          LIMIT ${p(limit)} OFFSET ${p(offset)}`,
        params
      )
      return { total, rows }
    }

    let result: { total: number; rows: any[] }
    if (!q) {
      result = await run("", [], [])
    } else {
      const [{ norm, ar }] = await m.query(
        `SELECT shabou_search_norm($1) AS norm, shabou_ar_words($1) AS ar`,
        [q]
      )
      const tokens = latinTokens(norm)
      const refs = referenceKeys(q)
      const alternatives = new Map<string, string[]>()
      const fuzzy = fuzzyCandidates(tokens)
      if (fuzzy.length) {
        // the trigram index: the planner estimates a scan of the vocabulary as cheap, but it computes
        // the similarity of every word (10 to 20 times slower at 60,000 words)
        await m.query(`SET LOCAL enable_seqscan = off`)
        const rows: { tok: string; word: string }[] = await m.query(
          `SELECT t.tok, w.word FROM unnest($1::text[]) AS t(tok)
             CROSS JOIN LATERAL (
               SELECT s.word FROM search_word s
                WHERE s.word % t.tok AND s.word <> t.tok
                ORDER BY similarity(s.word, t.tok) DESC, s.word LIMIT 4
             ) w`,
          [fuzzy]
        )
        await m.query(`SET LOCAL enable_seqscan = on`)
        for (const r of rows) {
          alternatives.set(r.tok, [...(alternatives.get(r.tok) ?? []), r.word])
        }
      }
      // like Meilisearch's "last" matching strategy: drop words from the end until something matches
      let active = tokens
      result = await run(buildTsQuery(active, alternatives), refs, ar)
      while (!result.total && active.length > 1) {
        active = active.slice(0, -1)
        result = await run(buildTsQuery(active, alternatives), refs, ar)
      }
    }

    return {
      hits: result.rows.map((r) => ({
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
      })),
      estimatedTotalHits: result.total,
      offset,
      limit,
      query: q,
      processingTimeMs: Date.now() - started,
    }
  }
}
