import { invalidParam } from "./errors"
import { checkRange, IntegerOptions } from "./integer"
import { single } from "./single"

export type NumberOptions = IntegerOptions

/**
 * A decimal number written with a dot (`12`, `-0.5`, `.25`), or `fallback` when the parameter is absent or empty.
 * `1,5`, `1e3`, `Infinity`, `NaN` and hexadecimal are refused.
 */
export function number(
  value: unknown,
  name: string,
  options: NumberOptions & { default: number }
): number
export function number(
  value: unknown,
  name: string,
  options?: NumberOptions & { default?: number }
): number | undefined
export function number(
  value: unknown,
  name: string,
  options: NumberOptions & { default?: number } = {}
): number | undefined {
  const raw = single(value, name)
  if (raw === undefined || raw.trim() === "") {
    return options.default
  }
  const text = raw.trim()
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    throw invalidParam(
      name,
      `must be a number (dot for decimals), got "${raw}"`
    )
  }
  const n = Number(text)
  checkRange(n, name, options.min, options.max)
  return n === 0 ? 0 : n
}
