import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import { formatDate, formatNumber } from "../lib/format"
import { CHART_GRID, CHART_MARGIN, ChartFrame, dateTick } from "./chart-frame"

/** The sales and the mean forecast, drawn over the probable range. */
const LINES: Array<{
  dataKey: string
  name: string
  stroke: string
  strokeWidth: number
  strokeDasharray?: string
}> = [
  { dataKey: "ventes", name: "Ventes", stroke: "#111827", strokeWidth: 1.5 },
  {
    dataKey: "prevision",
    name: "Prévision (moyenne)",
    stroke: "#2563eb",
    strokeDasharray: "5 3",
    strokeWidth: 2,
  },
]

export type ForecastPeriod = {
  period_start: string
  mean: number
  p10: number
  p50: number
  p90: number
}
export type HistoryPeriod = { period_start: string; qty: number }

type Point = {
  period: string
  ventes?: number
  prevision?: number
  fourchette?: [number, number]
}

/**
 * Fan chart of one part's demand: sales per period (history), then the forecast mean and the
 * p10–p90 band (8 chances out of 10 that the sales fall in it). The last sales point joins the forecast.
 */
export const OrionForecastChart = ({
  history,
  periods,
}: {
  history: HistoryPeriod[]
  periods: ForecastPeriod[]
}) => {
  const points: Point[] = history.map((h) => ({
    period: h.period_start,
    ventes: h.qty,
  }))
  if (points.length && periods.length) {
    const last = points[points.length - 1]
    last.prevision = last.ventes
    last.fourchette = [last.ventes as number, last.ventes as number]
  }
  for (const p of periods) {
    points.push({
      period: p.period_start,
      prevision: Math.round(p.mean * 100) / 100,
      fourchette: [p.p10, p.p90],
    })
  }
  return (
    <ChartFrame height={260} testId="orion-fan-chart">
      <ComposedChart data={points} margin={CHART_MARGIN}>
        <CartesianGrid {...CHART_GRID} />
        <XAxis
          dataKey="period"
          tickFormatter={dateTick}
          minTickGap={24}
          fontSize={11}
        />
        <YAxis allowDecimals={false} fontSize={11} width={32} />
        <Tooltip
          labelFormatter={(v: string) => `Semaine du ${formatDate(v)}`}
          formatter={(value: number | number[], name: string) =>
            Array.isArray(value)
              ? [`${formatNumber(value[0])} à ${formatNumber(value[1])}`, name]
              : [formatNumber(value, 1), name]
          }
        />
        <Legend />
        <Area
          type="monotone"
          dataKey="fourchette"
          name="Fourchette probable (8 chances sur 10)"
          stroke="none"
          fill="#93c5fd"
          fillOpacity={0.45}
          isAnimationActive={false}
        />
        {LINES.map((l) => (
          <Line
            key={l.dataKey}
            type="monotone"
            dot={false}
            isAnimationActive={false}
            {...l}
          />
        ))}
      </ComposedChart>
    </ChartFrame>
  )
}
