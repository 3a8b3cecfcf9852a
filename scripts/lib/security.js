/**
 * The HTTP hardening every answer gets, installed by `startServer` around Medusa's own middleware:
 *
 * - before Medusa: request id, security headers (helmet, a CSP the admin UI works under, HSTS only
 *   over TLS), one JSON body parser whose errors are 400s, login throttling per IP and per account,
 *   a global per-IP limit on the Store API;
 * - after Medusa: `trust proxy` from TRUST_PROXY, JSON 404 for unknown routes, and a last error
 *   handler that answers Medusa's error shape and never a stack trace, path or SQL text.
 *
 * Counters live in Redis (shared by every instance) when REDIS_URL is set, in memory otherwise.
 */
const crypto = require("crypto")
const express = require("express")
const helmet = require("helmet")
const {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} = require("rate-limiter-flexible")

const LOGIN_ROUTES = [
  "/admin/auth",
  "/admin/auth/token",
  "/store/auth",
  "/store/auth/token",
]
const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/
const LOOPBACK = ["127.0.0.1", "::1", "::ffff:127.0.0.1"]

const positiveInt = (env, name, fallback) => {
  const raw = env[name]
  if (raw === undefined || raw === "") {
    return fallback
  }
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(
      `${name} must be a whole number of at least 1, got "${raw}"`
    )
  }
  return n
}

const csv = (value) =>
  String(value || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)

/** Every limit and exemption, read once from the environment (documented in README "Security"). */
function securitySettings(env = process.env) {
  const production = env.NODE_ENV === "production"
  const trustProxy =
    env.TRUST_PROXY === undefined || env.TRUST_PROXY === ""
      ? "loopback"
      : env.TRUST_PROXY
  return {
    trustProxy: /^\d+$/.test(trustProxy)
      ? Number(trustProxy)
      : trustProxy === "true"
        ? true
        : trustProxy === "false"
          ? false
          : trustProxy,
    jsonLimit: env.JSON_BODY_LIMIT || "1mb",
    login: {
      perIp: positiveInt(env, "RATE_LIMIT_LOGIN_PER_IP", 5),
      perAccount: positiveInt(env, "RATE_LIMIT_LOGIN_PER_ACCOUNT", 5),
      windowSeconds: positiveInt(env, "RATE_LIMIT_LOGIN_WINDOW_SECONDS", 60),
    },
    store: {
      points: positiveInt(env, "RATE_LIMIT_STORE_PER_MINUTE", 1200),
      windowSeconds: 60,
      // the SSR storefront behind one IP; loopback (benchmarks, tests, a local storefront) outside production
      trustedIps:
        env.RATE_LIMIT_STORE_TRUSTED_IPS !== undefined
          ? csv(env.RATE_LIMIT_STORE_TRUSTED_IPS)
          : production
            ? []
            : LOOPBACK,
      secret: env.RATE_LIMIT_STORE_SECRET || "",
    },
    redisUrl: env.REDIS_URL || "",
    redisPrefix: env.REDIS_PREFIX || "shabou:",
  }
}

/** Medusa's error answer: `{ type, message }` (plus `code` where Medusa sets one). */
function sendError(res, status, type, message, extra = {}) {
  res.status(status).json({ type, message, ...extra })
}

function requestId(log) {
  return (req, res, next) => {
    const incoming = req.get("x-request-id")
    const id =
      incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()
    req.requestId = id
    res.setHeader("x-request-id", id)
    res.on("finish", () => {
      if (res.statusCode >= 500) {
        log(
          `request ${id}: ${req.method} ${req.originalUrl.split("?")[0]} answered ${res.statusCode}`
        )
      }
    })
    next()
  }
}

/**
 * helmet with a policy the admin UI (/app, a Vite build: module scripts from 'self', styles injected at run
 * time, product images from anywhere over https) works under. HSTS only when the request came over TLS
 * (directly or through a trusted proxy's X-Forwarded-Proto), never on plain http://localhost.
 */
function headers() {
  const base = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "script-src": ["'self'"],
        "style-src": [
          "'self'",
          "'unsafe-inline'",
          "https://fonts.googleapis.com",
        ],
        "font-src": ["'self'", "data:", "https://fonts.gstatic.com"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
      },
    },
    frameguard: { action: "deny" },
    // product images and files are loaded cross-origin by the storefront
    crossOriginResourcePolicy: { policy: "cross-origin" },
    strictTransportSecurity: false,
  })
  const hsts = helmet.strictTransportSecurity({
    maxAge: 31536000,
    includeSubDomains: true,
  })
  return [
    base,
    (req, res, next) => (req.secure ? hsts(req, res, next) : next()),
  ]
}

/** One JSON parser for every route (later parsers see the body parsed): malformed JSON is a 400, not a 500. */
function jsonBody(limit) {
  const parse = express.json({ limit })
  return (req, res, next) => {
    parse(req, res, (err) => {
      if (!err) {
        return next()
      }
      if (err.type === "entity.too.large") {
        return sendError(res, 413, "invalid_data", `body: larger than ${limit}`)
      }
      if (err.type === "entity.parse.failed") {
        return sendError(
          res,
          400,
          "invalid_data",
          "body: malformed JSON (send one JSON object with content-type: application/json)"
        )
      }
      return sendError(
        res,
        err.status && err.status < 500 ? err.status : 400,
        "invalid_data",
        `body: ${err.expose ? err.message : "unreadable"}`
      )
    })
  }
}

