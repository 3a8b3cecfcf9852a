/**
 * The data of the product page's price chart (pure, no React): one step line per variant from the recorded
 * price changes (base TND price: no price list, no region, no quantity tier), extended to now with the
 * current price, and one line per watched supplier page pointing at one of the variants.
 * Amounts stay in millimes; the chart formats them with formatAmount.
 */

export type PriceChange = {
  variant_id: string
  currency_code: string
  region_id?: string | null
  price_list_id?: string | null
  min_quantity?: number | null
  max_quantity?: number | null
  change: string
  old_amount: number | string | null
  new_amount: number | string | null
  changed_at: string
}

export type SupplierObservation = {
  watched_page_id: string
  supplier: string
  variant_id: string | null
  observed_at: string
  amount: number | string
  currency: string
}

export type ChartVariant = { id: string; label: string; current: number | null }

export type ChartSeries = {
  key: string
  label: string
  kind: "ours" | "supplier"
  variant_id: string
}

export type ChartPoint = { t: number } & Record<string, number | null>

const isBase = (c: PriceChange) =>
  c.currency_code.toLowerCase() === "tnd" &&
  !c.price_list_id &&
  !c.region_id &&
  c.min_quantity == null &&
  c.max_quantity == null

const amount = (v: number | string | null | undefined): number | null => {
  if (v === null || v === undefined || v === "") {
    return null
  }
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

/**
 * Builds the series and the points (sorted by time). At each point every series holds the value in force
 * then (the last change or observation at or before it), null before its first value or after a deletion.
 */
export function buildPriceChart(input: {
  variants: ChartVariant[]
  changes: PriceChange[]
  observations: SupplierObservation[]
  now: Date
}): { series: ChartSeries[]; points: ChartPoint[] } {
  const events = new Map<string, { t: number; value: number | null }[]>()
  const series: ChartSeries[] = []
  const push = (key: string, t: number, value: number | null) => {
    const list = events.get(key) ?? []
    list.push({ t, value })
    events.set(key, list)
  }
  const nowT = input.now.getTime()
  for (const v of input.variants) {
    const key = `v_${v.id}`
    const changes = input.changes.filter(
      (c) => c.variant_id === v.id && isBase(c)
    )
    if (!changes.length && v.current === null) {
      continue
    }
    series.push({ key, label: v.label, kind: "ours", variant_id: v.id })
    for (const c of changes) {
      push(
        key,
        new Date(c.changed_at).getTime(),
        c.change === "deleted" ? null : amount(c.new_amount)
      )
    }
    push(key, nowT, v.current)
  }
  const labelOf = new Map(input.variants.map((v) => [v.id, v.label]))
  for (const o of input.observations) {
    if (
      !o.variant_id ||
      !labelOf.has(o.variant_id) ||
      o.currency.toLowerCase() !== "tnd"
    ) {
      continue
    }
    const key = `s_${o.watched_page_id}`
    if (!events.has(key)) {
      series.push({
        key,
        label: `${o.supplier} (${labelOf.get(o.variant_id)})`,
        kind: "supplier",
        variant_id: o.variant_id,
      })
    }
    push(key, new Date(o.observed_at).getTime(), amount(o.amount))
  }
  for (const list of events.values()) {
    list.sort((a, b) => a.t - b.t)
  }
  const times = [
    ...new Set([...events.values()].flatMap((l) => l.map((e) => e.t))),
  ].sort((a, b) => a - b)
  const cursor = new Map<string, number>()
  const points = times.map((t) => {
    const point: ChartPoint = { t } as ChartPoint
    for (const s of series) {
      const list = events.get(s.key) ?? []
      let i = cursor.get(s.key) ?? -1
      while (i + 1 < list.length && list[i + 1].t <= t) {
        i++
      }
      cursor.set(s.key, i)
      point[s.key] = i >= 0 ? list[i].value : null
    }
    return point
  })
  return { series, points }
}

/** The base TND price of a variant in Medusa's product response (no price list, no region, no tier). */
export function currentTndPrice(
  prices: Array<Record<string, any>> | undefined
): number | null {
  const p = (prices ?? []).find(
    (x) =>
      String(x.currency_code).toLowerCase() === "tnd" &&
      !x.price_list_id &&
      !x.region_id &&
      x.min_quantity == null &&
      x.max_quantity == null
  )
  return p ? Number(p.amount) : null
}
