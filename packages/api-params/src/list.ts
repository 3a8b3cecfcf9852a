import { invalidParam } from "./errors"
import { notOneOf } from "./one-of"

export interface ListOptions {
  /** most values accepted (after removing duplicates); 500 by default */
  max?: number
}

/**
 * A list parameter in every form clients send, in order, trimmed, without blanks or duplicates:
 *
 * - `x=a` and `x=a,b` (comma-separated);
 * - `x[]=a&x[]=b` and `x=a&x=b` (Express' qs gives an array; each item may itself be comma-separated);
 * - medusa-js' `x[0]=a&x[1]=b`, which qs gives as an array up to 20 items and as an object
 *   `{ "0": "a", …, "21": "v" }` past that (its arrayLimit): read in index order.
 *
 * Undefined when the parameter is absent or empty. A list that holds only commas or blanks, nested values
 * (`x[0][k]=a`), non-numeric keys (`x[k]=a`) or more than `max` values are refused.
 */
export function list(
  value: unknown,
  name: string,
  options: ListOptions = {}
): string[] | undefined {
  if (value === undefined || value === null || value === "") {
    return undefined
  }
  const max = options.max ?? 500
  let items: unknown[]
  if (Array.isArray(value)) {
    items = value
  } else if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
    const bad = entries.find(([k]) => !/^\d+$/.test(k))
    if (bad) {
      throw invalidParam(
        name,
        `must be a list (x=a,b or x[]=a or x[0]=a), got key "${bad[0]}"`
      )
    }
    items = entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v)
  } else {
    items = [value]
  }
  const out = new Set<string>()
  for (const item of items) {
    if (typeof item !== "string" && typeof item !== "number") {
      throw invalidParam(
        name,
        `must be a list of text values, got ${JSON.stringify(item)}`
      )
    }
    for (const part of String(item).split(",")) {
      const trimmed = part.trim()
      if (trimmed) {
        out.add(trimmed)
      }
    }
  }
  if (!out.size) {
    throw invalidParam(name, "has no values")
  }
  if (out.size > max) {
    throw invalidParam(name, `must have at most ${max} values, got ${out.size}`)
  }
  return Array.from(out)
}

/** A list (see `list`) whose every value is one of `allowed`. */
export function oneOfList<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  options: ListOptions = {}
): T[] | undefined {
  const values = list(value, name, options)
  for (const v of values ?? []) {
    if (!(allowed as readonly string[]).includes(v)) {
      throw invalidParam(name, notOneOf(v, allowed))
    }
  }
  return values as T[] | undefined
}
