export * from "./lease"
export * from "./metrics"
export * from "./redact"
export * from "./route-pattern"
