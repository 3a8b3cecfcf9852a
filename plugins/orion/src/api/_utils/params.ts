import { MedusaError } from "medusa-core-utils"

export function badRequest(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/** limit/offset query parameters with a clear error. */
export function page(q: Record<string, unknown>, defLimit = 50, maxLimit = 500): { limit: number; offset: number } {
  const int = (name: string, def: number, min: number, max: number) => {
    const raw = q[name]
    if (raw === undefined || raw === "") {
      return def
    }
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) {
      badRequest(`query parameter ${name} must be an integer between ${min} and ${max}, got "${String(raw)}"`)
    }
    return n
  }
  return { limit: int("limit", defLimit, 1, maxLimit), offset: int("offset", 0, 0, 10_000_000) }
}

export function optionalString(q: Record<string, unknown>, name: string): string | undefined {
  const v = q[name]
  if (v === undefined || v === "") {
    return undefined
  }
  if (typeof v !== "string") {
    badRequest(`query parameter ${name} must be given once`)
  }
  return v
}
