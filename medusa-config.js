/**
 * Medusa configuration for Shabou Auto Pièces.
 *
 * Every setting comes from the environment (see .env.example); `scripts/start.js`
 * fills DATABASE_URL with the embedded PostgreSQL when it is not set.
 * Plugin options are merged here, in one place, from the environment.
 */
const fs = require("fs")
const path = require("path")
const dotenv = require("dotenv")

dotenv.config({ path: path.join(__dirname, ".env") })

const env = (name, fallback) => {
  const value = process.env[name]
  return value === undefined || value === "" ? fallback : value
}

const DATABASE_URL = env("DATABASE_URL", "postgres://localhost/shabou")
const REDIS_URL = env("REDIS_URL")
const REDIS_PREFIX = env("REDIS_PREFIX", "shabou:")
const IS_PRODUCTION = process.env.NODE_ENV === "production"
const MEILISEARCH_HOST = env("MEILISEARCH_HOST")
const ADMIN_BUILD_DIR = "build"
const adminBuilt = fs.existsSync(
  path.join(__dirname, ADMIN_BUILD_DIR, "index.html")
)

const plugins = [
  "medusa-fulfillment-manual",
  "medusa-payment-manual",
  {
    // product images and the files of CSV imports/exports, kept in uploads/ (git-ignored)
    resolve: "@medusajs/file-local",
    options: { upload_dir: env("UPLOAD_DIR", "uploads") },
  },
  {
    resolve: "@medusajs/admin",
    /** @type {import('@medusajs/admin').PluginOptions} */
    options: {
      // Serve the built admin at /app; without a build (tests that skip it)
      // the server still starts instead of panicking.
      serve: env("ADMIN_SERVE", adminBuilt ? "true" : "false") === "true",
      path: "/app",
      outDir: ADMIN_BUILD_DIR,
      autoRebuild: false,
      develop: { open: false },
    },
  },
  // search first: its store read path (the catalogue read model) answers before fitment's filter
  {
    resolve: "./plugins/search",
    options: {
      redisUrl: REDIS_URL,
      redisPrefix: REDIS_PREFIX,
      cacheTtlSeconds: Number(env("CATALOGUE_CACHE_TTL", "600")),
      cacheMemoryBytes:
        Number(env("CATALOGUE_CACHE_MEMORY_MB", "64")) * 1024 * 1024,
      keptOrderMax: Number(env("CATALOGUE_KEPT_ORDER_MAX", "1000")),
    },
  },
  {
    resolve: "./plugins/fitment",
    options: {},
  },
  {
    resolve: "./plugins/price-history",
    options: {},
  },
  {
    resolve: "./plugins/prospector",
    options: {
      googlePlacesApiKey: env("GOOGLE_PLACES_API_KEY"),
      googlePlacesBaseUrl: env(
        "GOOGLE_PLACES_BASE_URL",
        "https://places.googleapis.com"
      ),
      chromiumPath: env("CHROMIUM_PATH", "/usr/bin/chromium"),
    },
  },
  {
    resolve: "./plugins/orion",
    options: {
      // forecast runs in batches of this many variants; with Redis every `worker`/`shared` instance takes batches
      batchSize: Number(env("ORION_FORECAST_BATCH_SIZE", "500")),
      // governorates whose stored daily weather forecast runs average (empty: every governorate stored)
      weatherGovernorates: env("ORION_WEATHER_GOVERNORATES", ""),
      redisUrl: REDIS_URL,
      redisPrefix: REDIS_PREFIX,
    },
  },
]

if (MEILISEARCH_HOST) {
  // Meilisearch replaces the PostgreSQL search: our plugin keeps only its store route (which adds
  // the published/sales-channel filter) and registers nothing as searchService.
  const search = plugins.find((p) => p.resolve === "./plugins/search")
  search.options = { ...search.options, engine: "meilisearch" }
  const {
    meilisearchPluginOptions,
  } = require("./plugins/search/dist/lib/meilisearch-settings")
  plugins.push({
    resolve: "medusa-plugin-meilisearch",
    options: meilisearchPluginOptions({
      host: MEILISEARCH_HOST,
      apiKey: env("MEILISEARCH_API_KEY"),
    }),
  })
}

const modules = {}
if (REDIS_URL) {
  modules.eventBus = {
    resolve: "@medusajs/event-bus-redis",
    options: {
      redisUrl: REDIS_URL,
      queueName: `${REDIS_PREFIX}events-queue`,
      // completed events are kept an hour (not removed at once): an event that a second instance emits
      // again with the same job id (Medusa's staged-job enqueuer runs in every `shared` instance) is ignored
      jobOptions: {
        attempts: 3,
        backoff: { type: "exponential", delay: 1000 },
        removeOnComplete: { age: 3600, count: 10000 },
        removeOnFail: { age: 7 * 86400 },
      },
    },
  }
}
// Core's own cache keeps each variant's selected prices and each region's tax rates for its TTL and is not
// told of every change (a price list created, starting or ending, a tax rate edited): core would answer the old
// price for up to 30 s, and the store read model, which stores what core renders, would keep it until the
// product changes again. The read model and its answer cache (plugins/search) are the store's cache, moved
// by every change (and shared through Redis), so core's is off: a TTL of 0 means "do not cache".
modules.cacheService = {
  resolve: "@medusajs/cache-inmemory",
  options: { ttl: 0 },
}

/** @type {import('@medusajs/medusa').ConfigModule["projectConfig"]} */
const projectConfig = {
  database_url: DATABASE_URL,
  database_extra:
    env("DATABASE_SSL", "false") === "true"
      ? { ssl: { rejectUnauthorized: false } }
      : {},
  // Secrets: a development fallback only; in production scripts/lib/secrets.js refuses to start
  // without strong values (no fallback here, so Medusa's own production check also sees them missing).
  jwt_secret: env("JWT_SECRET", IS_PRODUCTION ? undefined : "supersecret"),
  cookie_secret: env(
    "COOKIE_SECRET",
    IS_PRODUCTION ? undefined : "supersecret"
  ),
  store_cors: env("STORE_CORS", "http://localhost:8000"),
  admin_cors: env(
    "ADMIN_CORS",
    "http://localhost:7000,http://localhost:7001,http://localhost:9000"
  ),
  redis_prefix: REDIS_PREFIX,
  // shared (default: one process does everything) | server (HTTP only) | worker (events, scheduled
  // jobs, no project API routes); see README "Running in production"
  worker_mode: env("MEDUSA_WORKER_MODE", "shared"),
  // a session is stored only once something is put in it (a login): anonymous store reads
  // neither create one nor rewrite it on every request
  session_options: { resave: false, saveUninitialized: false },
}
if (REDIS_URL) {
  projectConfig.redis_url = REDIS_URL
}

/** @type {import('@medusajs/medusa').ConfigModule} */
module.exports = {
  projectConfig,
  plugins,
  modules,
  featureFlags: {
    product_categories: true,
    // no "help us improve" data-sharing prompt over the admin at first login
    analytics: false,
  },
}
