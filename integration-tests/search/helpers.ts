/** Shared by the search suites: the store search route, and waiting for the documents to be fresh. */
import { sql, testEnv } from "../helpers/env"
import { msUntil, until } from "../helpers/poll"

/** POST /store/products/search with `body` (or the raw text `raw`). */
export async function search(body: unknown, raw?: string) {
  const res = await fetch(`${testEnv().baseUrl}/store/products/search`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ?? JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

/** Waits until the search documents are fresh (the refresh loop drains the queue every second). */
export async function settled(): Promise<void> {
  await until(
    "search_dirty drained",
    async () =>
      (await sql(`SELECT count(*)::int AS n FROM search_dirty`))[0].n === 0,
    { within: 10000, every: 200 }
  )
}

/** Polls `check` every 100 ms until it holds; returns the elapsed ms, throws after `ms`. */
export function within(
  ms: number,
  check: () => Promise<boolean>
): Promise<number> {
  return msUntil("the search answer", check, { within: ms, every: 100 })
}
