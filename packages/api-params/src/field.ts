import { invalidParam } from "./errors"
import { text, TextOptions } from "./text"

const kind = (value: unknown): string =>
  Array.isArray(value)
    ? "a list"
    : value === null
      ? "null"
      : typeof value === "object"
        ? "an object"
        : `a ${typeof value}`

/**
 * One text field of a JSON body: a string (trimmed, see `text`), undefined when absent. Unlike query
 * parameters, numbers, booleans, lists and objects are refused (`{"name": {"$gt": ""}}` is not a name).
 * With `nullable`, `null` (and a blank string) is returned as null, so an update can clear the field.
 */
export function textField(
  value: unknown,
  name: string,
  options: TextOptions & { nullable: true }
): string | null | undefined
export function textField(
  value: unknown,
  name: string,
  options: TextOptions & { required: true }
): string
export function textField(
  value: unknown,
  name: string,
  options?: TextOptions
): string | undefined
export function textField(
  value: unknown,
  name: string,
  options: TextOptions & { nullable?: boolean } = {}
): string | null | undefined {
  if (value === null && options.nullable) {
    return null
  }
  if (value !== undefined && typeof value !== "string") {
    throw invalidParam(name, `must be text, got ${kind(value)}`)
  }
  const out = text(value, name, options)
  return out === undefined && options.nullable && value !== undefined
    ? null
    : out
}

/** A JSON object field (e.g. `metadata`): undefined when absent, null when null, lists and scalars refused. */
export function objectField(
  value: unknown,
  name: string
): Record<string, unknown> | null | undefined {
  if (value === undefined || value === null) {
    return value
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidParam(name, `must be a JSON object, got ${kind(value)}`)
  }
  return value as Record<string, unknown>
}
