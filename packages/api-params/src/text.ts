import { invalidParam } from "./errors"
import { single } from "./single"

export interface TextOptions {
  /** longest accepted text, in characters (after trimming) */
  maxLength?: number
  /** refuse the request when the parameter is absent or blank */
  required?: boolean
}

/**
 * One text value, trimmed; undefined when absent, empty or blank. A repeated parameter is refused.
 */
export function text(
  value: unknown,
  name: string,
  options: TextOptions & { required: true }
): string
export function text(
  value: unknown,
  name: string,
  options?: TextOptions
): string | undefined
export function text(
  value: unknown,
  name: string,
  options: TextOptions = {}
): string | undefined {
  const raw = single(value, name)
  const trimmed = raw?.trim()
  if (!trimmed) {
    if (options.required) {
      throw invalidParam(name, "is required")
    }
    return undefined
  }
  if (options.maxLength !== undefined && trimmed.length > options.maxLength) {
    throw invalidParam(
      name,
      `must be at most ${options.maxLength} characters, got ${trimmed.length}`
    )
  }
  return trimmed
}
