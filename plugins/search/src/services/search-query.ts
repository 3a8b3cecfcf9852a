import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import type { EntityManager } from "typeorm"
import { fitsVehiclesSql, VEHICLE_EXISTS_SQL } from "../lib/fitment-sources"
import {
  buildTsQuery,
  fuzzyCandidates,
  latinTokens,
  referenceKeys,
} from "../lib/query-plan"
import {
  NEAR_WORDS_SQL,
  NO_JIT_SQL,
  NORMALISE_QUERY_SQL,
  SEQSCAN_OFF_SQL,
  SEQSCAN_ON_SQL,
  searchCountSql,
  searchPageSql,
  toHit,
  type NearWordRow,
  type NormalisedQueryRow,
  type SearchCountRow,
  type SearchHit,
  type SearchRow,
  type SortKey,
} from "../lib/search-sql"
import type SearchDocumentsService from "./search-documents"

type InjectedDependencies = {
  manager: EntityManager
  searchDocumentsService: SearchDocumentsService
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

  constructor(container: InjectedDependencies) {
    super(container)
    this.documents_ = container.searchDocumentsService
  }

  async search(
    query: string | null,
    options: SearchOptions | undefined
  ): Promise<SearchResult> {
    return await this.activeManager_.transaction(async (m) => {
      await m.query(NO_JIT_SQL)
      return await this.search_(m, query, options)
    })
  }

  protected async search_(
    m: EntityManager,
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
      const found = await m.query(VEHICLE_EXISTS_SQL, [filter.vehicle_id])
      if (!found.length) {
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
      const count = async () => {
        const [{ total }]: SearchCountRow[] = await m.query(
          searchCountSql(whereSql),
          whereParams
        )
        return total
      }
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
      const sql = searchPageSql({
        where: whereSql,
        keys,
        refExpr,
        titleExpr,
        limit: p(limit),
        offset: p(offset),
        withTotal: total === undefined,
      })
      const rows: SearchRow[] = await m.query(sql, params)
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
      const [{ norm, ar }]: NormalisedQueryRow[] = await m.query(
        NORMALISE_QUERY_SQL,
        [q]
      )
      const tokens = latinTokens(norm)
      const refs = referenceKeys(q)
      const alternatives = new Map<string, string[]>()
      const fuzzy = fuzzyCandidates(tokens)
      if (fuzzy.length) {
        // the trigram index: the planner estimates a scan of the vocabulary as cheap, but it computes
        // the similarity of every word (10 to 20 times slower at 60,000 words)
        await m.query(SEQSCAN_OFF_SQL)
        const rows: NearWordRow[] = await m.query(NEAR_WORDS_SQL, [fuzzy])
        await m.query(SEQSCAN_ON_SQL)
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
