import { Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import { adminFetch } from "../lib/api"
import { formatDate, formatNumber } from "../lib/format"
import { CHART_GRID, CHART_MARGIN, ChartFrame, dateTick } from "./chart-frame"
import { errorMessage, Notice } from "./ui"
// the scores as the server computes them (a type only: nothing of the server is bundled)
import type {
  AccuracyFigures as Figures,
  Degradation,
} from "../../../plugins/orion/src/lib/accuracy"

type RunAccuracy = {
  run_id: string
  frequency: "week" | "month"
  horizon: number
  forecast_start: string
  evaluated_through: string
  periods_evaluated: number
  overall: Figures
  holdout: { wql: number | null; windows: number } | null
}
type Worst = {
  variant_id: string
  product_id: string | null
  sku: string | null
  title: string | null
  periods: number
  forecast_total: number
  actual_total: number
  abs_error: number
}
type Overview = {
  frequency: "week" | "month"
  runs: RunAccuracy[]
  latest: { run_id: string; by_segment: Record<string, Figures> } | null
  worst: Worst[]
  degradation: Degradation
}

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : `${formatNumber(x * 100)} %`

const SEGMENTS: Record<string, string> = {
  smooth: "ventes régulières",
  erratic: "ventes régulières mais de taille variable",
  intermittent: "ventes occasionnelles",
  lumpy: "ventes rares et par lots",
  short: "historique court",
  none: "aucune vente avant la prévision",
}

/** The latest scored run in one or two sentences of plain French. */
function summary(r: RunAccuracy): string {
  const o = r.overall
  const unit =
    r.frequency === "week"
      ? r.periods_evaluated > 1
        ? "semaines"
        : "semaine"
      : "mois"
  const parts = [
    `Prévision du ${formatDate(r.forecast_start)}, comparée aux ventes de ses ${formatNumber(r.periods_evaluated)} premières ${unit} :`,
  ]
  if (o.coverage !== null) {
    parts.push(
      `${pct(o.coverage)} des ventes sont tombées dans la fourchette prévue (on vise 80 %)`
    )
  }
  if (o.relative_bias !== null) {
    const b = o.relative_bias
    parts.push(
      Math.abs(b) < 0.05
        ? "au total, les prévisions tombaient juste"
        : `au total, les prévisions étaient trop ${b > 0 ? "hautes" : "basses"} de ${pct(Math.abs(b))}`
    )
  }
  if (o.mape_regular !== null) {
    parts.push(
      `écart moyen de ${pct(o.mape_regular)} sur les pièces qui se vendent régulièrement (objectif : moins de 30 % ; elles sont ${formatNumber(o.mape_parts)}, soit ${pct(o.mape_share)} des pièces)`
    )
  } else {
    parts.push(
      "aucune pièce ne se vend assez régulièrement pour mesurer un écart en pourcentage"
    )
  }
  return `${parts[0]} ${parts.slice(1).join(" ; ")}.`
}

/**
 * Réassort: were the past forecasts right? Accuracy over the last scored runs (chart), the latest one in plain
 * French with its figures in a details line, the parts whose forecasts were furthest off, and the degradation alert.
 */
/** The three lines of the accuracy chart, in the legend's order. */
const LINES = [
  {
    dataKey: "erreur",
    name: "Erreur des prévisions (plus bas = mieux)",
    stroke: "#dc2626",
  },
  {
    dataKey: "fourchette",
    name: "Ventes dans la fourchette (objectif 80 %)",
    stroke: "#16a34a",
  },
  {
    dataKey: "regulieres",
    name: "Écart sur les pièces régulières",
    stroke: "#2563eb",
  },
]

export const ReassortAccuracy = ({ version }: { version: number }) => {
  const [data, setData] = useState<Overview | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    adminFetch<Overview>("/orion/accuracy", { query: { limit: 12 } })
      .then((r) => live && (setData(r), setError(null)))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [version])

  if (error) {
    return <Notice kind="error">{error}</Notice>
  }
  if (!data) {
    return (
      <Text className="text-ui-fg-subtle">
        Chargement de la précision des prévisions…
      </Text>
    )
  }
  const latest = data.runs.length ? data.runs[data.runs.length - 1] : null
  const points = data.runs.map((r) => ({
    date: r.forecast_start,
    erreur:
      r.overall.wql === null ? null : Math.round(r.overall.wql * 1000) / 10,
    fourchette:
      r.overall.coverage === null
        ? null
        : Math.round(r.overall.coverage * 1000) / 10,
    regulieres:
      r.overall.mape_regular === null
        ? null
        : Math.round(r.overall.mape_regular * 1000) / 10,
  }))
  const d = data.degradation
  const degradedRun = d.degraded
    ? data.runs.find((r) => r.run_id === d.run_id)
    : null
  return (
    <div className="flex flex-col gap-y-3" data-testid="reassort-accuracy">
      <div>
        <Heading level="h2">
          Les prévisions passées étaient-elles justes ?
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Chaque prévision est comparée aux ventes réelles une fois ses semaines
          passées.
        </Text>
      </div>
      {d.degraded ? (
        <div data-testid="accuracy-alert">
          <Notice kind="warning">
            Les prévisions se dégradent : l'erreur de la prévision du{" "}
            {degradedRun ? formatDate(degradedRun.forecast_start) : "—"} est{" "}
            {pct(d.change)} plus élevée que la moyenne des{" "}
            {formatNumber(d.baseline_runs)} précédentes (alerte au-delà de{" "}
            {pct(d.threshold)}). Vérifiez les ventes importées et les pièces
            ci-dessous.
          </Notice>
        </div>
      ) : null}
      {!latest ? (
        <Text className="text-ui-fg-subtle" data-testid="accuracy-empty">
          Pas encore de comparaison : il faut qu'une prévision ait au moins une
          semaine derrière elle. Elle sera faite au prochain lancement.
        </Text>
      ) : (
        <>
          <Text data-testid="accuracy-summary">{summary(latest)}</Text>
          <ChartFrame height={240} testId="accuracy-chart">
            <LineChart data={points} margin={CHART_MARGIN}>
              <CartesianGrid {...CHART_GRID} />
              <XAxis dataKey="date" tickFormatter={dateTick} fontSize={11} />
              <YAxis unit=" %" fontSize={11} width={48} />
              <Tooltip
                labelFormatter={(v: string) => `Prévision du ${formatDate(v)}`}
                formatter={(v: number, name: string) => [
                  `${formatNumber(v, 1)} %`,
                  name,
                ]}
              />
              <Legend />
              <ReferenceLine y={80} stroke="#16a34a" strokeDasharray="2 4" />
              {LINES.map((l) => (
                <Line
                  key={l.dataKey}
                  type="monotone"
                  dataKey={l.dataKey}
                  name={l.name}
                  stroke={l.stroke}
                  strokeWidth={2}
                  isAnimationActive={false}
                  connectNulls
                />
              ))}
            </LineChart>
          </ChartFrame>
          {data.latest ? (
            <Text
              size="small"
              className="text-ui-fg-subtle"
              data-testid="accuracy-by-class"
            >
              Par type de pièce :{" "}
              {Object.entries(data.latest.by_segment)
                .filter(([, f]) => f.wql !== null)
                .map(
                  ([s, f]) =>
                    `${SEGMENTS[s] ?? s} ${pct(f.coverage)} dans la fourchette`
                )
                .join(" · ")}
            </Text>
          ) : null}
          <Text
            size="xsmall"
            className="text-ui-fg-muted"
            data-testid="accuracy-details"
          >
            Détails : WQL {formatNumber(latest.overall.wql, 3)} · MASE{" "}
            {formatNumber(latest.overall.mase, 2)} · biais{" "}
            {formatNumber(latest.overall.bias, 3)} par pièce et par période ·
            couverture p10–p90 {pct(latest.overall.coverage)} · MAPE (classes
            smooth et erratic, périodes avec ventes){" "}
            {pct(latest.overall.mape_regular)} ·{" "}
            {formatNumber(latest.overall.parts)} pièces,{" "}
            {formatNumber(latest.overall.periods)} pièces × périodes
            {latest.holdout?.wql !== null && latest.holdout?.wql !== undefined
              ? ` · score de sélection sur données mises de côté (méthode choisie sur les fenêtres antérieures, mesurée sur la dernière) : WQL ${formatNumber(latest.holdout.wql, 3)}`
              : ""}
          </Text>
          {data.worst.length ? (
            <Table data-testid="accuracy-worst">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>
                    Pièces les moins bien prévues
                  </Table.HeaderCell>
                  <Table.HeaderCell className="text-right">
                    Prévu
                  </Table.HeaderCell>
                  <Table.HeaderCell className="text-right">
                    Vendu
                  </Table.HeaderCell>
                  <Table.HeaderCell className="text-right">
                    Écart cumulé
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.worst.map((w) => (
                  <Table.Row
                    key={w.variant_id}
                    data-testid="accuracy-worst-row"
                  >
                    <Table.Cell>
                      {w.product_id ? (
                        <Link
                          to={`/a/products/${w.product_id}`}
                          className="text-ui-fg-interactive hover:underline"
                        >
                          {w.title ?? w.sku}
                        </Link>
                      ) : (
                        (w.title ?? w.sku)
                      )}
                      <span className="text-ui-fg-subtle text-xs">
                        {" "}
                        {w.sku}
                      </span>
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      {formatNumber(w.forecast_total, 1)}
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      {formatNumber(w.actual_total)}
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      {formatNumber(w.abs_error, 1)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : null}
        </>
      )}
    </div>
  )
}
