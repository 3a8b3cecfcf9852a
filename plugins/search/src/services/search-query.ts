import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import type { EntityManager } from "typeorm"
import { fitsVehiclesSql } from "../lib/fitment-sources"
import {
  buildTsQuery,
  fuzzyCandidates,
  latinTokens,
  referenceKeys,
} from "../lib/query-plan"
import {
  toHit,
  type SearchHit,
  type SearchRow,
  type SortKey,
} from "../lib/search-sql"
import type { SearchDocumentRepository } from "../repositories/search-document"
import type { SearchMatchRepository } from "../repositories/search-match"
import type { SearchWordRepository } from "../repositories/search-word"
import type SearchDocumentsService from "./search-documents"

type InjectedDependencies = {
  manager: EntityManager
  searchDocumentsService: SearchDocumentsService
  searchMatchRepository: typeof SearchMatchRepository
  searchWordRepository: typeof SearchWordRepository
  searchDocumentRepository: typeof SearchDocumentRepository
}

export type SearchFilter = {
  vehicle_id?: string | null
  category_id?: string[]
  /** the sales channels the caller may see (resolved by the route) */
  sales_channel_ids?: string[]
}

export type SearchResult = {
  hits: SearchHit[]
  estimatedTotalHits: number
  offset: number
  limit: number
  query: string
  processingTimeMs: number
}

export type SearchOptions = {
  paginationOptions?: { offset?: number; limit?: number }
  filter?: SearchFilter
  additionalOptions?: SearchFilter
}

type Matches = { total: number; rows: SearchRow[] }

/**
 * The PostgreSQL product search over `search_document` (matched and ranked on its published part,
 * `search_match`): words (French stemming, typo dictionary, words dropped from the end until
 * something matches), Arabic words and references, ranked.
 * One read-only transaction per search (its `SET LOCAL` settings end with it).
 */
export default class SearchQueryService extends TransactionBaseService {
  protected documents_: SearchDocumentsService
  protected readonly searchMatchRepository_: typeof SearchMatchRepository
  protected readonly searchWordRepository_: typeof SearchWordRepository
  protected readonly searchDocumentRepository_: typeof SearchDocumentRepository

  constructor(container: InjectedDependencies) {
    super(container)
    this.documents_ = container.searchDocumentsService
    this.searchMatchRepository_ = container.searchMatchRepository
    this.searchWordRepository_ = container.searchWordRepository
    this.searchDocumentRepository_ = container.searchDocumentRepository
  }

  async search(
    query: string | null,
    options: SearchOptions | undefined
  ): Promise<SearchResult> {
    return await this.activeManager_.transaction(async (m) => {
      const matches = m.withRepository(this.searchMatchRepository_)
      await matches.withoutJit()
      return await this.search_(m, matches, query, options)
    })
  }

  /** The search in the caller's transaction (`m`, with `matches` bound to it). */
  protected async search_(
    m: EntityManager,
    matches: typeof SearchMatchRepository,
    query: string | null,
    options: SearchOptions | undefined
  ): Promise<SearchResult> {
    const started = Date.now()
    const opts = options ?? {}
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
    // search_match holds the published documents only
    const base: string[] = []
    if (filter.sales_channel_ids) {
      base.push(`d.sales_channel_ids && ${p(filter.sales_channel_ids)}::text[]`)
    }
    if (filter.category_id?.length) {
      base.push(`d.category_ids && ${p(filter.category_id)}::text[]`)
    }
    if (filter.vehicle_id) {
      if (!(await this.documents_.fitmentPresent(m))) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "vehicle_id cannot be used: the fitment tables are not installed"
        )
      }
      const found = await m
        .withRepository(this.searchDocumentRepository_)
        .vehicleExists(filter.vehicle_id)
      if (!found) {
        throw notFound(`Vehicle with id: ${filter.vehicle_id} was not found`)
      }
      // fitment's one definition of the parts that fit (an inlined UNION of two index scans)
      base.push(fitsVehiclesSql(`ARRAY[${p(filter.vehicle_id)}]`))
    }
    const baseParams = [...params]

    const run = async (
      tsq: string,
      refs: string[],
      ar: string[]
    ): Promise<Matches> => {
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
          return { total: 0, rows: [] }
        }
        where.push(`(${any.join(" OR ")})`)
      }
      const whereSql = where.join(" AND ") || "true"
      const whereParams = [...params]
      const count = () => matches.count(whereSql, whereParams)
      // without words every published document matches: counted apart, the page then reads the
      // listing index in order and stops at its last row; with words, the page ranks every match
      // and counts them in the same pass
      const total = q ? undefined : await count()
      if (total === 0) {
        return { total: 0, rows: [] }
      }
      // constant terms ("false", "0") are left out: they would only slow the sort
      const keys: SortKey[] = [
        ...(q
          ? [refExpr, titleExpr, rankExpr]
              .filter((e) => e !== "false" && e !== "0")
              .map((expr) => ({ expr, desc: true }))
          : []),
        { expr: "d.product_created_at", desc: true },
        { expr: "d.product_id", desc: false },
      ]
      const page = {
        where: whereSql,
        keys,
        refExpr,
        titleExpr,
        limit: p(limit),
        offset: p(offset),
        withTotal: total === undefined,
      }
      const rows: SearchRow[] = await matches.page(page, params)
      if (total !== undefined) {
        return { total, rows }
      }
      // a page past the last match has no row to carry the total
      return { total: rows[0]?.total ?? (offset ? await count() : 0), rows }
    }

    let result: Matches
    if (!q) {
      result = await run("", [], [])
    } else {
      const { norm, ar } = await matches.normalise(q)
      const tokens = latinTokens(norm)
      const refs = referenceKeys(q)
      const alternatives = new Map<string, string[]>()
      const fuzzy = fuzzyCandidates(tokens)
      if (fuzzy.length) {
        const rows = await m
          .withRepository(this.searchWordRepository_)
          .nearWords(fuzzy)
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
      hits: result.rows.map(toHit),
      estimatedTotalHits: result.total,
      offset,
      limit,
      query: q,
      processingTimeMs: Date.now() - started,
    }
  }
}
