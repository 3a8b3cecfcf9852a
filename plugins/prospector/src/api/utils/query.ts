import type { MedusaRequest } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"

const bad = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

export function page(req: MedusaRequest, defaults = { limit: 50, max: 200 }): { limit: number; offset: number } {
  return {
    limit: int(req.query.limit, "limit", 1, defaults.max) ?? defaults.limit,
    offset: int(req.query.offset, "offset", 0, Number.MAX_SAFE_INTEGER) ?? 0,
  }
}

export function int(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === "") {
    return undefined
  }
  const text = String(value)
  if (!/^-?\d+$/.test(text)) {
    throw bad(`${name}: must be a whole number, got "${text}"`)
  }
  const n = Number(text)
  if (n < min || n > max) {
    throw bad(`${name}: must be between ${min} and ${max}, got ${n}`)
  }
  return n
}

export function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === "") {
    return undefined
  }
  if (typeof value !== "string") {
    throw bad(`${name}: must be a single text value`)
  }
  return value
}

export function bool(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === "") {
    return undefined
  }
  if (value === "true" || value === true) {
    return true
  }
  if (value === "false" || value === false) {
    return false
  }
  throw bad(`${name}: must be true or false, got "${value}"`)
}

export function only(query: Record<string, unknown>, allowed: string[]): void {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) {
      throw bad(`${key}: unknown parameter (allowed: ${allowed.join(", ")})`)
    }
  }
}

export function body(req: MedusaRequest): Record<string, any> {
  const b = req.body
  if (b === undefined || b === null) {
    return {}
  }
  if (typeof b !== "object" || Array.isArray(b)) {
    throw bad("body: must be a JSON object")
  }
  return b as Record<string, any>
}

export function userId(req: MedusaRequest): string | null {
  const u = (req as any).user
  return u?.userId ?? u?.id ?? null
}
