import { invalidParam } from "./errors"
import { single } from "./single"

const TRUE = ["true", "1", "yes", "on"]
const FALSE = ["false", "0", "no", "off"]

/**
 * true / false (also 1/0, yes/no, on/off, any case, and JSON booleans), or `fallback` when the parameter
 * is absent or empty.
 */
export function boolean(
  value: unknown,
  name: string,
  options: { default: boolean }
): boolean
export function boolean(
  value: unknown,
  name: string,
  options?: { default?: boolean }
): boolean | undefined
export function boolean(
  value: unknown,
  name: string,
  options: { default?: boolean } = {}
): boolean | undefined {
  const raw = single(value, name)
  if (raw === undefined || raw.trim() === "") {
    return options.default
  }
  const text = raw.trim().toLowerCase()
  if (TRUE.includes(text)) {
    return true
  }
  if (FALSE.includes(text)) {
    return false
  }
  throw invalidParam(name, `must be true or false, got "${raw}"`)
}
