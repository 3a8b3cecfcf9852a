import crypto from "crypto"
import os from "os"

/**
 * Run leases: one long run per name (a forecast run, a lead search, a price-watch pass) across every
 * process and machine on one PostgreSQL. The holder renews its lease while it works; a holder that
 * died (kill -9, a machine lost) stops renewing, so its lease expires after `ttl` and any instance may
 * take it. Times are the database's clock (`now()`), never a machine's, so clocks that differ between
 * machines do not matter.
 *
 * The table is `run_lease` (LEASE_TABLE_SQL, created by the migrations of the plugins that use it).
 */

/** `query(sql, params)` of TypeORM's manager or node-pg: rows, or TypeORM's `[rows, count]` for UPDATE/DELETE. */
export type Query = (sql: string, params?: unknown[]) => Promise<unknown>

export type LeaseSettings = {
  /** how long a lease lives without renewal */
  ttlMs: number
  /** how often the holder renews it */
  renewMs: number
}

export type LeaseRow = {
  name: string
  holder: string
  run_id: string | null
  acquired_at: Date
  renewed_at: Date
  expires_at: Date
}

export const LEASE_TABLE_SQL = `CREATE TABLE IF NOT EXISTS "run_lease" (
  "name" character varying PRIMARY KEY,
  "holder" character varying NOT NULL,
  "run_id" character varying,
  "acquired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "renewed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL
)`

const DEFAULT_TTL_SECONDS = 30

/**
 * RUN_LEASE_TTL_SECONDS (default 30, 5…600): a dead holder's lease is free after at most this long.
 * The holder renews every third of it, so two missed renewals (a slow database) do not lose it.
 */
export function leaseSettings(
  env: Record<string, string | undefined> = process.env
): LeaseSettings {
  const raw = env.RUN_LEASE_TTL_SECONDS
  let seconds = DEFAULT_TTL_SECONDS
  if (raw !== undefined && raw !== "") {
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 5 || n > 600) {
      throw new Error(
        `RUN_LEASE_TTL_SECONDS must be a whole number of seconds between 5 and 600, got "${raw}"`
      )
    }
    seconds = n
  }
  return { ttlMs: seconds * 1000, renewMs: Math.floor((seconds * 1000) / 3) }
}

