/**
 * Product page → "Historique des prix": a chart of the price in dinars over time (one line per variant,
 * plus the supplier prices of the watched pages pointing at a variant, dashed), and the table of changes
 * (when, old → new, who, source), paged on the server, with a CSV download.
 * API: GET /admin/products/:id/price-history (JSON, `format=csv`),
 * GET /admin/prospector/observations?product_id= (supplier prices).
 */
import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Button, Table, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import {
  errorMessage,
  ProductWidgetError,
  ProductWidgetPager,
  ProductWidgetSection,
} from "../components/product-widget-section"
import { adminFetch, downloadAdminFile } from "../lib/api"
import { formatAmount, formatDate } from "../lib/format"
import {
  buildPriceChart,
  currentTndPrice,
  PriceChange,
  SupplierObservation,
} from "../lib/price-history-chart"

type HistoryRow = PriceChange & {
  id: string
  variant_sku: string | null
  source: string
  actor: string | null
  actor_email: string | null
}

const PAGE = 20
const CHART_ROWS = 1000
const OUR_COLORS = [
  "#2563eb",
  "#059669",
  "#7c3aed",
  "#db2777",
  "#0891b2",
  "#65a30d",
]
const SUPPLIER_COLORS = ["#ea580c", "#dc2626", "#a16207", "#9333ea"]
const SOURCE_LABEL: Record<string, string> = {
  admin: "Admin",
  api: "API",
  import: "Import CSV",
  price_list: "Liste de prix",
  system: "Système",
}
const CHANGE_LABEL: Record<string, string> = {
  created: "création",
  updated: "modification",
  deleted: "suppression",
  restored: "rétablissement",
}

