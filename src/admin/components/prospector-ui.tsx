/**
 * Small pieces shared by the prospector screens (Prospects, Veille prix, Rapports): French labels for
 * the API's codes, a pager for server-side paged lists, a notice box, and Medusa-js error messages.
 */

import type { InputHTMLAttributes } from "react"

import { isArabic } from "../lib/format"
import { SelectOptions } from "./ui"

export const LEAD_STATUS_LABELS: Record<string, string> = {
  new: "Nouveau",
  contacted: "Contacté",
  qualified: "Qualifié",
  won: "Gagné",
  lost: "Perdu",
}

export const LEAD_BAND_LABELS: Record<string, string> = {
  high: "Élevé (70 et plus)",
  medium: "Moyen (40 à 69)",
  low: "Faible (moins de 40)",
}

export const LEAD_KIND_LABELS: Record<string, string> = {
  lead: "Garage / atelier",
  competitor: "Concurrent",
}

export const RUN_STATUS_LABELS: Record<string, string> = {
  running: "En cours",
  completed: "Terminée",
  failed: "Échouée",
  interrupted: "Interrompue",
}

export const RUN_TRIGGER_LABELS: Record<string, string> = {
  job: "Automatique",
  cli: "Ligne de commande",
  api: "Admin",
}

const BAND_CLASSES: Record<string, string> = {
  high: "bg-emerald-10 text-emerald-60",
  medium: "bg-orange-10 text-orange-60",
  low: "bg-grey-10 text-grey-60",
}

export const ScoreBadge = ({
  score,
  band,
}: {
  score: number
  band: string
}) => (
  <span
    className={`rounded-rounded px-xsmall py-[2px] inter-small-semibold ${BAND_CLASSES[band] ?? ""}`}
    title={LEAD_BAND_LABELS[band]}
  >
    {score}
  </span>
)

/** Text that may be Arabic: shown right-to-left when it is. */
export const MaybeArabic = ({
  text,
  className,
}: {
  text: string | null | undefined
  className?: string
}) =>
  isArabic(text) ? (
    <span dir="rtl" lang="ar" className={className}>
      {text}
    </span>
  ) : (
    <span className={className}>{text ?? "—"}</span>
  )

/** A labelled select from `[value, text]` pairs; `all` is the empty first choice ("Tous"; null: none). */
export const LabelledSelect = ({
  label,
  ariaLabel = label,
  name,
  value,
  onChange,
  options,
  all = "Tous",
  disabled,
}: {
  label: string
  ariaLabel?: string
  name: string
  value: string
  onChange: (v: string) => void
  options: Array<[string, string]>
  all?: string | null
  disabled?: boolean
}) => (
  <label className="flex flex-col inter-small-regular text-grey-50">
    {label}
    <select
      name={name}
      aria-label={ariaLabel}
      className="border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90 bg-grey-0"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
    >
      {all !== null && <option value="">{all}</option>}
      <SelectOptions items={options} />
    </select>
  </label>
)

/**
 * A labelled text input whose `onChange` gets the text; `className` is the label's, other props go to
 * the input.
 */
export const LabelledInput = ({
  label,
  ariaLabel = label,
  className = "flex flex-col inter-small-regular text-grey-50",
  onChange,
  ...input
}: {
  label: string
  ariaLabel?: string
  className?: string
  name: string
  value: string
  onChange: (v: string) => void
} & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "aria-label" | "className" | "onChange"
>) => (
  <label className={className}>
    {label}
    <input
      aria-label={ariaLabel}
      className="border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90"
      onChange={(e) => onChange(e.target.value)}
      {...input}
    />
  </label>
)

export {
  Card,
  errorMessage,
  Notice,
  Pager,
  SaveButton,
  SelectOptions,
} from "./ui"
