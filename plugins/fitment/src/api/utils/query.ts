import { MedusaError } from "@medusajs/utils"
import type { MedusaRequest } from "@medusajs/medusa"
import { Pagination } from "../../types"

const bad = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** `limit` / `offset` from the query string, checked. */
export function pagination(req: MedusaRequest, defaults: { limit: number; max: number }): Pagination {
  const limit = integer(req.query.limit, "limit", defaults.limit, 1, defaults.max)
  const offset = integer(req.query.offset, "offset", 0, 0, Number.MAX_SAFE_INTEGER)
  return { limit, offset }
}

export function integer(value: unknown, name: string, fallback: number, min: number, max: number): number
export function integer(value: unknown, name: string, fallback: undefined, min: number, max: number): number | undefined
export function integer(value: unknown, name: string, fallback: number | undefined, min: number, max: number): number | undefined {
  if (value === undefined || value === "") {
    return fallback
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

export function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === "") {
    return undefined
  }
  if (typeof value !== "string") {
    throw bad(`${name}: must be a single text value`)
  }
  return value
}

/**
 * A list parameter in every form a client sends: `a`, `a,b`, `x[]=a&x[]=b`, or medusa-js' `x[0]=a&x[1]=b`
 * (which Express' qs turns into an object past 20 items).
 */
export function stringList(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null || value === "") {
    return undefined
  }
  let items: unknown[]
  if (Array.isArray(value)) {
    items = value
  } else if (typeof value === "object") {
    items = Object.keys(value as object)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => (value as Record<string, unknown>)[k])
  } else {
    items = String(value).split(",")
  }
  const out: string[] = []
  for (const item of items) {
    if (typeof item !== "string") {
      throw bad(`${name}: must be ids (text), got ${JSON.stringify(item)}`)
    }
    const trimmed = item.trim()
    if (trimmed) {
      out.push(trimmed)
    }
  }
  if (!out.length) {
    throw bad(`${name}: is empty`)
  }
  if (out.length > 500) {
    throw bad(`${name}: at most 500 values, got ${out.length}`)
  }
  return Array.from(new Set(out))
}

export function boolean(value: unknown, name: string): boolean {
  if (value === undefined || value === null || value === "") {
    return false
  }
  if (typeof value === "boolean") {
    return value
  }
  const text = String(value).toLowerCase()
  if (["1", "true", "yes", "on"].includes(text)) return true
  if (["0", "false", "no", "off"].includes(text)) return false
  throw bad(`${name}: must be true or false, got "${value}"`)
}

/** The admin user behind the request (session or token), for audit rows. */
export function actorOf(req: MedusaRequest): string | null {
  const user = (req as unknown as { user?: { userId?: string; id?: string } }).user
  return user?.userId ?? user?.id ?? null
}
