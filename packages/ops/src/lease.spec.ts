import {
  busyMessage,
  leaseSettings,
  leaseState,
  LeaseBusyError,
  renewalOutcome,
  rowsOf,
} from "./lease"

describe("leaseSettings", () => {
  it("defaults to 30 s, renewed every 10 s", () => {
    expect(leaseSettings({})).toEqual({ ttlMs: 30000, renewMs: 10000 })
  })

  it("reads RUN_LEASE_TTL_SECONDS and refuses nonsense naming the variable", () => {
    expect(leaseSettings({ RUN_LEASE_TTL_SECONDS: "6" })).toEqual({
      ttlMs: 6000,
      renewMs: 2000,
    })
    for (const bad of ["0", "4", "601", "1.5", "ten"]) {
      expect(() => leaseSettings({ RUN_LEASE_TTL_SECONDS: bad })).toThrow(
        /RUN_LEASE_TTL_SECONDS .* got "/
      )
    }
  })
})

describe("leaseState", () => {
  const now = new Date("2026-01-01T10:00:00Z")
  it("is free without a row, held before its expiry, expired at and after it", () => {
    expect(leaseState(null, now)).toBe("free")
    expect(
      leaseState({ expires_at: new Date("2026-01-01T10:00:01Z") }, now)
    ).toBe("held")
    expect(leaseState({ expires_at: now }, now)).toBe("expired")
    expect(
      leaseState({ expires_at: new Date("2026-01-01T09:59:00Z") }, now)
    ).toBe("expired")
  })
})

describe("renewalOutcome", () => {
  it("renews when the row was updated", () => {
    expect(renewalOutcome({ updated: true, now: 100, knownExpiry: 50 })).toBe(
      "renewed"
    )
  })
  it("is lost at once when the row is someone else's or gone", () => {
    expect(renewalOutcome({ updated: false, now: 0, knownExpiry: 1000 })).toBe(
      "lost"
    )
  })
  it("retries a failed renewal until the last known expiry, then gives up", () => {
    expect(renewalOutcome({ updated: null, now: 999, knownExpiry: 1000 })).toBe(
      "retry"
    )
    expect(
      renewalOutcome({ updated: null, now: 1000, knownExpiry: 1000 })
    ).toBe("lost")
  })
})

describe("busyMessage", () => {
  it("names the run, the machine and process, and when a dead holder is released", () => {
    const row = {
      name: "orion-forecast",
      run_id: "orun_1",
      holder: "web-2:4242:abcd",
      acquired_at: new Date("2026-01-01T10:00:00Z"),
      renewed_at: new Date("2026-01-01T10:00:20Z"),
      expires_at: new Date("2026-01-01T10:00:50Z"),
    }
    expect(busyMessage("A forecast run", row)).toBe(
      "A forecast run is already running (orun_1) on web-2 pid 4242 since 2026-01-01T10:00:00.000Z; try again when it has finished " +
        "(if its process stopped, it is released at the latest at 2026-01-01T10:00:50.000Z)"
    )
    expect(new LeaseBusyError("A forecast run", row).row).toBe(row)
  })
})

describe("rowsOf", () => {
  it("reads TypeORM's [rows, count], node-pg results and plain rows", () => {
    expect(rowsOf([[{ a: 1 }], 1])).toEqual([{ a: 1 }])
    expect(rowsOf({ rows: [{ a: 2 }] })).toEqual([{ a: 2 }])
    expect(rowsOf([{ a: 3 }])).toEqual([{ a: 3 }])
    expect(rowsOf(undefined)).toEqual([])
  })
})
