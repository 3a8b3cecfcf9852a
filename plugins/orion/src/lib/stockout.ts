/**
 * When will a part run out, and by when must it be ordered? From the forecast mean per period
 * (spread evenly over each period's days), the stock on hand and the supplier lead time.
 */

const DAY = 86400000

export type StockoutInput = {
  /** units on hand */
  stock: number
  /** forecast mean demand per period, from `forecastStart` on */
  mean: number[]
  /** first day of the first forecast period (UTC midnight) */
  forecastStart: Date
  /** length of each period in days (7 for weeks, 365.25 / 12 for months) */
  periodDays: number
  /** the run's "today": a date before it is never returned */
  asOf: Date
  /** supplier lead time in days */
  leadTimeDays: number
}

export type Stockout = {
  /** first day when the expected cumulative demand reaches the stock on hand; null past the horizon */
  stockout_date: string | null
  /** last day to order so that the order arrives before the stock-out (stock-out − lead time), never before asOf */
  order_by: string | null
}

const iso = (d: Date) => d.toISOString().slice(0, 10)
const dayOf = (d: Date) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))

/** Expected stock-out date and order-by date (ISO YYYY-MM-DD). */
export function expectedStockout(input: StockoutInput): Stockout {
  const today = dayOf(input.asOf)
  // demand of the current period already elapsed before asOf is history, not future demand
  const elapsedDays = Math.max(
    0,
    (today.getTime() - input.forecastStart.getTime()) / DAY
  )
  let cumulative = 0
  let found: Date | null = null
  if (input.stock <= 0) {
    found = today
  } else {
    for (let k = 0; k < input.mean.length && !found; k++) {
      const start = k * input.periodDays
      const end = start + input.periodDays
      const from = Math.max(start, elapsedDays)
      if (end <= from) {
        continue
      }
      const perDay = Math.max(0, input.mean[k]) / input.periodDays
      const demand = perDay * (end - from)
      if (cumulative + demand >= input.stock && perDay > 0) {
        const days = from + (input.stock - cumulative) / perDay
        found = new Date(input.forecastStart.getTime() + Math.floor(days) * DAY)
      }
      cumulative += demand
    }
  }
  if (!found) {
    return { stockout_date: null, order_by: null }
  }
  const stockout = found < today ? today : found
  const orderBy = new Date(
    stockout.getTime() - Math.ceil(input.leadTimeDays) * DAY
  )
  return {
    stockout_date: iso(stockout),
    order_by: iso(orderBy < today ? today : orderBy),
  }
}
