/**
 * Building blocks of the product page widgets (brand, fitment, part numbers, price history): the card with
 * its French title, a pager for server-side paged lists, and an error line showing the API's own message.
 */
import { Button, Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { errorMessage, pageRange, PagerButtons, SelectOptions } from "./ui"
import type { PagerButton, PagerProps } from "./ui"

export const ProductWidgetSection = ({
  title,
  subtitle,
  actions,
  testId,
  children,
}: {
  title: string
  subtitle?: ReactNode
  actions?: ReactNode
  testId: string
  children: ReactNode
}) => (
  <Container data-testid={testId}>
    <div className="mb-4 flex items-start justify-between gap-x-4">
      <div>
        <Heading level="h2">{title}</Heading>
        {subtitle ? (
          <Text className="text-ui-fg-subtle mt-1" size="small">
            {subtitle}
          </Text>
        ) : null}
      </div>
      {actions ? (
        <div className="flex items-center gap-x-2">{actions}</div>
      ) : null}
    </div>
    {children}
  </Container>
)

const pagerButton: PagerButton = (props) => (
  <button
    type="button"
    className="rounded border px-2 py-1 disabled:opacity-40"
    {...props}
  />
)

/** "21–40 sur 312" with previous/next buttons; `onChange(offset)`. */
export const ProductWidgetPager = (props: PagerProps) =>
  props.count <= props.limit ? null : (
    <div className="text-ui-fg-subtle mt-3 flex items-center justify-end gap-x-3 text-sm">
      <span>{pageRange(props)}</span>
      <PagerButtons {...props} button={pagerButton} />
    </div>
  )

/** The refusal of the API (or any error) in one red line. */
export const ProductWidgetError = ({
  message,
  testId,
}: {
  message: string | null
  testId?: string
}) =>
  message ? (
    <p
      role="alert"
      data-testid={testId}
      className="text-ui-fg-error mt-2 text-sm"
    >
      {message}
    </p>
  ) : null

export { errorMessage }

/** Classes of the native inputs and selects of the widgets (native controls: keyboard- and test-friendly). */
export const fieldClass =
  "bg-ui-bg-field border-ui-border-base rounded-md border px-2 py-1.5 text-sm"

/** "Retirer", then "Confirmer le retrait" on the same spot: a removal takes two clicks, no browser dialog. */
export const ProductWidgetRemoveButton = ({
  armed,
  busy,
  onArm,
  onConfirm,
}: {
  armed: boolean
  busy: boolean
  onArm: () => void
  onConfirm: () => void
}) =>
  armed ? (
    <Button size="small" variant="danger" disabled={busy} onClick={onConfirm}>
      Confirmer le retrait
    </Button>
  ) : (
    <Button size="small" variant="transparent" onClick={onArm}>
      Retirer
    </Button>
  )

/** A labelled native select from [value, text] pairs; `placeholder` adds an empty first choice. */
export const ProductWidgetSelect = ({
  label,
  testId,
  value,
  onChange,
  options,
  disabled,
  placeholder,
  className = "w-full",
}: {
  label: string
  testId: string
  value: string
  onChange: (value: string) => void
  options: [string, string][]
  disabled?: boolean
  placeholder?: string
  className?: string
}) => (
  <label className="text-ui-fg-subtle text-xs">
    {label}
    <select
      data-testid={testId}
      className={`${fieldClass} mt-1 ${className}`}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    >
      {placeholder !== undefined ? (
        <option value="">{placeholder}</option>
      ) : null}
      <SelectOptions items={options} />
    </select>
  </label>
)
