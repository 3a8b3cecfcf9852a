/**
 * The frame of our recharts charts (Réassort's accuracy, the variant's forecast fan): a full-width box of a
 * fixed height that the chart fills, and the margin, grid and date ticks they share.
 */
import type { ReactElement } from "react"
import { ResponsiveContainer } from "recharts"
import { formatDate } from "../lib/format"

export const ChartFrame = ({
  height,
  testId,
  children,
}: {
  height: number
  testId: string
  children: ReactElement
}) => (
  <div style={{ width: "100%", height }} data-testid={testId}>
    <ResponsiveContainer>{children}</ResponsiveContainer>
  </div>
)

export const CHART_MARGIN = { top: 8, right: 16, bottom: 0, left: 0 }

/** The props of the charts' `<CartesianGrid>`. */
export const CHART_GRID = { strokeDasharray: "3 3", stroke: "#e5e7eb" }

/** An x-axis tick of a date: "03/12/2026". */
export const dateTick = (v: string) => formatDate(v)
