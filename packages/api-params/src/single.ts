import { invalidParam } from "./errors"

/**
 * The one raw value of a parameter as text, or undefined when it is absent or empty.
 *
 * Numbers and booleans (JSON bodies) are turned into text; a repeated parameter (`x=a&x=b`, `x[]=a`) or a
 * nested one (`x[k]=a`) is refused, since the caller expects a single value.
 */
export function single(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === "") {
    return undefined
  }
  if (typeof value === "string") {
    return value
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value)
  }
  if (Array.isArray(value)) {
    throw invalidParam(
      name,
      `must be a single value, got a list of ${value.length}`
    )
  }
  throw invalidParam(
    name,
    `must be a single value, got ${JSON.stringify(value)}`
  )
}
