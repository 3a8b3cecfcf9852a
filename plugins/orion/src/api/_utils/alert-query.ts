import { MedusaError } from "medusa-core-utils"
import type { AlertStatus, AlertType } from "../../models/orion-alert"
import { ALERT_SORTS, ALERT_STATUSES, ALERT_TYPES, AlertQuery } from "../../services/orion-alert"

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/** Parses list query parameters with a clear error per bad parameter. */
export function parseAlertQuery(q: Record<string, unknown>, allowed: AlertType[] = ALERT_TYPES): AlertQuery {
  const list = (name: string, ok: readonly string[]) => {
    const raw = q[name]
    if (raw === undefined || raw === "") {
      return undefined
    }
    const values = (Array.isArray(raw) ? raw : String(raw).split(",")).map((v) => String(v).trim())
    for (const v of values) {
      if (!ok.includes(v)) {
        fail(`query parameter ${name}: "${v}" is not one of ${ok.join(", ")}`)
      }
    }
    return values
  }
  const int = (name: string, def: number, min: number, max: number) => {
    const raw = q[name]
    if (raw === undefined || raw === "") {
      return def
    }
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) {
      fail(`query parameter ${name} must be an integer between ${min} and ${max}, got "${raw}"`)
    }
    return n
  }
  let sort: AlertQuery["sort"] = "severity"
  let order: "asc" | "desc" = "desc"
  if (q.sort !== undefined && q.sort !== "") {
    const raw = String(q.sort)
    const name = raw.replace(/^-/, "")
    if (!(ALERT_SORTS as readonly string[]).includes(name)) {
      fail(`query parameter sort: "${raw}" is not one of ${ALERT_SORTS.join(", ")} (prefix with - for descending)`)
    }
    sort = name as AlertQuery["sort"]
    order = raw.startsWith("-") ? "desc" : "asc"
  }
  return {
    type: (list("type", allowed) as AlertType[] | undefined) ?? allowed,
    status: list("status", ALERT_STATUSES) as AlertStatus[] | undefined,
    variant_id: q.variant_id ? String(q.variant_id) : undefined,
    sort,
    order,
    limit: int("limit", 50, 1, 500),
    offset: int("offset", 0, 0, 10_000_000),
  }
}

