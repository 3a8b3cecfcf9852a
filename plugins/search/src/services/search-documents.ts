import { TransactionBaseService } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import {
  ADD_WORDS_SQL,
  CATALOGUE_AFTER_DRAIN_SQL,
  upsertDocumentsSql,
} from "../lib/document-sql"
import {
  DELETE_LIST_ENTRIES_SQL,
  insertListEntriesSql,
} from "../lib/list-entry-sql"
import {
  FITMENT_PRESENT_SQL,
  PRODUCT_BRANDS_SQL,
  type FitmentPresentRow,
  type ProductBrandRow,
} from "../lib/fitment-sources"
import {
  DELETE_ALL_DOCUMENTS_SQL,
  NO_JIT_SQL,
  TAKE_DIRTY_SQL,
  type DirtyRow,
} from "../lib/search-sql"

type InjectedDependencies = { manager: EntityManager }

const FITMENT_CACHE_MS = 60000
const REFRESH_CHUNK = 1000

/**
 * Keeps `search_document` (and with it the catalogue read model) up to date: drains the queue the
 * database triggers fill (`search_dirty`), rebuilds documents, removes them all. Each batch is one
 * transaction, taken on `activeManager_` rather than through `atomicPhase_`: the refresh loop's
 * instance is shared (the loop, `npm run catalogue:rebuild`), and `atomicPhase_` points the whole
 * instance at its transaction while it runs.
 */
export default class SearchDocumentsService extends TransactionBaseService {
  private fitment_: { present: boolean; at: number } | null = null

  constructor(container: InjectedDependencies) {
    super(container)
  }

  /** Is the fitment plugin's schema present? (checked again after a minute) */
  async fitmentPresent(
    manager: EntityManager = this.activeManager_
  ): Promise<boolean> {
    if (!this.fitment_ || Date.now() - this.fitment_.at > FITMENT_CACHE_MS) {
      const [{ present }]: FitmentPresentRow[] =
        await manager.query(FITMENT_PRESENT_SQL)
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
      await this.activeManager_.transaction(async (m) => {
        await m.query(NO_JIT_SQL)
        await this.rebuild_(m, chunk)
        await m.query(CATALOGUE_AFTER_DRAIN_SQL, [chunk, false, false])
      })
      done += chunk.length
    }
    return done
  }

  /** Drains the queue until it is empty (`drainDirty` batch after batch); how many entries it took. */
  async drainAll(batch = 500): Promise<number> {
    let taken = 0
    for (let n; (n = await this.drainDirty(batch)) > 0;) {
      taken += n
    }
    return taken
  }

  /** Takes up to `batch` queued products (skipping those another instance holds) and rebuilds them. */
  async drainDirty(batch = 500): Promise<number> {
    return await this.activeManager_.transaction(async (m) => {
      await m.query(NO_JIT_SQL)
      const rows: DirtyRow[] = await m.query(TAKE_DIRTY_SQL, [batch])
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
        await this.rebuild_(m, ids)
      }
      await m.query(CATALOGUE_AFTER_DRAIN_SQL, [
        ids,
        markers.includes("*all"),
        markers.length > 0,
      ])
      return rows.length
    })
  }

  /**
   * Rebuilds the documents of these products in the caller's transaction, with what is made of
   * them: the typo dictionary's words and the products' entries in the kept lists.
   */
  private async rebuild_(m: EntityManager, ids: string[]): Promise<void> {
    const fitment = await this.fitmentPresent(m)
    await m.query(upsertDocumentsSql({ fitment }), [ids])
    await m.query(ADD_WORDS_SQL, [ids])
    await m.query(DELETE_LIST_ENTRIES_SQL, [ids])
    await m.query(insertListEntriesSql({ fitment }), [ids])
  }

  /**
   * The brand of each product that has one, read where the document SQL reads it (fitment's
   * tables): product id → brand name. Empty without fitment.
   */
  async brandsOf(productIds: string[]): Promise<Map<string, string>> {
    if (!productIds.length || !(await this.fitmentPresent())) {
      return new Map()
    }
    const rows: ProductBrandRow[] = await this.activeManager_.query(
      PRODUCT_BRANDS_SQL,
      [productIds]
    )
    return new Map(rows.map((r) => [r.id, r.brand]))
  }

  /** Removes every document (Medusa's `deleteAllDocuments`). */
  async deleteAll(): Promise<void> {
    await this.activeManager_.transaction(async (m) => {
      await m.query(DELETE_ALL_DOCUMENTS_SQL)
    })
  }
}
