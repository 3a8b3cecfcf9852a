import { TransactionBaseService } from "@medusajs/medusa"
import { notFound } from "@shabou/api-params"
import type { HistoryRow } from "../lib/history-csv"
import type { HistoryQuery } from "../lib/history-query"
import { LowestPrice, lowestPrices } from "../lib/lowest-price"
import type {
  PriceHistoryRepository,
  RecentPriceChange,
} from "../repositories/price-history"

type InjectedDependencies = {
  priceHistoryRepository: typeof PriceHistoryRepository
}

export type PriceHistorySummary = {
  product_id: string
  window_days: number
  from: string
  to: string
  prices: LowestPrice[]
}

/** Reads the price history written by the database triggers (it never writes any). */
export default class PriceHistoryService extends TransactionBaseService {
  protected readonly priceHistoryRepository_: typeof PriceHistoryRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.priceHistoryRepository_ = container.priceHistoryRepository
  }

  private get repository() {
    return this.activeManager_.withRepository(this.priceHistoryRepository_)
  }

  private async assertProduct(
    productId: string,
    publishedOnly: boolean
  ): Promise<void> {
    const p = await this.repository.productState(productId)
    if (
      !p ||
      (publishedOnly && (p.status !== "published" || p.deleted_at !== null))
    ) {
      throw notFound(`Product with id: ${productId} was not found`)
    }
  }

  async list(
    productId: string,
    q: HistoryQuery
  ): Promise<{ rows: HistoryRow[]; count: number }> {
    await this.assertProduct(productId, false)
    return this.repository.page(productId, q)
  }

  /** Lowest base price (no price list, no quantity tier) in force during the last `days` days. */
  async summary(productId: string, days = 30): Promise<PriceHistorySummary> {
    await this.assertProduct(productId, true)
    const repository = this.repository
    const { now, since } = await repository.window(days)
    const [current, changes] = await Promise.all([
      repository.currentBasePrices(productId),
      repository.baseChangesSince(productId, since),
    ])
    return {
      product_id: productId,
      window_days: days,
      from: new Date(since).toISOString(),
      to: new Date(now).toISOString(),
      prices: lowestPrices(current, changes),
    }
  }

  /** The `limit` latest changes of prices outside price lists, newest first (the owner's dashboard). */
  async recentChanges(limit: number): Promise<RecentPriceChange[]> {
    return this.repository.recentChanges(limit)
  }
}
