/**
 * Request budget for billed API calls (per run and per calendar month).
 *
 * `consume()` must be called BEFORE a request is sent; it refuses (returns
 * false) when either limit would be exceeded, so the limits are never passed.
 * `usedThisMonth` is loaded by the caller from the ledger when the run starts.
 */

export interface RequestBudgetOptions {
  perRun: number
  perMonth: number
  /** requests already made this month (from the ledger) */
  usedThisMonth?: number
}

export class BudgetExceededError extends Error {
  constructor(
    readonly limit: "run" | "month",
    readonly max: number
  ) {
    super(
      `Places request budget exhausted: ${limit} limit of ${max} requests reached`
    )
    this.name = "BudgetExceededError"
  }
}

export class RequestBudget {
  readonly perRun: number
  readonly perMonth: number
  private usedRun = 0
  private usedMonth: number

  constructor(options: RequestBudgetOptions) {
    for (const key of ["perRun", "perMonth"] as const) {
      const v = options[key]
      if (!Number.isInteger(v) || v < 0) {
        throw new Error(
          `RequestBudget: ${key} must be a non-negative integer, got ${v}`
        )
      }
    }
    const used = options.usedThisMonth ?? 0
    if (!Number.isInteger(used) || used < 0) {
      throw new Error(
        `RequestBudget: usedThisMonth must be a non-negative integer, got ${used}`
      )
    }
    this.perRun = options.perRun
    this.perMonth = options.perMonth
    this.usedMonth = used
  }

  get usedThisRun(): number {
    return this.usedRun
  }

  get usedThisMonth(): number {
    return this.usedMonth
  }

  get remaining(): number {
    return Math.max(
      0,
      Math.min(this.perRun - this.usedRun, this.perMonth - this.usedMonth)
    )
  }

  /** Which limit blocks the next request, or null if one more is allowed. */
  blockedBy(): "run" | "month" | null {
    if (this.usedMonth >= this.perMonth) {
      return "month"
    }
    if (this.usedRun >= this.perRun) {
      return "run"
    }
    return null
  }

  /** Reserves one request. Returns false (and reserves nothing) if over budget. */
  consume(): boolean {
    if (this.blockedBy()) {
      return false
    }
    this.usedRun += 1
    this.usedMonth += 1
    return true
  }

  /** Like consume() but throws BudgetExceededError. */
  consumeOrThrow(): void {
    const blocked = this.blockedBy()
    if (blocked) {
      throw new BudgetExceededError(
        blocked,
        blocked === "run" ? this.perRun : this.perMonth
      )
    }
    this.consume()
  }
}
