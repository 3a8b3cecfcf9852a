import type { WidgetConfig, ProductDetailsWidgetProps } from "@medusajs/admin"
import { useAdminCustomQuery } from "medusa-react"

type Period = { period_start: string; mean: number; p10: number; p50: number; p90: number }
type ForecastResponse = {
  run: { id: string; frequency: string; forecast_start: string }
  forecast: null | {
    model: string
    segment: string
    reason: string | null
    metrics: Record<string, number> | null
    restock: Record<string, unknown> | null
    periods: Period[]
  }
  reason?: string
}
type AlertsResponse = { alerts: { id: string; type: string; status: string; reason: string; suggested_quantity: number | null }[] }

const VariantForecast = ({ variantId, title }: { variantId: string; title: string }) => {
  const { data, isLoading, error } = useAdminCustomQuery<{ variant_id: string }, ForecastResponse>(
    "/orion/forecasts",
    ["orion-forecast", variantId],
    { variant_id: variantId }
  )
  const alerts = useAdminCustomQuery<{ variant_id: string }, AlertsResponse>("/orion/alerts", ["orion-alerts", variantId], {
    variant_id: variantId,
  })
  if (isLoading) {
    return <p className="inter-small-regular text-grey-50">{title}: loading…</p>
  }
  if (error || !data) {
    return <p className="inter-small-regular text-grey-50">{title}: no forecast run yet</p>
  }
  const f = data.forecast
  return (
    <div className="mb-base">
      <h3 className="inter-base-semibold">{title}</h3>
      {!f ? (
        <p className="inter-small-regular text-grey-50">{data.reason}</p>
      ) : (
        <>
          <p className="inter-small-regular text-grey-50">
            {f.model} ({f.segment}){f.reason ? ` — ${f.reason}` : ""}
            {f.metrics?.wql !== undefined ? ` · backtest WQL ${f.metrics.wql} · MASE ${f.metrics.mase}` : ""}
          </p>
          {f.restock ? (
            <p className="inter-small-regular">
              Reorder point {String(f.restock.reorder_point)} (service level {String(f.restock.service_level)}, lead time{" "}
              {String(f.restock.lead_time_days)} days from {String(f.restock.lead_time_from)}), stock {String(f.restock.stock)} + on
              order {String(f.restock.on_order)}
            </p>
          ) : null}
          <table className="w-full inter-small-regular mt-xsmall">
            <thead>
              <tr className="text-grey-50">
                <th className="text-left">{data.run.frequency === "week" ? "Week of" : "Month"}</th>
                <th className="text-right">mean</th>
                <th className="text-right">p10</th>
                <th className="text-right">p50</th>
                <th className="text-right">p90</th>
              </tr>
            </thead>
            <tbody>
              {f.periods.map((p) => (
                <tr key={p.period_start}>
                  <td>{p.period_start}</td>
                  <td className="text-right">{p.mean.toFixed(2)}</td>
                  <td className="text-right">{p.p10}</td>
                  <td className="text-right">{p.p50}</td>
                  <td className="text-right">{p.p90}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {(alerts.data?.alerts ?? []).map((a) => (
        <p key={a.id} className="inter-small-regular text-rose-50 mt-xsmall">
          {a.type} ({a.status}): {a.reason}
        </p>
      ))}
    </div>
  )
}

const OrionVariantForecastWidget = ({ product }: ProductDetailsWidgetProps) => {
  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large">
      <h2 className="inter-large-semibold mb-small">Demand forecast (Orion)</h2>
      {product.variants.map((v) => (
        <VariantForecast key={v.id} variantId={v.id} title={v.sku ?? v.title} />
      ))}
    </div>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default OrionVariantForecastWidget
