import { oneOfList, pagination, sort, text } from "@shabou/api-params"
import type { AlertType } from "../../models/orion-alert"
import {
  ALERT_SORTS,
  ALERT_STATUSES,
  ALERT_TYPES,
  AlertQuery,
} from "../../services/orion-alert"

/** The alert (or insight) list query: type, status, variant_id, sort (-field for descending), limit, offset. */
export function parseAlertQuery(
  q: Record<string, unknown>,
  allowed: AlertType[] = ALERT_TYPES
): AlertQuery {
  const order = sort(q.sort, "sort", ALERT_SORTS, {
    field: "severity",
    order: "desc",
  })
  return {
    type: oneOfList(q.type, "type", allowed) ?? allowed,
    status: oneOfList(q.status, "status", ALERT_STATUSES),
    variant_id: text(q.variant_id, "variant_id"),
    sort: order.field,
    order: order.order,
    ...pagination(q, { limit: 50, max: 500 }),
  }
}
