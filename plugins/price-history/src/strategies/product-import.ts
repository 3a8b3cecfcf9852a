import { defaultCurrencies, MedusaError } from "@medusajs/utils"
import ProductImportStrategy from "@medusajs/medusa/dist/strategies/batch-jobs/product/import"
import { currencyDigits, toMinorUnits } from "../lib/currency-amount"

type CsvPrice = { amount: number; currency_code?: string; regionName?: string }
type PriceRecord = { amount: number; currency_code: string; region_id?: string }

/**
 * Medusa's product CSV import, with prices scaled by each currency's decimals (TND 3: "12.5" →
 * 12500 millimes) instead of Medusa's `computerizeAmount` (×100 for every currency that is not
 * zero-decimal). Same identifier and batch type as the core strategy, so the plugin loader's
 * `batchType_product-import` alias now points here. Everything else is the core behaviour
 * (processJob included, so the price-history import attribution still applies).
 */
export default class ShabouProductImportStrategy extends ProductImportStrategy {
  static identifier = "product-import-strategy"
  static batchType = "product-import"

  protected async prepareVariantPrices(
    row: Record<string, any>
  ): Promise<void> {
    const manager = this.transactionManager_ ?? this.manager_
    const prices: PriceRecord[] = []
    for (const price of row["variant.prices"] as CsvPrice[]) {
      let column: string
      const record = {} as PriceRecord
      if (price.regionName) {
        column = `Price ${price.regionName}`
        try {
          const region = await this.regionService_
            .withTransaction(manager)
            .retrieveByName(price.regionName)
          record.region_id = region.id
          record.currency_code = region.currency_code
        } catch (e) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Trying to set a price for a region ${price.regionName} that doesn't exist`
          )
        }
      } else {
        column = `Price ${price.currency_code}`
        record.currency_code = price.currency_code as string
      }
      try {
        record.amount = toMinorUnits(
          Number(price.amount),
          currencyDigits(record.currency_code, defaultCurrencies)
        )
      } catch (e) {
        // the column reducer already ran parseFloat, so a word arrives here as NaN
        const reason = Number.isNaN(Number(price.amount))
          ? "is not a number"
          : (e as Error).message
        const variant =
          row["variant.sku"] ??
          row["variant.id"] ??
          row["variant.title"] ??
          "(new)"
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Product ${row["product.handle"] ?? "?"}, variant ${variant}, column "${column}": ${reason}`
        )
      }
      prices.push(record)
    }
    row["variant.prices"] = prices
  }
}