const ProductPriceHistoryWidget = ({
  product,
  notify,
}: ProductDetailsWidgetProps) => {
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<{
    rows: HistoryRow[]
    count: number
  } | null>(null)
  const [chartRows, setChartRows] = useState<HistoryRow[] | null>(null)
  const [observations, setObservations] = useState<SupplierObservation[]>([])
  const [error, setError] = useState<string | null>(null)
  const [downloading, setDownloading] = useState(false)

  const variants = useMemo(
    () =>
      (product.variants ?? []).map((v) => ({
        id: v.id,
        label: v.sku || v.title || v.id,
        current: currentTndPrice(v.prices as any),
      })),
    [product.variants]
  )

  useEffect(() => {
    let live = true
    Promise.all([
      adminFetch<{ price_history: HistoryRow[] }>(
        `/products/${product.id}/price-history`,
        { query: { currency_code: "tnd", limit: CHART_ROWS } }
      ),
      adminFetch<{ observations: SupplierObservation[] }>(
        "/prospector/observations",
        { query: { product_id: product.id, limit: 200 } }
      ).catch(() => ({
        observations: [],
      })),
    ])
      .then(([history, obs]) => {
        if (!live) return
        setChartRows(history.price_history)
        setObservations(obs.observations)
      })
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [product.id])

  useEffect(() => {
    let live = true
    adminFetch<{ price_history: HistoryRow[]; count: number }>(
      `/products/${product.id}/price-history`,
      { query: { limit: PAGE, offset } }
    )
      .then((r) => live && setPage({ rows: r.price_history, count: r.count }))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [product.id, offset])

  const chart = useMemo(
    () =>
      chartRows
        ? buildPriceChart({
            variants,
            changes: chartRows,
            observations,
            now: new Date(),
          })
        : null,
    [chartRows, observations, variants]
  )
  const skuOf = useMemo(
    () => new Map(variants.map((v) => [v.id, v.label])),
    [variants]
  )

  const download = async () => {
    setDownloading(true)
    try {
      await downloadAdminFile(
        `/products/${product.id}/price-history`,
        `historique-prix-${product.handle ?? product.id}.csv`,
        { format: "csv" }
      )
    } catch (e) {
      notify.error("Historique des prix", errorMessage(e))
    } finally {
      setDownloading(false)
    }
  }

  let ours = 0
  let suppliers = 0
  return (
    <ProductWidgetSection
      testId="product-price-history-widget"
      title="Historique des prix"
      subtitle="Prix de base en dinars (hors liste de prix), et les prix relevés chez les fournisseurs surveillés."
      actions={
        <Button
          variant="secondary"
          size="small"
          data-testid="price-history-csv"
          disabled={downloading}
          onClick={download}
        >
          Télécharger CSV
        </Button>
      }
    >
      <ProductWidgetError message={error} />
      {chart && chart.points.length ? (
        <div
          style={{ width: "100%", height: 280 }}
          data-testid="price-history-chart"
        >
          <ResponsiveContainer>
            <LineChart
              data={chart.points}
              margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={["dataMin", "dataMax"]}
                tickFormatter={(t: number) => formatDate(new Date(t))}
                fontSize={12}
              />
              <YAxis
                tickFormatter={(v: number) => formatAmount(v, "tnd")}
                width={110}
                fontSize={12}
                domain={["auto", "auto"]}
              />
              <Tooltip
                labelFormatter={(t: number) => formatDate(new Date(t), true)}
                formatter={(v: number) => formatAmount(v, "tnd")}
              />
              <Legend />
              {chart.series.map((s) => (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.kind === "ours" ? `${s.label} (notre prix)` : s.label}
                  type="stepAfter"
                  stroke={
                    s.kind === "ours"
                      ? OUR_COLORS[ours++ % OUR_COLORS.length]
                      : SUPPLIER_COLORS[suppliers++ % SUPPLIER_COLORS.length]
                  }
                  strokeDasharray={s.kind === "supplier" ? "6 4" : undefined}
                  strokeWidth={2}
                  dot={s.kind === "supplier" ? { r: 2 } : false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : chart ? (
        <Text size="small" className="text-ui-fg-subtle">
          Aucun prix en dinars enregistré pour ce produit.
        </Text>
      ) : (
        <Text size="small">Chargement…</Text>
      )}

      <div className="mt-4">
        {page && page.rows.length ? (
          <Table data-testid="price-history-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Date</Table.HeaderCell>
                <Table.HeaderCell>Variante</Table.HeaderCell>
                <Table.HeaderCell>Ancien → nouveau</Table.HeaderCell>
                <Table.HeaderCell>Par</Table.HeaderCell>
                <Table.HeaderCell>Source</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {page.rows.map((r) => (
                <Table.Row key={r.id} data-testid="price-history-row">
                  <Table.Cell>{formatDate(r.changed_at, true)}</Table.Cell>
                  <Table.Cell>
                    {r.variant_sku ?? skuOf.get(r.variant_id) ?? r.variant_id}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {r.old_amount === null
                      ? "—"
                      : formatAmount(
                          Number(r.old_amount),
                          r.currency_code
                        )}{" "}
                    →{" "}
                    {r.new_amount === null
                      ? "—"
                      : formatAmount(Number(r.new_amount), r.currency_code)}
                    <span className="text-ui-fg-subtle ml-1 text-xs">
                      {CHANGE_LABEL[r.change] ?? r.change}
                      {r.price_list_id ? " · liste de prix" : ""}
                      {r.min_quantity ? ` · dès ${r.min_quantity}` : ""}
                    </span>
                  </Table.Cell>
                  <Table.Cell>{r.actor_email ?? r.actor ?? "—"}</Table.Cell>
                  <Table.Cell>{SOURCE_LABEL[r.source] ?? r.source}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : page ? (
          <Text size="small" className="text-ui-fg-subtle">
            Aucun changement de prix enregistré.
          </Text>
        ) : null}
        {page ? (
          <ProductWidgetPager
            count={page.count}
            limit={PAGE}
            offset={offset}
            onChange={setOffset}
          />
        ) : null}
      </div>
    </ProductWidgetSection>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default ProductPriceHistoryWidget
