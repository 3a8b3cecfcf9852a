import type { ReactElement, ReactNode } from "react"
import { formatNumber } from "../lib/format"

/**
 * The small pieces every admin screen of ours uses: error text, notices, the pager of server-paged
 * lists, the card around a section.
 */

/** The message of an error thrown by adminFetch or by a medusa-react hook (axios). */
export function errorMessage(error: unknown): string {
  const e = error as any
  return e?.response?.data?.message ?? e?.message ?? "Erreur inconnue"
}

export const Notice = ({
  kind = "info",
  children,
}: {
  kind?: "info" | "error" | "warning" | "success"
  children: ReactNode
}) => {
  const classes = {
    info: "bg-blue-5 border-blue-20 text-grey-90",
    error: "bg-rose-5 border-rose-20 text-rose-60",
    warning: "bg-orange-5 border-orange-20 text-grey-90",
    success: "bg-emerald-5 border-emerald-20 text-grey-90",
  }[kind]
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      className={`border rounded-rounded px-base py-small inter-small-regular mb-base ${classes}`}
    >
      {children}
    </div>
  )
}

/** `<option>`s of a select, from `[value, text]` pairs. */
export const SelectOptions = ({
  items,
}: {
  items: Array<[string, string]>
}) => (
  <>
    {items.map(([value, text]) => (
      <option key={value} value={value}>
        {text}
      </option>
    ))}
  </>
)

/** The props of a pager of server-paged lists: `onChange(offset)` turns the page. */
export type PagerProps = {
  count: number
  limit: number
  offset: number
  onChange: (offset: number) => void
}

/** "21–40 sur 312": the place of a page in a server-paged list. */
export const pageRange = ({
  count,
  limit,
  offset,
}: Pick<PagerProps, "count" | "limit" | "offset">) =>
  `${formatNumber(offset + 1)}–${formatNumber(Math.min(offset + limit, count))} sur ${formatNumber(count)}`

/** Draws one button of a pager in the screen's own style. */
export type PagerButton = (props: {
  disabled: boolean
  onClick: () => void
  children: string
}) => ReactElement

/** The "Précédent" and "Suivant" of a pager, each drawn by `button`. */
export const PagerButtons = ({
  count,
  limit,
  offset,
  onChange,
  button,
}: PagerProps & { button: PagerButton }) => (
  <>
    {button({
      disabled: offset === 0,
      onClick: () => onChange(Math.max(0, offset - limit)),
      children: "Précédent",
    })}
    {button({
      disabled: offset + limit >= count,
      onClick: () => onChange(offset + limit),
      children: "Suivant",
    })}
  </>
)

const pagerButton: PagerButton = (props) => (
  <button type="button" className="btn btn-secondary btn-small" {...props} />
)

export const Pager = (props: PagerProps) => (
  <div
    className="flex items-center justify-between mt-base inter-small-regular text-grey-50"
    data-testid="pager"
  >
    <span>{props.count === 0 ? "Aucun résultat" : pageRange(props)}</span>
    <div className="flex gap-x-small">
      <PagerButtons {...props} button={pagerButton} />
    </div>
  </div>
)

/** A list table: its header row's cells (`head`), then its rows. */
export const ListTable = ({
  testId,
  head,
  children,
}: {
  testId: string
  head: ReactNode
  children: ReactNode
}) => (
  <table className="w-full inter-small-regular" data-testid={testId}>
    <thead>
      <tr className="text-grey-50 text-left border-b border-grey-20">{head}</tr>
    </thead>
    <tbody>{children}</tbody>
  </table>
)

export const Card = ({
  title,
  actions,
  children,
}: {
  title: string
  actions?: ReactNode
  children: ReactNode
}) => (
  <section className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large mb-base">
    <div className="flex items-center justify-between mb-base">
      <h2 className="inter-large-semibold">{title}</h2>
      <div className="flex gap-x-small">{actions}</div>
    </div>
    {children}
  </section>
)

/** A primary button, disabled and reading `busyText` while its action runs. */
export const BusyButton = ({
  busy,
  onClick,
  text,
  busyText,
  className,
}: {
  busy: boolean
  onClick: () => void
  text: string
  busyText: string
  className?: string
}) => (
  <button
    className={`btn btn-primary btn-small${className ? ` ${className}` : ""}`}
    onClick={onClick}
    disabled={busy}
  >
    {busy ? busyText : text}
  </button>
)

/** The primary "Enregistrer" button of a form, "Enregistrement…" while it saves. */
export const SaveButton = ({
  saving,
  onClick,
}: {
  saving: boolean
  onClick: () => void
}) => (
  <BusyButton
    busy={saving}
    onClick={onClick}
    text="Enregistrer"
    busyText="Enregistrement…"
  />
)

/** A link opened in a new tab, without giving that page a hold on ours. */
export const ExternalLink = ({
  href,
  title,
  testId,
  children,
}: {
  href: string
  title?: string
  testId?: string
  children: ReactNode
}) => (
  <a
    href={href}
    target="_blank"
    rel="noopener noreferrer"
    className="text-violet-60"
    title={title}
    data-testid={testId}
  >
    {children}
  </a>
)
