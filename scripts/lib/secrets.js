/**
 * Production refuses weak secrets: JWT_SECRET signs admin and customer tokens, COOKIE_SECRET signs
 * the session cookie, so a missing, documented or short value lets anyone forge an admin login.
 */
const { ConfigError } = require("./database")

const SECRET_NAMES = ["JWT_SECRET", "COOKIE_SECRET"]
const MIN_LENGTH = 32
// Values printed in Medusa's docs and starters, this project's .env.example and old docker-compose.
const KNOWN_DEFAULTS = [
  "supersecret",
  "something",
  "secret",
  "change-me",
  "change-me-jwt",
  "change-me-cookie",
  "changeme",
]

/** The development fallback of medusa-config.js (never accepted in production). */
const DEVELOPMENT_SECRET = "supersecret"

/** What is wrong with one secret, or null when it is fine. */
function secretProblem(name, value) {
  if (value === undefined || value === "") {
    return `${name} is not set`
  }
  if (KNOWN_DEFAULTS.includes(value.trim().toLowerCase())) {
    return `${name} is a documented default ("${value}")`
  }
  if (value.length < MIN_LENGTH) {
    return `${name} is shorter than ${MIN_LENGTH} characters (${value.length})`
  }
  return null
}

/**
 * With NODE_ENV=production, throws one ConfigError listing every weak secret; does nothing otherwise.
 * @param {NodeJS.ProcessEnv} env
 */
function assertProductionSecrets(env = process.env) {
  if (env.NODE_ENV !== "production") {
    return
  }
  const problems = SECRET_NAMES.map((name) =>
    secretProblem(name, env[name])
  ).filter(Boolean)
  if (problems.length) {
    throw new ConfigError(
      `refusing to start in production: ${problems.join("; ")}. ` +
        `Set JWT_SECRET and COOKIE_SECRET to two different random values of at least ${MIN_LENGTH} characters, ` +
        `e.g. JWT_SECRET=$(openssl rand -hex 32) COOKIE_SECRET=$(openssl rand -hex 32)`
    )
  }
}

module.exports = {
  assertProductionSecrets,
  secretProblem,
  DEVELOPMENT_SECRET,
  MIN_LENGTH,
  KNOWN_DEFAULTS,
}
