import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type OrionSalesHistoryService from "../services/orion-sales-history"

/** A canceled order's sales leave the history. */
export default async function orionOrderCanceled({
  data,
  container,
}: SubscriberArgs<{ id: string }>) {
  const service: OrionSalesHistoryService = container.resolve(
    "orionSalesHistoryService"
  )
  await service.removeOrder(data.id)
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "orion-order-canceled" },
}
