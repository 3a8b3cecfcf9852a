const { createLog, observabilitySettings } = require("./observability")

describe("observabilitySettings", () => {
  it("reads LOG_FORMAT, METRICS_TOKEN and MEDUSA_WORKER_MODE, refusing bad values by name", () => {
    expect(observabilitySettings({})).toEqual({
      json: false,
      metricsToken: "",
      workerMode: "shared",
      redisPrefix: "shabou:",
    })
    expect(
      observabilitySettings({
        LOG_FORMAT: "JSON",
        METRICS_TOKEN: "0123456789abcdef",
        MEDUSA_WORKER_MODE: "worker",
      })
    ).toEqual(
      expect.objectContaining({
        json: true,
        metricsToken: "0123456789abcdef",
        workerMode: "worker",
      })
    )
    expect(() => observabilitySettings({ LOG_FORMAT: "xml" })).toThrow(
      /LOG_FORMAT must be "text" or "json", got "xml"/
    )
    expect(() => observabilitySettings({ METRICS_TOKEN: "short" })).toThrow(
      /METRICS_TOKEN must be at least 16 characters/
    )
    expect(() => observabilitySettings({ MEDUSA_WORKER_MODE: "both" })).toThrow(
      /MEDUSA_WORKER_MODE must be shared, server or worker, got "both"/
    )
  })
})

describe("createLog", () => {
  const capture = (env) => {
    const lines = []
    const log = createLog(env, {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    })
    return { log, lines }
  }

  it("writes one JSON object per line with LOG_FORMAT=json, fields included, secrets redacted", () => {
    const env = {
      LOG_FORMAT: "json",
      GOOGLE_PLACES_API_KEY: "places-key-value-123",
    }
    const { log, lines } = capture(env)
    log("calling places with places-key-value-123", {
      type: "request",
      password: "hunter22",
      nested: { authorization: "Bearer abcdefghijkl" },
    })
    log.warn("login failed password=hunter22")
    expect(lines).toHaveLength(2)
    const first = JSON.parse(lines[0])
    expect(first).toEqual(
      expect.objectContaining({
        level: "info",
        msg: "calling places with [redacted]",
        type: "request",
        password: "[redacted]",
        nested: { authorization: "[redacted]" },
      })
    )
    expect(first.time).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(JSON.parse(lines[1])).toEqual(
      expect.objectContaining({
        level: "warn",
        msg: "login failed password=[redacted]",
      })
    )
    expect(lines.join("\n")).not.toMatch(
      /hunter22|places-key-value-123|abcdefghijkl/
    )
  })

  it("writes plain prefixed lines by default, redacted too", () => {
    const { log, lines } = capture({})
    log("connected to postgres://shop:secretpw@db/shabou")
    expect(lines).toEqual([
      "[shabou] connected to postgres://shop:[redacted]@db/shabou",
    ])
  })
})
