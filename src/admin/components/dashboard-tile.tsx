import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"

/** One figure of the dashboard: a title, a big value, a line under it, and the screen it opens. */
export const DashboardTile = ({
  title,
  value,
  hint,
  to,
  linkLabel,
  testId,
}: {
  title: string
  value: ReactNode
  hint?: ReactNode
  to: string
  linkLabel: string
  testId: string
}) => {
  return (
    <Container className="flex flex-col gap-y-2 p-6" data-testid={testId}>
      <Text size="small" className="text-ui-fg-subtle">
        {title}
      </Text>
      <Heading level="h2" className="text-2xl" data-testid={`${testId}-value`}>
        {value}
      </Heading>
      {hint ? (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      ) : null}
      <Link
        to={to}
        className="text-ui-fg-interactive text-sm hover:underline mt-auto"
      >
        {linkLabel} →
      </Link>
    </Container>
  )
}

/** A titled panel of the dashboard with a link to the full screen. */
export const DashboardPanel = ({
  title,
  to,
  linkLabel,
  children,
  testId,
}: {
  title: string
  to: string
  linkLabel: string
  children: ReactNode
  testId: string
}) => {
  return (
    <Container className="p-6" data-testid={testId}>
      <div className="flex items-center justify-between mb-4">
        <Heading level="h2">{title}</Heading>
        <Link
          to={to}
          className="text-ui-fg-interactive text-sm hover:underline"
        >
          {linkLabel} →
        </Link>
      </div>
      {children}
    </Container>
  )
}

/** A line of a dashboard panel's list: what it is on the left, `aside` (a date, a quantity) on the right. */
export const DashboardListItem = ({
  aside,
  children,
}: {
  aside: ReactNode
  children: ReactNode
}) => (
  <li className="flex items-center justify-between gap-x-2">
    {children}
    <Text size="small" className="text-ui-fg-subtle whitespace-nowrap">
      {aside}
    </Text>
  </li>
)
