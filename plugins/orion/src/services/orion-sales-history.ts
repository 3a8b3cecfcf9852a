import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { TUNIS_TIME_ZONE, zonedParts } from "@shabou/ops"
import { chunks } from "@shabou/sql"
import { sumOverChunks } from "../lib/chunk-counts"
import { EntityManager } from "typeorm"
import { parseSalesCsv, RowError } from "../lib/sales-csv"
import { OrionProductVariantRepository } from "../repositories/orion-product-variant"
import {
  ImportedSale,
  OrionSalesHistoryRepository,
  SalesHistoryFilter,
} from "../repositories/orion-sales-history"

type InjectedDependencies = {
  manager: EntityManager
  orionProductVariantRepository: typeof OrionProductVariantRepository
  orionSalesHistoryRepository: typeof OrionSalesHistoryRepository
}

/** A rejected import with every bad row (a plain Error subclass: MedusaError's ES5 build breaks `instanceof`). */
export class SalesImportError extends Error {
  readonly type = MedusaError.Types.INVALID_DATA

  constructor(
    public errors: RowError[],
    public truncated: boolean
  ) {
    super(
      `the file has ${errors.length}${truncated ? "+" : ""} invalid row(s); nothing was imported`
    )
  }
}

export type ImportSummary = {
  rows: number
  /** distinct (variant, day) pairs after summing duplicate rows */
  days: number
  variants: number
  inserted: number
  updated: number
  unchanged: number
  first_day: string | null
  last_day: string | null
}

const CHUNK = 5000
/** Today's date (YYYY-MM-DD) in Tunis: no imported sale can be later. */
const today = () => zonedParts(new Date(), TUNIS_TIME_ZONE).date

/**
 * Sales history: units per variant and day, from placed orders (one row per line
 * item, idempotent) and from CSV imports of past sales (one row per variant and
 * day, upserted: importing the same file twice changes nothing).
 */
export default class OrionSalesHistoryService extends TransactionBaseService {
  protected readonly salesRepository_: typeof OrionSalesHistoryRepository
  protected readonly variantRepository_: typeof OrionProductVariantRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.salesRepository_ = container.orionSalesHistoryRepository
    this.variantRepository_ = container.orionProductVariantRepository
  }

  private repo(m: EntityManager = this.activeManager_) {
    return m.withRepository(this.salesRepository_)
  }

  /** Records the line items of these orders (canceled orders are skipped). Returns rows inserted. */
  async recordOrders(orderIds: string[]): Promise<number> {
    if (!orderIds.length) {
      return 0
    }
    return this.atomicPhase_((m) => this.repo(m).recordOrders(orderIds))
  }

  /** Removes the rows of canceled orders. Returns rows deleted. */
  async removeOrder(orderId: string): Promise<number> {
    return this.atomicPhase_((m) => this.repo(m).removeOrder(orderId))
  }

  /** Records every order not yet in the history (e.g. orders placed before the plugin). */
  async backfill(): Promise<{ orders: number; inserted: number }> {
    return this.atomicPhase_(async (m) => {
      const ids = await this.repo(m).placedOrderIds()
      let inserted = 0
      for (const part of chunks(ids, CHUNK)) {
        inserted += await this.withTransaction(m).recordOrders(part)
      }
      return { orders: ids.length, inserted }
    })
  }

  /**
   * Imports `sku,date,qty` (whole file validated first: all-or-nothing). Rows of the same sku and
   * day are summed; each (variant, day) is then inserted, or updated when its quantity differs.
   */
  async importCsv(text: string): Promise<ImportSummary> {
    const parsed = parseSalesCsv(text)
    const errors = parsed.errors
    const maxErrors = 200
    return this.atomicPhase_(async (m) => {
      const sales = this.repo(m)
      const catalogue = m.withRepository(this.variantRepository_)
      const skus = [...new Set(parsed.rows.map((r) => r.sku))]
      const variants = new Map<string, string>()
      for (const part of chunks(skus, CHUNK)) {
        for (const v of await catalogue.liveBySku(part)) {
          variants.set(v.sku, v.id)
        }
      }
      const last = today()
      const sums = new Map<string, ImportedSale>()
      for (const r of parsed.rows) {
        const day = r.date.toISOString().slice(0, 10)
        const variant = variants.get(r.sku)
        if (!variant) {
          errors.push({
            row: r.row,
            column: "sku",
            reason: `unknown sku "${r.sku}": no product variant has it`,
          })
          continue
        }
        if (day > last) {
          errors.push({
            row: r.row,
            column: "date",
            reason: `"${day}" is in the future (today is ${last} in Tunis)`,
          })
          continue
        }
        const key = `${variant}|${day}`
        const cur = sums.get(key)
        if (cur) {
          cur.qty += r.qty
        } else {
          sums.set(key, { variant, sku: r.sku, day, qty: r.qty })
        }
      }
      if (errors.length) {
        errors.sort((a, b) => a.row - b.row)
        throw new SalesImportError(
          errors.slice(0, maxErrors),
          errors.length > maxErrors
        )
      }
      const all = [...sums.values()]
      const { inserted, updated } = await sumOverChunks(
        chunks(all, CHUNK),
        ["inserted", "updated"],
        (part) => sales.upsertImported(part)
      )
      const days = all.map((r) => r.day).sort()
      return {
        rows: parsed.rows.length,
        days: all.length,
        variants: new Set(all.map((r) => r.variant)).size,
        inserted,
        updated,
        unchanged: all.length - inserted - updated,
        first_day: days[0] ?? null,
        last_day: days[days.length - 1] ?? null,
      }
    })
  }

  async list(
    filter: SalesHistoryFilter,
    page: { limit: number; offset: number }
  ) {
    const [rows, count] = await this.repo().listFiltered(filter, page)
    return { sales: rows, count, limit: page.limit, offset: page.offset }
  }
}