/** Who holds a lease: the machine, the process and a random part (two leases of one process differ). */
export function holderId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`
}

export type LeaseState = "free" | "held" | "expired"

/** The state of a lease row at `now` (the database's time). */
export function leaseState(
  row: Pick<LeaseRow, "expires_at"> | null | undefined,
  now: Date
): LeaseState {
  if (!row) {
    return "free"
  }
  return new Date(row.expires_at).getTime() > now.getTime() ? "held" : "expired"
}

/**
 * After a renewal failed (the database did not answer), the holder keeps its lease only until the
 * expiry it last wrote: past that moment another instance may have taken it, so it must stop.
 */
export function renewalOutcome(input: {
  updated: boolean | null
  now: number
  knownExpiry: number
}): "renewed" | "retry" | "lost" {
  if (input.updated === true) {
    return "renewed"
  }
  if (input.updated === false) {
    return "lost" // the row is someone else's (or gone): never take it back silently
  }
  return input.now < input.knownExpiry ? "retry" : "lost"
}

/** The message of a refused start: what runs, since when, and when it is given up if its process died. */
export function busyMessage(
  what: string,
  row: Pick<LeaseRow, "run_id" | "holder" | "acquired_at" | "expires_at">
): string {
  const run = row.run_id ? ` (${row.run_id})` : ""
  return (
    `${what} is already running${run} on ${row.holder.split(":").slice(0, 2).join(" pid ")} since ${new Date(row.acquired_at).toISOString()}; ` +
    `try again when it has finished (if its process stopped, it is released at the latest at ${new Date(row.expires_at).toISOString()})`
  )
}

export class LeaseBusyError extends Error {
  readonly row: LeaseRow
  constructor(what: string, row: LeaseRow) {
    super(busyMessage(what, row))
    this.name = "LeaseBusyError"
    this.row = row
  }
}

export class LeaseLostError extends Error {
  constructor(name: string) {
    super(
      `the lease "${name}" was lost (the database did not answer for longer than the lease lives, or another instance took it): the run stops`
    )
    this.name = "LeaseLostError"
  }
}

/** TypeORM answers UPDATE/DELETE … RETURNING with `[rows, count]`, node-pg's `query().rows` with rows. */
export function rowsOf<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === "number"
  ) {
    return result[0] as T[]
  }
  if (Array.isArray(result)) {
    return result as T[]
  }
  const rows = (result as { rows?: T[] } | null)?.rows
  return Array.isArray(rows) ? rows : []
}

export type AcquireOptions = {
  runId?: string | null
  settings?: LeaseSettings
  holder?: string
  /** called once when the lease is lost while held */
  onLost?: (e: LeaseLostError) => void
}

/** A held lease: renewed on a timer until `release()`; `assertHeld()` at the run's checkpoints. */
export class RunLease {
  readonly name: string
  readonly holder: string
  private readonly query_: Query
  private readonly settings_: LeaseSettings
  private readonly onLost_?: (e: LeaseLostError) => void
  private expiresAt_: number
  private timer_: NodeJS.Timeout | null = null
  private lost_: LeaseLostError | null = null
  private released_ = false
  private renewing_: Promise<void> | null = null

  private constructor(
    query: Query,
    row: LeaseRow,
    settings: LeaseSettings,
    onLost?: (e: LeaseLostError) => void
  ) {
    this.query_ = query
    this.name = row.name
    this.holder = row.holder
    this.settings_ = settings
    this.onLost_ = onLost
    // measured from when we asked, on our clock: never later than the database's expiry
    this.expiresAt_ = Date.now() + settings.ttlMs - settings.renewMs
    this.schedule()
  }

  /** Takes the lease when it is free or expired; `null` while someone else holds it. */
  static async tryAcquire(
    query: Query,
    name: string,
    opts: AcquireOptions = {}
  ): Promise<RunLease | null> {
    const settings = opts.settings ?? leaseSettings()
    const holder = opts.holder ?? holderId()
    const rows = rowsOf<LeaseRow>(
      await query(
        `INSERT INTO "run_lease" ("name", "holder", "run_id", "acquired_at", "renewed_at", "expires_at")
         VALUES ($1, $2, $3, now(), now(), now() + $4 * interval '1 millisecond')
         ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "run_id" = EXCLUDED."run_id",
           "acquired_at" = now(), "renewed_at" = now(), "expires_at" = EXCLUDED."expires_at"
         WHERE "run_lease"."expires_at" <= now()
         RETURNING *`,
        [name, holder, opts.runId ?? null, settings.ttlMs]
      )
    )
    return rows.length
      ? new RunLease(query, rows[0], settings, opts.onLost)
      : null
  }

  /** Takes the lease or throws LeaseBusyError naming the run that holds it. */
  static async acquire(
    query: Query,
    name: string,
    what: string,
    opts: AcquireOptions = {}
  ): Promise<RunLease> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const lease = await RunLease.tryAcquire(query, name, opts)
      if (lease) {
        return lease
      }
      const current = await RunLease.current(query, name)
      if (current && leaseState(current, new Date(current.now)) === "held") {
        throw new LeaseBusyError(what, current)
      }
      // released or expired between the two statements: try again
    }
    throw new Error(`could not take the lease "${name}"`)
  }

  /** The lease row with the database's `now`, or null. */
  static async current(
    query: Query,
    name: string
  ): Promise<(LeaseRow & { now: Date }) | null> {
    const rows = rowsOf<LeaseRow & { now: Date }>(
      await query(
        `SELECT *, now() AS "now" FROM "run_lease" WHERE "name" = $1`,
        [name]
      )
    )
    return rows[0] ?? null
  }

  get lost(): boolean {
    return this.lost_ !== null
  }

  /** Throws LeaseLostError when the lease was lost: a run calls it between its steps. */
  assertHeld(): void {
    if (this.lost_) {
      throw this.lost_
    }
  }

  /** Records the run the lease protects (shown to whoever is refused). */
  async attachRun(runId: string): Promise<void> {
    await this.query_(
      `UPDATE "run_lease" SET "run_id" = $3 WHERE "name" = $1 AND "holder" = $2`,
      [this.name, this.holder, runId]
    )
  }

  /** One renewal now; resolves to the outcome. */
  async renew(): Promise<"renewed" | "retry" | "lost"> {
    if (this.released_ || this.lost_) {
      return this.lost_ ? "lost" : "renewed"
    }
    let updated: boolean | null
    try {
      const rows = rowsOf(
        await this.query_(
          `UPDATE "run_lease" SET "renewed_at" = now(), "expires_at" = now() + $3 * interval '1 millisecond'
           WHERE "name" = $1 AND "holder" = $2 RETURNING "name"`,
          [this.name, this.holder, this.settings_.ttlMs]
        )
      )
      updated = rows.length > 0
    } catch {
      updated = null
    }
    const asked = Date.now()
    const outcome = renewalOutcome({
      updated,
      now: asked,
      knownExpiry: this.expiresAt_,
    })
    if (outcome === "renewed") {
      this.expiresAt_ = asked + this.settings_.ttlMs - this.settings_.renewMs
    } else if (outcome === "lost") {
      this.markLost()
    }
    return outcome
  }

  /** Gives the lease up (only if still ours); stops renewing. */
  async release(): Promise<void> {
    if (this.released_) {
      return
    }
    this.released_ = true
    if (this.timer_) {
      clearTimeout(this.timer_)
      this.timer_ = null
    }
    await this.renewing_?.catch(() => undefined)
    await this.query_(
      `DELETE FROM "run_lease" WHERE "name" = $1 AND "holder" = $2`,
      [this.name, this.holder]
    ).catch(() => undefined)
  }

  private markLost(): void {
    if (this.lost_) {
      return
    }
    this.lost_ = new LeaseLostError(this.name)
    if (this.timer_) {
      clearTimeout(this.timer_)
      this.timer_ = null
    }
    this.onLost_?.(this.lost_)
  }

  private schedule(): void {
    if (this.released_ || this.lost_) {
      return
    }
    this.timer_ = setTimeout(() => {
      this.renewing_ = this.renew().then(
        () => this.schedule(),
        () => this.schedule()
      )
    }, this.settings_.renewMs)
    // a lease never keeps a process alive on its own
    this.timer_.unref?.()
  }
}

/**
 * Runs `fn` holding the lease `name`: refused with LeaseBusyError while another live holder has it;
 * released when `fn` ends, whatever the outcome.
 */
export async function withLease<T>(
  query: Query,
  name: string,
  what: string,
  fn: (lease: RunLease) => Promise<T>,
  opts: AcquireOptions = {}
): Promise<T> {
  const lease = await RunLease.acquire(query, name, what, opts)
  try {
    return await fn(lease)
  } finally {
    await lease.release()
  }
}

/** SQL condition "no live lease named $n": runs still "running" without it lost their process. */
export function noLiveLease(param: string): string {
  return `NOT EXISTS (SELECT 1 FROM "run_lease" WHERE "name" = ${param} AND "expires_at" > now())`
}