function limiterFactory(settings, redis) {
  return (name, points, duration) => {
    const options = {
      keyPrefix: `${settings.redisPrefix}rl:${name}`,
      points,
      duration,
    }
    if (!redis) {
      return new RateLimiterMemory(options)
    }
    // if Redis fails the counters fall back to this process' memory rather than refusing everyone
    return new RateLimiterRedis({
      ...options,
      storeClient: redis,
      insuranceLimiter: new RateLimiterMemory(options),
    })
  }
}

function tooMany(res, rejection, message) {
  const seconds = Math.max(
    1,
    Math.ceil((rejection.msBeforeNext || 1000) / 1000)
  )
  res.setHeader("Retry-After", String(seconds))
  sendError(res, 429, "not_allowed", `${message}; retry in ${seconds} s`)
}

/**
 * Failed logins are limited per client IP and per account (email); a successful login gives its point back
 * to the IP and clears the account's counter, so only failures count.
 */
function loginThrottle(settings, make, log) {
  const { perIp, perAccount, windowSeconds } = settings.login
  const byIp = make("login-ip", perIp, windowSeconds)
  const byAccount = make("login-account", perAccount, windowSeconds)
  return async (req, res, next) => {
    if (
      req.method !== "POST" ||
      !LOGIN_ROUTES.includes(req.path.replace(/\/+$/, ""))
    ) {
      return next()
    }
    const ip = req.ip || "unknown"
    const email =
      req.body && typeof req.body.email === "string"
        ? req.body.email.trim().toLowerCase().slice(0, 320)
        : ""
    try {
      await byIp.consume(ip)
      if (email) {
        await byAccount.consume(email)
      }
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        return tooMany(res, e, "Too many login attempts")
      }
      log(`login throttle unavailable: ${e.message}`)
      return next()
    }
    res.on("finish", () => {
      if (res.statusCode >= 200 && res.statusCode < 300) {
        byIp.reward(ip, 1).catch(() => undefined)
        if (email) {
          byAccount.delete(email).catch(() => undefined)
        }
      }
    })
    next()
  }
}

/**
 * The catalogue read model renders product bodies by asking this same server (plugins/search): those
 * requests carry the process's own secret and are never throttled.
 */
function internalRender(req) {
  const token = process.env.CATALOGUE_INTERNAL_TOKEN
  const given = req.get("x-catalogue-bypass")
  return Boolean(
    token &&
    given &&
    given.length === token.length &&
    crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token))
  )
}

/** A generous per-IP limit on /store; trusted IPs and callers with the storefront secret are exempt. */
function storeLimit(settings, make, log) {
  const { points, windowSeconds, trustedIps, secret } = settings.store
  const limiter = make("store-ip", points, windowSeconds)
  const secretBuffer = Buffer.from(secret)
  const hasSecret = (req) => {
    const given = req.get("x-storefront-secret")
    if (!secret || !given) {
      return false
    }
    const buffer = Buffer.from(given)
    return (
      buffer.length === secretBuffer.length &&
      crypto.timingSafeEqual(buffer, secretBuffer)
    )
  }
  return async (req, res, next) => {
    const ip = req.ip || "unknown"
    if (trustedIps.includes(ip) || hasSecret(req) || internalRender(req)) {
      return next()
    }
    try {
      await limiter.consume(ip)
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        return tooMany(res, e, "Too many requests")
      }
      log(`store rate limit unavailable: ${e.message}`)
    }
    next()
  }
}

/** Last handler: Medusa's error shape for whatever escaped a router; the details only in the log. */
function finalErrorHandler(log) {
  return (err, req, res, next) => {
    if (res.headersSent) {
      return next(err)
    }
    const status = Number(err && (err.status || err.statusCode))
    if (status >= 400 && status < 500) {
      return sendError(
        res,
        status,
        "invalid_data",
        err.expose && err.message ? err.message : "The request is invalid"
      )
    }
    log(
      `request ${req.requestId}: ${req.method} ${req.originalUrl.split("?")[0]} failed: ${(err && err.stack) || err}`
    )
    sendError(res, 500, "unknown_error", "An unknown error occurred.", {
      code: "unknown_error",
    })
  }
}

/**
 * @param {{ env?: NodeJS.ProcessEnv, log?: (m: string) => void }} [opts]
 * @returns {{ before(app): void, after(app): void, close(): Promise<void>, settings: ReturnType<typeof securitySettings> }}
 */
function createSecurity({ env = process.env, log = console.error } = {}) {
  const settings = securitySettings(env)
  let redis = null
  if (settings.redisUrl) {
    const Redis = require("ioredis")
    redis = new Redis(settings.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    })
    redis.on("error", (e) => log(`rate-limit Redis: ${e.message}`))
  }
  const make = limiterFactory(settings, redis)
  return {
    settings,
    before(app) {
      app.disable("x-powered-by")
      app.set("trust proxy", settings.trustProxy)
      app.use(requestId(log))
      app.use(headers())
      app.use(jsonBody(settings.jsonLimit))
      app.use(loginThrottle(settings, make, log))
      app.use("/store", storeLimit(settings, make, log))
    },
    after(app) {
      // Medusa's express loader sets `trust proxy` to 1 (any client could then choose its IP with X-Forwarded-For)
      app.set("trust proxy", settings.trustProxy)
      app.use((req, res) => {
        res.locals.unmatchedRoute = true // one metrics label for every unknown path (scripts/lib/observability.js)
        sendError(
          res,
          404,
          "not_found",
          `${req.method} ${req.path} is not a route of this server`
        )
      })
      app.use(finalErrorHandler(log))
    },
    async close() {
      if (redis) {
        redis.disconnect()
      }
    },
  }
}

module.exports = { createSecurity, securitySettings, LOGIN_ROUTES }
