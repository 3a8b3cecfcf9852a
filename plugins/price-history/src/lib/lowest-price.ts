/**
 * The "lowest price of the last N days" (EU Omnibus-style reference price) per variant and
 * currency, from the prices in force now and the history rows of the window.
 *
 * A price was in force at some moment of the window when it is in force now, when it was set by a
 * change inside the window (new_amount), or when a change inside the window replaced or removed it
 * (old_amount: in force from before the window, or from an earlier change, until that change).
 */

export type CurrentPrice = {
  variant_id: string
  currency_code: string
  amount: number
}

export type WindowChange = {
  variant_id: string
  currency_code: string
  old_amount: number | null
  new_amount: number | null
  changed_at: Date
}

export type LowestPrice = {
  variant_id: string
  currency_code: string
  /** lowest price in force now (null when the variant has no price in that currency any more) */
  current_amount: number | null
  /** lowest price in force at any moment of the window */
  lowest_amount: number
  /** number of price changes inside the window */
  changes: number
  /** when the lowest amount was last set or last in force inside the window (null: it is in force now and unchanged) */
  lowest_seen_at: Date | null
}

const keyOf = (variantId: string, currency: string) =>
  `${variantId}\u0000${currency}`

export function lowestPrices(
  current: CurrentPrice[],
  changes: WindowChange[]
): LowestPrice[] {
  const out = new Map<string, LowestPrice>()
  const entry = (
    variantId: string,
    currency: string,
    amount: number,
    at: Date | null
  ) => {
    const key = keyOf(variantId, currency)
    const existing = out.get(key)
    if (!existing) {
      out.set(key, {
        variant_id: variantId,
        currency_code: currency,
        current_amount: null,
        lowest_amount: amount,
        changes: 0,
        lowest_seen_at: at,
      })
      return out.get(key) as LowestPrice
    }
    if (amount < existing.lowest_amount) {
      existing.lowest_amount = amount
      existing.lowest_seen_at = at
    } else if (
      amount === existing.lowest_amount &&
      existing.lowest_seen_at &&
      (!at || at > existing.lowest_seen_at)
    ) {
      existing.lowest_seen_at = at
    }
    return existing
  }
  for (const p of current) {
    const e = entry(p.variant_id, p.currency_code, p.amount, null)
    e.current_amount =
      e.current_amount === null
        ? p.amount
        : Math.min(e.current_amount, p.amount)
  }
  for (const c of changes) {
    for (const amount of [c.old_amount, c.new_amount]) {
      if (amount !== null && amount !== undefined) {
        entry(c.variant_id, c.currency_code, amount, c.changed_at)
      }
    }
    const e = out.get(keyOf(c.variant_id, c.currency_code))
    if (e) {
      e.changes += 1
    }
  }
  return [...out.values()].sort((a, b) =>
    a.variant_id === b.variant_id
      ? a.currency_code.localeCompare(b.currency_code)
      : a.variant_id.localeCompare(b.variant_id)
  )
}
