import { invalidParam } from "./errors"
import { text } from "./text"

/** Message for a value outside the allowed set: `"flood" is not one of restock, spike`. */
export function notOneOf(value: string, allowed: readonly string[]): string {
  return `"${value}" is not one of ${allowed.join(", ")}`
}

/** One value among `allowed` (exact match after trimming), or `fallback` when absent or empty. */
export function oneOf<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  options: { default: T }
): T
export function oneOf<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  options?: { default?: T }
): T | undefined
export function oneOf<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  options: { default?: T } = {}
): T | undefined {
  const v = text(value, name)
  if (v === undefined) {
    return options.default
  }
  if (!(allowed as readonly string[]).includes(v)) {
    throw invalidParam(name, notOneOf(v, allowed))
  }
  return v as T
}
