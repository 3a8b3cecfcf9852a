/**
 * Prospector settings: plugin options (medusa-config.js) first, then the
 * environment, then defaults. Read at call time, so the Places base URL and key
 * are never baked into a long-lived object. Bad values give an error naming the
 * option and its environment variable.
 */

import { DEFAULT_PLACES_BASE_URL } from "./lib/places-client"
import { DEFAULT_CHROMIUM_PATH, honestUserAgent } from "./lib/fetch-page"
import { TUNIS_CENTRE } from "./lib/scoring-config"

export interface ProspectorOptions {
  googlePlacesApiKey: string | null
  googlePlacesBaseUrl: string
  placesBudgetPerRun: number
  placesBudgetPerMonth: number
  placesMaxTileDepth: number
  shop: { lat: number; lng: number; label: string }
  chromiumPath: string
  robotsProductToken: string
  userAgent: string
  minGapMs: number
  jitterMs: number
  alertThresholdPercent: number
  alertMarginPercent: number
  /** minor units (millimes) */
  alertMarginAmount: number
  timezone: string
  dailySearchHour: number
  weeklyReportHour: number
}

type Source = Record<string, unknown> | undefined | null
type Env = Record<string, string | undefined>

const VERSION = "0.1.0"
export const DEFAULT_CONTACT_URL = "https://shabou-auto-pieces.tn/bot"
export const DEFAULT_PRODUCT_TOKEN = "ShabouPriceBot"

function pick(
  options: Source,
  key: string,
  env: Env,
  envName: string
): unknown {
  const v = options?.[key]
  if (v !== undefined && v !== null && v !== "") {
    return v
  }
  const e = env[envName]
  return e === undefined || e === "" ? undefined : e
}

function num(
  options: Source,
  key: string,
  env: Env,
  envName: string,
  fallback: number,
  check: { min?: number; max?: number; integer?: boolean } = {}
): number {
  const raw = pick(options, key, env, envName)
  if (raw === undefined) {
    return fallback
  }
  const n = typeof raw === "number" ? raw : Number(String(raw).trim())
  const where = `prospector option ${key} (env ${envName})`
  if (!Number.isFinite(n)) {
    throw new Error(`${where}: "${raw}" is not a number`)
  }
  if (check.integer && !Number.isInteger(n)) {
    throw new Error(`${where}: ${n} must be a whole number`)
  }
  if (check.min !== undefined && n < check.min) {
    throw new Error(`${where}: ${n} is below the minimum ${check.min}`)
  }
  if (check.max !== undefined && n > check.max) {
    throw new Error(`${where}: ${n} is above the maximum ${check.max}`)
  }
  return n
}

function str(
  options: Source,
  key: string,
  env: Env,
  envName: string,
  fallback: string
): string {
  const raw = pick(options, key, env, envName)
  return raw === undefined ? fallback : String(raw)
}

