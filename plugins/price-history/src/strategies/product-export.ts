import { defaultCurrencies } from "@medusajs/utils"
import ProductExportStrategy from "@medusajs/medusa/dist/strategies/batch-jobs/product/export"
import { currencyDigits, fromMinorUnits } from "../lib/currency-amount"

type ExportPrice = {
  amount?: number | null
  currency_code?: string
  region?: { id?: string; name?: string } | null
}
type PriceShape = {
  currency_code?: string
  region?: { id?: string; name?: string; currency_code: string }
}

const same = (a?: string, b?: string) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase()

const format = (price: ExportPrice | undefined, currency: string) =>
  price?.amount === null || price?.amount === undefined
    ? ""
    : fromMinorUnits(
        Number(price.amount),
        currencyDigits(currency, defaultCurrencies)
      )

/**
 * Medusa's product CSV export, with prices written in major units with each currency's decimals
 * (12500 TND millimes → "12.500") instead of Medusa's `humanizeAmount` (÷100). The core
 * `buildHeader` declares the price columns; their accessors are replaced right after it, before
 * any line is built. Same identifier and batch type as the core strategy, so it replaces it.
 */
export default class ShabouProductExportStrategy extends ProductExportStrategy {
  static identifier = "product-export-strategy"
  static batchType = "product-export"

  async buildHeader(
    batchJob: Parameters<ProductExportStrategy["buildHeader"]>[0]
  ): Promise<string> {
    const header = await super.buildHeader(batchJob)
    const columns = this.columnsDefinition as Record<string, any>
    const shapes = ((batchJob?.context as any)?.shape?.prices ??
      []) as PriceShape[]
    for (const shape of shapes) {
      if (shape.currency_code) {
        const name =
          columns["Price Currency"].exportDescriptor.buildDynamicColumnName(
            shape
          )
        const currency = shape.currency_code
        columns[name].exportDescriptor.accessor = (variant: {
          prices: ExportPrice[]
        }) =>
          format(
            variant.prices.find((p) => same(p.currency_code, currency)),
            currency
          )
      }
      if (shape.region) {
        const name =
          columns["Price Region"].exportDescriptor.buildDynamicColumnName(shape)
        const region = shape.region
        columns[name].exportDescriptor.accessor = (variant: {
          prices: ExportPrice[]
        }) =>
          format(
            variant.prices.find(
              (p) =>
                same(p.region?.name, region.name) &&
                same(p.region?.id, region.id)
            ),
            region.currency_code
          )
      }
    }
    return header
  }
}
