import type { RouteConfig } from "@medusajs/admin"
import { ChartBar } from "@medusajs/icons"
import { Badge, Heading, Text } from "@medusajs/ui"
import { useAdminCustomQuery } from "medusa-react"
import { Link } from "react-router-dom"
import {
  DashboardListItem,
  DashboardPanel,
  DashboardTile,
} from "../../components/dashboard-tile"
import { formatAmount, formatDate, formatNumber } from "../../lib/format"
// the answer of GET /admin/dashboard, as the server declares it (a type only: nothing of the server is bundled)
import type { Dashboard } from "../../../services/dashboard"

const RUN_STATUS: Record<string, string> = {
  running: "en cours",
  succeeded: "terminée",
  failed: "échouée",
}
/** The sales tiles: test id, title, and the window of `sales` they show. */
const SALES_TILES: Array<[string, string, keyof Dashboard["sales"]]> = [
  ["sales-today", "Ventes aujourd'hui", "today"],
  ["sales-7-days", "Ventes des 7 derniers jours", "last_7_days"],
  ["sales-30-days", "Ventes des 30 derniers jours", "last_30_days"],
]

const ordersText = (n: number) =>
  n === 0
    ? "aucune commande"
    : n === 1
      ? "1 commande"
      : `${formatNumber(n)} commandes`

const activityLink = (a: Dashboard["activity"][number]) =>
  a.kind === "order"
    ? `/a/orders/${a.id}`
    : a.kind === "price" && a.product_id
      ? `/a/products/${a.product_id}`
      : a.kind === "import"
        ? "/a/imports"
        : "/a/products"

const activityText = (a: Dashboard["activity"][number]) => {
  if (a.kind === "order") {
    return `Commande ${a.label} : ${formatAmount(a.amount, a.currency_code ?? "tnd")} HT`
  }
  if (a.kind === "price") {
    const before =
      a.old_amount === null || a.old_amount === undefined
        ? "nouveau prix"
        : formatAmount(a.old_amount, a.currency_code ?? "tnd")
    return `Prix de ${a.label} : ${before} → ${formatAmount(a.amount, a.currency_code ?? "tnd")}`
  }
  return `Import ${a.label}`
}

