import { checkReadiness, describeError } from "./readiness"

describe("checkReadiness", () => {
  it("is ready when every configured check passes, and reports what is not configured", async () => {
    const r = await checkReadiness({ database: async () => 1, redis: null })
    expect(r.status).toBe(200)
    expect(r.body.status).toBe("ready")
    expect(r.body.failed).toBeUndefined()
    expect(r.body.checks.database).toMatchObject({ ok: true })
    expect(r.body.checks.redis).toEqual({ configured: false })
  })

  it("answers 503 naming each failed check with its reason", async () => {
    const r = await checkReadiness({
      database: async () => {
        throw new Error(
          "connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap"
        )
      },
      redis: async () => "PONG",
    })
    expect(r.status).toBe(503)
    expect(r.body).toMatchObject({ status: "not_ready", failed: ["database"] })
    expect(r.body.checks.database).toMatchObject({
      ok: false,
      error: "connect ECONNREFUSED 127.0.0.1:5432",
    })
    expect(r.body.checks.redis).toMatchObject({ ok: true })
  })

  it("counts a check that does not answer in time as failed, without waiting for it", async () => {
    const started = Date.now()
    const r = await checkReadiness(
      { redis: () => new Promise(() => undefined), database: async () => 1 },
      100
    )
    expect(Date.now() - started).toBeLessThan(1000)
    expect(r.status).toBe(503)
    expect(r.body.failed).toEqual(["redis"])
    expect(r.body.checks.redis).toMatchObject({
      ok: false,
      error: "no answer within 100 ms",
    })
  })

  it("a check that throws synchronously is a failure, not a crash", async () => {
    const r = await checkReadiness({
      database: () => {
        throw new Error("pool is closed")
      },
    })
    expect(r.body.checks.database).toMatchObject({
      ok: false,
      error: "pool is closed",
    })
  })
})

describe("describeError", () => {
  it("hides credentials of URLs and keeps one short line", () => {
    expect(
      describeError(
        new Error("cannot reach redis://default:s3cret@10.0.0.2:6379/0\nstack")
      )
    ).toBe("cannot reach redis://***@10.0.0.2:6379/0")
    expect(describeError("x".repeat(500))).toHaveLength(200)
  })
})
