/**
 * The owner's dashboard's recent activity: the latest orders, price changes (outside price lists) and applied
 * fitment imports, each read newest first from its owner (Medusa, price-history, fitment), merged here into one
 * list, newest first. The labels are those the single SQL `UNION ALL` of before built, NULLs included (`||`
 * with a NULL gives NULL, `COALESCE` takes the first non-NULL; an empty string is not NULL).
 */

/** One line of the recent activity (`GET /admin/dashboard`, `activity`). */
export type ActivityItem = {
  kind: "order" | "price" | "import"
  id: string
  /** ISO 8601 */
  at: string
  label: string
  product_id?: string | null
  amount?: number | null
  old_amount?: number | null
  currency_code?: string | null
}

/** A latest order (Medusa: `display_id` and `email` are NOT NULL), with Σ unit price × quantity of its lines. */
export type OrderActivity = {
  id: string
  display_id: number
  email: string
  created_at: Date
  amount: number
  currency_code: string
}

/** A latest price change outside price lists (price-history's `recentChanges`). */
export type PriceActivity = {
  id: string
  changed_at: Date
  product_id: string | null
  variant_id: string | null
  product_title: string | null
  variant_sku: string | null
  new_amount: number | null
  old_amount: number | null
  currency_code: string
}

/** A latest applied import (fitment's `recentApplied`). */
export type ImportActivity = {
  id: string
  type: string
  file_name: string | null
  created_at: Date
}

/** `'#' || display_id || ' — ' || email` */
export function orderLabel(o: Pick<OrderActivity, "display_id" | "email">) {
  return `#${o.display_id} — ${o.email}`
}

/** `COALESCE(product title, variant_id, '') || COALESCE(' (' || sku || ')', '')` */
export function priceLabel(
  p: Pick<PriceActivity, "product_title" | "variant_id" | "variant_sku">
) {
  const name = p.product_title ?? p.variant_id ?? ""
  return p.variant_sku === null ? name : `${name} (${p.variant_sku})`
}

/** `type || COALESCE(' — ' || file_name, '')` */
export function importLabel(i: Pick<ImportActivity, "type" | "file_name">) {
  return i.file_name === null ? i.type : `${i.type} — ${i.file_name}`
}

/**
 * The `limit` latest of all three lists, newest first. Each list comes newest first; items at the same
 * millisecond keep the order orders, prices, imports (a stable sort).
 */
export function recentActivity(
  lists: {
    orders: OrderActivity[]
    prices: PriceActivity[]
    imports: ImportActivity[]
  },
  limit: number
): ActivityItem[] {
  const items: { time: number; item: ActivityItem }[] = [
    ...lists.orders.map((o) => ({
      time: o.created_at.getTime(),
      item: line("order", o.id, o.created_at, orderLabel(o), {
        product_id: null,
        amount: o.amount,
        old_amount: null,
        currency_code: o.currency_code,
      }),
    })),
    ...lists.prices.map((p) => ({
      time: p.changed_at.getTime(),
      item: line("price", p.id, p.changed_at, priceLabel(p), {
        product_id: p.product_id,
        amount: p.new_amount,
        old_amount: p.old_amount,
        currency_code: p.currency_code,
      }),
    })),
    ...lists.imports.map((i) => ({
      time: i.created_at.getTime(),
      item: line("import", i.id, i.created_at, importLabel(i), {
        product_id: null,
        amount: null,
        old_amount: null,
        currency_code: null,
      }),
    })),
  ]
  return items
    .sort((a, b) => b.time - a.time)
    .slice(0, limit)
    .map((i) => i.item)
}

function line(
  kind: ActivityItem["kind"],
  id: string,
  at: Date,
  label: string,
  rest: Required<
    Pick<ActivityItem, "product_id" | "amount" | "old_amount" | "currency_code">
  >
): ActivityItem {
  return { kind, id, at: at.toISOString(), label, ...rest }
}
