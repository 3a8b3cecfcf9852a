export * from "./fold"
export * from "./part-number"
