/**
 * Documented defaults of the environment (see .env.example): one place.
 */
const DEFAULTS = {
  NODE_ENV: "development",
  PORT: "9000",
  MEDUSA_ADMIN_EMAIL: "admin@shabou.tn",
  MEDUSA_ADMIN_PASSWORD: "shabou-admin",
}

function defaults(env) {
  const out = {}
  for (const [key, value] of Object.entries(DEFAULTS)) {
    out[key] = env[key] === undefined || env[key] === "" ? value : env[key]
  }
  return out
}

module.exports = { defaults, DEFAULTS }
