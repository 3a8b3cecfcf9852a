import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Container, Heading, Text } from "@medusajs/ui"
import { useAdminCustomQuery } from "medusa-react"
import { OrionForecastChart } from "../components/orion-forecast-chart"
import type {
  ForecastPeriod,
  HistoryPeriod,
} from "../components/orion-forecast-chart"
import { formatDate, formatNumber } from "../lib/format"

type Restock = {
  reorder_point?: number
  order_up_to?: number
  stock?: number
  on_order?: number
  service_level?: number
  lead_time_days?: number
  stockout_date?: string | null
  order_by?: string | null
  manage_inventory?: boolean
}
type ForecastResponse = {
  run: {
    id: string
    frequency: "week" | "month"
    forecast_start: string
    finished_at: string | null
  }
  history: HistoryPeriod[]
  forecast: null | {
    model: string
    segment: string
    reason: string | null
    history_periods: number
    metrics: Record<string, number> | null
    restock: Restock | null
    periods: ForecastPeriod[]
    demand_text?: string
  }
}
type AlertsResponse = {
  alerts: {
    id: string
    type: string
    status: string
    suggested_quantity: number | null
  }[]
}

const SEGMENTS: Record<string, string> = {
  smooth: "ventes régulières",
  erratic: "ventes irrégulières",
  intermittent: "ventes occasionnelles",
  lumpy: "ventes rares et par lots",
  none: "aucune vente",
  short: "historique court",
}

const dayMonth = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))

/** The owner's sentence: what to order, by when, and why. */
const advice = (r: Restock, suggested: number | null) => {
  const level = `${Math.round((r.service_level ?? 0.95) * 100)} %`
  const position = (r.stock ?? 0) + (r.on_order ?? 0)
  const quantity =
    suggested ??
    (r.reorder_point !== undefined &&
    r.order_up_to !== undefined &&
    position <= r.reorder_point
      ? Math.max(0, r.order_up_to - position)
      : 0)
  if (r.manage_inventory === false) {
    return "Le stock de cette variante n'est pas suivi : pas de conseil de commande."
  }
  if (quantity > 0) {
    const when = r.order_by
      ? `avant le ${dayMonth(r.order_by)}`
      : "dès maintenant"
    return `À commander : ${formatNumber(quantity)} ${when} pour garder ${level} de chances de ne pas être en rupture.`
  }
  return `Rien à commander : le stock couvre le délai fournisseur (${formatNumber(r.lead_time_days)} jours) avec ${level} de chances de ne pas être en rupture.`
}

const VariantForecast = ({
  variantId,
  title,
}: {
  variantId: string
  title: string
}) => {
  const { data, isLoading, error } = useAdminCustomQuery<
    { variant_id: string },
    ForecastResponse
  >("/orion/forecasts", ["orion-forecast", variantId], {
    variant_id: variantId,
  })
  const alerts = useAdminCustomQuery<
    { variant_id: string; type: string },
    AlertsResponse
  >("/orion/alerts", ["orion-alerts", variantId, "restock"], {
    variant_id: variantId,
    type: "restock",
  })
  if (isLoading) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {title} : chargement…
      </Text>
    )
  }
  if (error || !data) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {title} : aucune prévision n'a encore été calculée (page Réassort → «
        Lancer une prévision »).
      </Text>
    )
  }
  const f = data.forecast
  const r = f?.restock ?? null
  const suggested =
    alerts.data?.alerts.find((a) => a.status !== "resolved")
      ?.suggested_quantity ?? null
  return (
    <div
      className="flex flex-col gap-y-2 border-t border-ui-border-base pt-4 first:border-t-0 first:pt-0"
      data-testid="orion-variant-forecast"
    >
      <Heading level="h3">{title}</Heading>
      {!f ? (
        <Text size="small" className="text-ui-fg-subtle">
          Pas encore de ventes pour cette pièce lors de la dernière prévision :
          rien à prévoir.
        </Text>
      ) : (
        <>
          {r ? (
            <Text className="font-medium" data-testid="orion-advice">
              {advice(r, suggested)}
            </Text>
          ) : null}
          {r ? (
            <div className="grid grid-cols-4 gap-x-4">
              <div>
                <Text size="small" className="text-ui-fg-subtle">
                  En stock
                </Text>
                <Text data-testid="orion-stock">{formatNumber(r.stock)}</Text>
              </div>
              <div>
                <Text size="small" className="text-ui-fg-subtle">
                  En commande
                </Text>
                <Text>{formatNumber(r.on_order)}</Text>
              </div>
              <div>
                <Text size="small" className="text-ui-fg-subtle">
                  Seuil de commande
                </Text>
                <Text data-testid="orion-reorder-point">
                  {formatNumber(r.reorder_point)}
                </Text>
              </div>
              <div>
                <Text size="small" className="text-ui-fg-subtle">
                  Rupture prévue
                </Text>
                <Text>
                  {r.stockout_date
                    ? formatDate(r.stockout_date)
                    : "pas dans les 3 mois"}
                </Text>
              </div>
            </div>
          ) : null}
          {f.demand_text ? (
            <Text size="small" data-testid="orion-demand">
              {f.demand_text.charAt(0).toUpperCase() + f.demand_text.slice(1)}{" "}
              sur l'année écoulée.
            </Text>
          ) : null}
          <OrionForecastChart
            history={data.history ?? []}
            periods={f.periods}
          />
          <Text
            size="xsmall"
            className="text-ui-fg-muted"
            data-testid="orion-details"
          >
            Détails : {SEGMENTS[f.segment] ?? f.segment}, méthode {f.model},{" "}
            {formatNumber(f.history_periods)}{" "}
            {data.run.frequency === "week" ? "semaines" : "mois"} d'historique
            {f.metrics?.wql !== undefined
              ? `, erreur de test (WQL) ${formatNumber(f.metrics.wql, 2)}`
              : ""}{" "}
            · prévision du{" "}
            {formatDate(data.run.finished_at ?? data.run.forecast_start, true)}
          </Text>
        </>
      )}
    </div>
  )
}

const OrionVariantForecastWidget = ({ product }: ProductDetailsWidgetProps) => {
  // forecasts exist only once a run has succeeded: ask for them then (no 404 before the first run)
  const runs = useAdminCustomQuery<
    { limit: number },
    { runs: { status: string }[] }
  >("/orion/runs", ["orion-runs-latest"], { limit: 20 })
  const hasForecasts = !!runs.data?.runs.some((r) => r.status === "succeeded")
  return (
    <Container className="p-8 flex flex-col gap-y-4">
      <div>
        <Heading level="h2">Prévision des ventes</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Ventes par semaine, puis la prévision : la ligne pointillée est la
          moyenne attendue, la zone bleue la fourchette probable.
        </Text>
      </div>
      {runs.isLoading ? (
        <Text size="small" className="text-ui-fg-subtle">
          Chargement…
        </Text>
      ) : !hasForecasts ? (
        <Text size="small" className="text-ui-fg-subtle">
          Aucune prévision n'a encore été calculée (page Réassort → « Lancer une
          prévision »).
        </Text>
      ) : (
        product.variants.map((v) => (
          <VariantForecast
            key={v.id}
            variantId={v.id}
            title={v.sku ? `${v.title} (${v.sku})` : v.title}
          />
        ))
      )}
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default OrionVariantForecastWidget
