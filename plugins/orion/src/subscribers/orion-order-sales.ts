import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type OrionSalesHistoryService from "../services/orion-sales-history"

/** A placed (or completed) order's line items become sales history; idempotent per line item. */
export default async function orionOrderSales({
  data,
  container,
}: SubscriberArgs<{ id: string }>) {
  const service: OrionSalesHistoryService = container.resolve(
    "orionSalesHistoryService"
  )
  await service.recordOrders([data.id])
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.completed"],
  context: { subscriberId: "orion-order-sales" },
}
