import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import { formatDate, formatNumber } from "../lib/format"

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
    <div style={{ width: "100%", height: 260 }} data-testid="orion-fan-chart">
      <ResponsiveContainer>
        <ComposedChart
          data={points}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis
            dataKey="period"
            tickFormatter={(v: string) => formatDate(v)}
            minTickGap={24}
            fontSize={11}
          />
          <YAxis allowDecimals={false} fontSize={11} width={32} />
          <Tooltip
            labelFormatter={(v: string) => `Semaine du ${formatDate(v)}`}
            formatter={(value: number | number[], name: string) =>
              Array.isArray(value)
                ? [
                    `${formatNumber(value[0])} à ${formatNumber(value[1])}`,
                    name,
                  ]
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
          <Line
            type="monotone"
            dataKey="ventes"
            name="Ventes"
            stroke="#111827"
            dot={false}
            strokeWidth={1.5}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="prevision"
            name="Prévision (moyenne)"
            stroke="#2563eb"
            strokeDasharray="5 3"
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