export function resolveOptions(
  options: Source,
  env: Env = process.env
): ProspectorOptions {
  const key = pick(options, "googlePlacesApiKey", env, "GOOGLE_PLACES_API_KEY")
  const baseUrl = str(
    options,
    "googlePlacesBaseUrl",
    env,
    "GOOGLE_PLACES_BASE_URL",
    DEFAULT_PLACES_BASE_URL
  )
  try {
    const u = new URL(baseUrl)
    if (u.protocol !== "http:" && u.protocol !== "https:") {
      throw new Error("not http(s)")
    }
  } catch {
    throw new Error(
      `prospector option googlePlacesBaseUrl (env GOOGLE_PLACES_BASE_URL): "${baseUrl}" is not an http(s) URL`
    )
  }
  const perMonth = num(
    options,
    "placesBudgetPerMonth",
    env,
    "PROSPECTOR_PLACES_BUDGET_PER_MONTH",
    900,
    { min: 0, integer: true }
  )
  const perRun = num(
    options,
    "placesBudgetPerRun",
    env,
    "PROSPECTOR_PLACES_BUDGET_PER_RUN",
    100,
    { min: 0, integer: true }
  )
  const token = str(
    options,
    "robotsProductToken",
    env,
    "PROSPECTOR_ROBOTS_TOKEN",
    DEFAULT_PRODUCT_TOKEN
  )
  if (!/^[a-zA-Z_-]+$/.test(token)) {
    throw new Error(
      `prospector option robotsProductToken (env PROSPECTOR_ROBOTS_TOKEN): "${token}" may contain only letters, "_" and "-"`
    )
  }
  const contact = str(
    options,
    "contactUrl",
    env,
    "PROSPECTOR_CONTACT_URL",
    DEFAULT_CONTACT_URL
  )
  const userAgent = str(
    options,
    "userAgent",
    env,
    "PROSPECTOR_USER_AGENT",
    honestUserAgent(token, VERSION, contact)
  )
  if (!userAgent.includes(token)) {
    throw new Error(
      `prospector option userAgent (env PROSPECTOR_USER_AGENT): "${userAgent}" must contain the robots product token "${token}"`
    )
  }
  const timezone = str(
    options,
    "timezone",
    env,
    "PROSPECTOR_TIMEZONE",
    "Africa/Tunis"
  )
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: timezone })
  } catch {
    throw new Error(
      `prospector option timezone (env PROSPECTOR_TIMEZONE): "${timezone}" is not an IANA time zone`
    )
  }
  return {
    googlePlacesApiKey: key === undefined ? null : String(key),
    googlePlacesBaseUrl: baseUrl.replace(/\/+$/, ""),
    placesBudgetPerRun: perRun,
    placesBudgetPerMonth: perMonth,
    placesMaxTileDepth: num(
      options,
      "placesMaxTileDepth",
      env,
      "PROSPECTOR_PLACES_MAX_TILE_DEPTH",
      2,
      { min: 0, max: 5, integer: true }
    ),
    shop: {
      lat: num(
        options,
        "shopLat",
        env,
        "PROSPECTOR_SHOP_LAT",
        TUNIS_CENTRE.lat,
        { min: -90, max: 90 }
      ),
      lng: num(
        options,
        "shopLng",
        env,
        "PROSPECTOR_SHOP_LNG",
        TUNIS_CENTRE.lng,
        { min: -180, max: 180 }
      ),
      label: str(
        options,
        "shopLabel",
        env,
        "PROSPECTOR_SHOP_LABEL",
        TUNIS_CENTRE.label
      ),
    },
    chromiumPath: str(
      options,
      "chromiumPath",
      env,
      "CHROMIUM_PATH",
      DEFAULT_CHROMIUM_PATH
    ),
    robotsProductToken: token,
    userAgent,
    minGapMs: num(options, "minGapMs", env, "PROSPECTOR_MIN_GAP_MS", 10_000, {
      min: 0,
    }),
    jitterMs: num(options, "jitterMs", env, "PROSPECTOR_JITTER_MS", 5_000, {
      min: 0,
    }),
    alertThresholdPercent: num(
      options,
      "alertThresholdPercent",
      env,
      "PROSPECTOR_ALERT_THRESHOLD_PERCENT",
      5,
      { min: 0 }
    ),
    alertMarginPercent: num(
      options,
      "alertMarginPercent",
      env,
      "PROSPECTOR_ALERT_MARGIN_PERCENT",
      0,
      { min: 0, max: 100 }
    ),
    alertMarginAmount: num(
      options,
      "alertMarginAmount",
      env,
      "PROSPECTOR_ALERT_MARGIN_AMOUNT",
      0,
      { min: 0, integer: true }
    ),
    timezone,
    dailySearchHour: num(
      options,
      "dailySearchHour",
      env,
      "PROSPECTOR_DAILY_SEARCH_HOUR",
      2,
      { min: 0, max: 23, integer: true }
    ),
    weeklyReportHour: num(
      options,
      "weeklyReportHour",
      env,
      "PROSPECTOR_WEEKLY_REPORT_HOUR",
      7,
      { min: 0, max: 23, integer: true }
    ),
  }
}

/**
 * What a service's `options()` is: the options resolved at each call (plugin options, then the
 * environment as it is then, then defaults), so nothing is baked in at boot.
 */
export function optionsReader(pluginOptions: Source): () => ProspectorOptions {
  const options = pluginOptions ?? {}
  return () => resolveOptions(options, process.env)
}
