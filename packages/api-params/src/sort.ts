import { invalidParam } from "./errors"
import { text } from "./text"

export interface Sort<T extends string> {
  field: T
  /** "desc" when the value starts with "-", "asc" otherwise */
  order: "asc" | "desc"
}

/**
 * A sort parameter: a field among `fields`, prefixed with `-` for descending (`-created_at`) and
 * optionally `+` for ascending; `fallback` when absent or empty.
 */
export function sort<T extends string>(
  value: unknown,
  name: string,
  fields: readonly T[],
  fallback: Sort<T>
): Sort<T> {
  const raw = text(value, name)
  if (raw === undefined) {
    return fallback
  }
  const field = raw.replace(/^[-+]/, "")
  if (!(fields as readonly string[]).includes(field)) {
    throw invalidParam(
      name,
      `"${raw}" is not one of ${fields.join(", ")} (prefix with - for descending)`
    )
  }
  return { field: field as T, order: raw.startsWith("-") ? "desc" : "asc" }
}
