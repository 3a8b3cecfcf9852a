import { invalidData } from "./errors"

/** A JSON request body as an object: `{}` when there is none; arrays and scalars are refused. */
export function objectBody(body: unknown): Record<string, any> {
  if (body === undefined || body === null) {
    return {}
  }
  if (typeof body !== "object" || Array.isArray(body)) {
    throw invalidData("body: must be a JSON object")
  }
  return body as Record<string, any>
}
