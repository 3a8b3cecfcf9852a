import { AsyncLocalStorage } from "async_hooks"

/** Who or what is changing prices in the current asynchronous flow. */
export type PriceChangeSource =
  "admin" | "api" | "price_list" | "import" | "system"

export type PriceChangeContext = {
  source: PriceChangeSource
  /** user id, or null when unknown */
  actor: string | null
  /** short description of the origin, e.g. "POST /admin/products/prod_1/variants/variant_1" */
  origin: string | null
}

const storage = new AsyncLocalStorage<PriceChangeContext>()

/** Runs `fn` with `context` visible to every asynchronous continuation it starts. */
export function runWithChangeContext<T>(
  context: PriceChangeContext,
  fn: () => T
): T {
  return storage.run(context, fn)
}

/** The context of the current asynchronous flow, if any. */
export function currentChangeContext(): PriceChangeContext | undefined {
  return storage.getStore()
}

/** The SQL statement (and parameters) that publishes a context to the triggers, transaction-local. */
export function changeContextStatement(context: PriceChangeContext): {
  text: string
  params: string[]
} {
  return {
    text:
      "SELECT set_config('shabou.price_source', $1, true), " +
      "set_config('shabou.price_actor', $2, true), " +
      "set_config('shabou.price_origin', $3, true)",
    params: [
      context.source,
      context.actor ?? "",
      (context.origin ?? "").slice(0, 500),
    ],
  }
}
