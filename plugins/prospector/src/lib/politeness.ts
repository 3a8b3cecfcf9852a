/**
 * Minimum gap per host with jitter. Calls for the same host are serialised:
 * each waits until `last start + gap + jitter`. A robots.txt Crawl-delay raises
 * the gap for that host (never lowers it). Clock and sleep are injectable.
 */

import { Sleep, realSleep } from "./backoff"

export interface HostThrottleOptions {
  minGapMs: number
  /** extra random delay in [0, jitterMs] */
  jitterMs?: number
  now?: () => number
  sleep?: Sleep
  random?: () => number
}

export class HostThrottle {
  private readonly minGapMs: number
  private readonly jitterMs: number
  private readonly now: () => number
  private readonly sleep: Sleep
  private readonly random: () => number
  private readonly last = new Map<string, number>()
  private readonly queue = new Map<string, Promise<void>>()

  constructor(options: HostThrottleOptions) {
    if (!(options.minGapMs >= 0)) {
      throw new Error(
        `HostThrottle: minGapMs must be >= 0, got ${options.minGapMs}`
      )
    }
    this.minGapMs = options.minGapMs
    this.jitterMs = Math.max(0, options.jitterMs ?? 0)
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? realSleep
    this.random = options.random ?? Math.random
  }

  /** Waits for this host's turn; resolves when the request may start. */
  wait(
    url: string,
    options: { crawlDelaySeconds?: number } = {}
  ): Promise<void> {
    const host = new URL(url).host.toLowerCase()
    const previous = this.queue.get(host) ?? Promise.resolve()
    const turn = previous.then(async () => {
      const gap = Math.max(
        this.minGapMs,
        (options.crawlDelaySeconds ?? 0) * 1000
      )
      const last = this.last.get(host)
      if (last !== undefined) {
        const due = last + gap + Math.round(this.random() * this.jitterMs)
        const wait = due - this.now()
        if (wait > 0) {
          await this.sleep(wait)
        }
      }
      this.last.set(host, this.now())
    })
    this.queue.set(
      host,
      turn.catch(() => undefined)
    )
    return turn
  }
}
