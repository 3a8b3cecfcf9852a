import { invalidParam } from "./errors"
import { single } from "./single"

export interface IntegerOptions {
  /** smallest accepted value (inclusive) */
  min?: number
  /** largest accepted value (inclusive) */
  max?: number
}

/** Text of the accepted range, for messages: "between 1 and 500", "at least 0". */
export function rangeText(
  min: number | undefined,
  max: number | undefined
): string | undefined {
  if (min !== undefined && max !== undefined) {
    return `between ${min} and ${max}`
  }
  if (min !== undefined) {
    return `at least ${min}`
  }
  if (max !== undefined) {
    return `at most ${max}`
  }
  return undefined
}

/** Throws when `n` is outside [min, max]. */
export function checkRange(
  n: number,
  name: string,
  min: number | undefined,
  max: number | undefined
): void {
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    throw invalidParam(name, `must be ${rangeText(min, max)}, got ${n}`)
  }
}

/**
 * A whole number (`12`, `-3`), or `fallback` (undefined when not given) when the parameter is absent or empty.
 * `1.5`, `1e3`, `0x10`, `12abc` and numbers past 2^53 are refused.
 */
export function integer(
  value: unknown,
  name: string,
  options: IntegerOptions & { default: number }
): number
export function integer(
  value: unknown,
  name: string,
  options?: IntegerOptions & { default?: number }
): number | undefined
export function integer(
  value: unknown,
  name: string,
  options: IntegerOptions & { default?: number } = {}
): number | undefined {
  const raw = single(value, name)
  if (raw === undefined || raw.trim() === "") {
    return options.default
  }
  const text = raw.trim()
  if (!/^[-+]?\d+$/.test(text)) {
    throw invalidParam(name, `must be a whole number, got "${raw}"`)
  }
  const n = Number(text)
  if (!Number.isSafeInteger(n)) {
    throw invalidParam(name, `must be a whole number below 2^53, got "${raw}"`)
  }
  checkRange(n, name, options.min, options.max)
  return n === 0 ? 0 : n
}
