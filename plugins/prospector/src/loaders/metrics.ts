import type { AwilixContainer } from "awilix"
import { gauge, onScrape } from "@shabou/ops"
import type PlacesLedgerService from "../services/places-ledger"

/**
 * Places usage from the request ledger (shared by every instance, so any instance answers the
 * same): requests this month by status, and what the monthly budget has left.
 */
export default async function prospectorMetricsLoader(
  container: AwilixContainer
): Promise<void> {
  if (!container.hasRegistration("placesLedgerService")) {
    return
  }
  const month = gauge(
    "shabou_places_requests_month",
    "Google Places requests this calendar month (shop time zone), by HTTP status, from the ledger",
    ["status"]
  )
  const left = gauge(
    "shabou_places_budget_left",
    "Google Places requests left in this month's budget (PROSPECTOR_PLACES_BUDGET_PER_MONTH)"
  )
  const budget = gauge(
    "shabou_places_budget_month",
    "Google Places requests allowed per calendar month"
  )
  onScrape("places", async () => {
    const ledger: PlacesLedgerService = container.resolve("placesLedgerService")
    const byStatus = await ledger.requestsThisMonthByStatus()
    month.reset()
    let used = 0
    for (const row of byStatus) {
      month.set({ status: row.status }, row.count)
      used += row.count
    }
    const perMonth = ledger.options().placesBudgetPerMonth
    budget.set(perMonth)
    left.set(Math.max(0, perMonth - used))
  })
}
