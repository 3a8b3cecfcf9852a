/**
 * Prospector pure library (no Medusa, no database).
 */

export * from "./alerts"
export * from "./backoff"
export * from "./csv"
export * from "./dedupe"
export * from "./extract-price"
export * from "./fetch-page"
export * from "./name-key"
export * from "./haversine"
export * from "./phone"
export * from "./place-to-lead"
export * from "./places-client"
export * from "./politeness"
export * from "./price-parser"
export * from "./report"
export * from "./request-budget"
export * from "./robots"
export * from "./scoring"
export { DEFAULT_SCORING, TUNIS_CENTRE } from "./scoring-config"
export type { ScoringConfig, DistanceBand } from "./scoring-config"
