import { invalidParam } from "./errors"

/**
 * Refuses any key of `record` (a query or a body) not in `allowed`, so a misspelt filter is an error
 * rather than silently ignored: `sku_id: unknown parameter (allowed: sku, limit, offset)`.
 */
export function onlyKnown(
  record: Record<string, unknown>,
  allowed: readonly string[],
  what: "parameter" | "field" = "parameter"
): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      throw invalidParam(
        key,
        `unknown ${what} (allowed: ${allowed.join(", ")})`
      )
    }
  }
}
