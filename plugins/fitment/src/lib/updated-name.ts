import { invalidParam } from "@shabou/api-params"
import { cleanText } from "@shabou/text"

/**
 * The name of a new brand or make: the given one, cleaned; none, or one that cleans to nothing, is refused
 * (400 `name: is required`).
 */
export function requiredName(given: unknown): string {
  const name = cleanText(String(given ?? ""))
  if (!name) {
    throw invalidParam("name", "is required")
  }
  return name
}

/**
 * The name a brand or make keeps after an update: the given one, cleaned, or the current one when none is
 * given; a name that cleans to nothing is refused (400 `name: must not be empty`).
 */
export function updatedName(given: unknown, current: string): string {
  const name = given !== undefined ? cleanText(String(given)) : current
  if (!name) {
    throw invalidParam("name", "must not be empty")
  }
  return name
}
