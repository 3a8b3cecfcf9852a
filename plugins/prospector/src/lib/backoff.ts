/**
 * Exponential backoff with "full jitter" (delay = random(0, min(cap, base * 2^attempt))).
 *
 * Written here rather than taken from a library: p-retry >= 5 is ESM-only (this
 * project compiles to CommonJS) and p-retry 4 does not recognise Node's
 * `TypeError: fetch failed` as a network error nor honour `Retry-After`.
 */

export type Sleep = (ms: number) => Promise<void>

export const realSleep: Sleep = (ms) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

export interface BackoffOptions {
  /** number of retries after the first attempt */
  retries: number
  /** base delay in ms for the first retry */
  baseMs: number
  /** upper bound for one delay in ms */
  maxMs: number
  random?: () => number
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  retries: 4,
  baseMs: 500,
  maxMs: 30_000,
}

/** Delay before retry number `retry` (1-based). */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (retry - 1))
  return Math.round(random() * ceiling)
}

/**
 * Parses an HTTP Retry-After header (seconds or HTTP date) into ms, or null.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now()
): number | null {
  if (!value) {
    return null
  }
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000
  }
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) {
    return null
  }
  return Math.max(0, date - now)
}