const TableauDeBordPage = () => {
  const { data, isLoading, error } = useAdminCustomQuery<
    Record<string, never>,
    { dashboard: Dashboard }
  >("/dashboard", ["shabou-dashboard"])
  if (isLoading) {
    return (
      <Text className="text-ui-fg-subtle">Chargement du tableau de bord…</Text>
    )
  }
  if (error || !data) {
    return (
      <Text className="text-ui-fg-error">
        Le tableau de bord n'a pas pu être chargé.
      </Text>
    )
  }
  const d = data.dashboard
  const run = d.last_forecast_run
  return (
    <div className="flex flex-col gap-y-4" data-testid="dashboard">
      <div className="flex items-baseline justify-between">
        <Heading level="h1">Tableau de bord</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Mis à jour le {formatDate(d.generated_at, true)} · montants HT, hors
          livraison
        </Text>
      </div>
      <div className="grid grid-cols-3 gap-4">
        {SALES_TILES.map(([testId, title, period]) => (
          <DashboardTile
            key={testId}
            testId={testId}
            title={title}
            value={formatAmount(d.sales[period].amount, d.currency_code)}
            hint={ordersText(d.sales[period].orders)}
            to="/a/orders"
            linkLabel="Commandes"
          />
        ))}
      </div>
      <div className="grid grid-cols-4 gap-4">
        <DashboardTile
          testId="orders-to-ship"
          title="Commandes à expédier"
          value={formatNumber(d.orders_to_ship)}
          to="/a/orders"
          linkLabel="Voir les commandes"
        />
        <DashboardTile
          testId="out-of-stock"
          title="Références en rupture"
          value={formatNumber(d.out_of_stock_variants)}
          hint="stock à zéro"
          to="/a/products"
          linkLabel="Voir les produits"
        />
        <DashboardTile
          testId="new-leads"
          title="Nouveaux prospects cette semaine"
          value={formatNumber(d.leads.new_this_week)}
          to="/a/prospects"
          linkLabel="Voir les prospects"
        />
        <DashboardTile
          testId="price-alerts"
          title="Alertes prix fournisseurs"
          value={formatNumber(d.price_alerts.unacknowledged)}
          hint="non lues"
          to="/a/veille-prix"
          linkLabel="Veille prix"
        />
      </div>
      <div className="grid grid-cols-2 gap-4">
        <DashboardPanel
          testId="restock-panel"
          title={`À commander (${formatNumber(d.restock.open)})`}
          to="/a/reassort"
          linkLabel="Réassort"
        >
          {d.restock.top.length === 0 ? (
            <Text size="small" className="text-ui-fg-subtle">
              Rien à commander pour l'instant.
            </Text>
          ) : (
            <ul className="flex flex-col gap-y-2">
              {d.restock.top.map((r) => (
                <DashboardListItem
                  key={r.id}
                  aside={
                    <>
                      {r.suggested_quantity ?? "—"} à commander
                      {r.stockout_date
                        ? ` · rupture vers le ${formatDate(r.stockout_date)}`
                        : ""}
                    </>
                  }
                >
                  <Link
                    to={
                      r.product_id
                        ? `/a/products/${r.product_id}`
                        : "/a/reassort"
                    }
                    className="text-ui-fg-interactive text-sm hover:underline truncate"
                  >
                    {r.title ?? r.sku}
                  </Link>
                </DashboardListItem>
              ))}
            </ul>
          )}
          <div
            className="mt-4 border-t border-ui-border-base pt-3"
            data-testid="last-forecast-run"
          >
            {run ? (
              <Text size="small">
                Dernière prévision :{" "}
                <Badge size="small">
                  {RUN_STATUS[run.status] ?? run.status}
                </Badge>{" "}
                {run.status === "running"
                  ? `${Math.round(run.progress * 100)} %`
                  : `le ${formatDate(run.finished_at ?? run.started_at, true)}${run.variant_count !== null ? ` · ${formatNumber(run.variant_count)} pièces` : ""}`}
              </Text>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                Aucune prévision lancée pour l'instant.
              </Text>
            )}
          </div>
        </DashboardPanel>
        <DashboardPanel
          testId="activity-panel"
          title="Activité récente"
          to="/a/orders"
          linkLabel="Commandes"
        >
          {d.activity.length === 0 ? (
            <Text size="small" className="text-ui-fg-subtle">
              Aucune activité récente.
            </Text>
          ) : (
            <ul className="flex flex-col gap-y-2">
              {d.activity.map((a) => (
                <DashboardListItem
                  key={`${a.kind}-${a.id}`}
                  aside={formatDate(a.at, true)}
                >
                  <Link
                    to={activityLink(a)}
                    className="text-ui-fg-interactive text-sm hover:underline truncate"
                  >
                    {activityText(a)}
                  </Link>
                </DashboardListItem>
              ))}
            </ul>
          )}
        </DashboardPanel>
      </div>
      {d.price_alerts.latest.length ? (
        <DashboardPanel
          testId="price-alerts-panel"
          title="Dernières alertes prix"
          to="/a/veille-prix"
          linkLabel="Veille prix"
        >
          <ul className="flex flex-col gap-y-2">
            {d.price_alerts.latest.map((a) => (
              <DashboardListItem
                key={a.id}
                aside={formatDate(a.created_at, true)}
              >
                <Text size="small">
                  {a.supplier} : {a.message}
                </Text>
              </DashboardListItem>
            ))}
          </ul>
        </DashboardPanel>
      ) : null}
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Tableau de bord",
    icon: ChartBar,
  },
}

export default TableauDeBordPage
