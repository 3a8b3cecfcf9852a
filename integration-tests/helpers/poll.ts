/** Waiting in tests: one copy of "sleep" and "poll until it holds". */

export const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms))

export type PollOptions = {
  /** give up after this many ms (default 60 s) */
  within?: number
  /** wait this many ms between two probes (default 500) */
  every?: number
  /** a probe that throws counts as "not yet" instead of failing the wait */
  tolerateErrors?: boolean
}

/**
 * Calls `probe` until it returns a truthy value and returns that value; throws
 * "`what`: not within N ms" when it has not after `within` ms.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | false | null | undefined>,
  { within = 60000, every = 500, tolerateErrors = false }: PollOptions = {}
): Promise<T> {
  const deadline = Date.now() + within
  for (;;) {
    const value = tolerateErrors
      ? await probe().catch(() => null)
      : await probe()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${within} ms`)
    }
    await sleep(every)
  }
}

/** Like `until` for a yes/no probe; returns how many ms it took to hold. */
export async function msUntil(
  what: string,
  check: () => Promise<boolean>,
  options: PollOptions = {}
): Promise<number> {
  const since = Date.now()
  await until(what, check, options)
  return Date.now() - since
}
