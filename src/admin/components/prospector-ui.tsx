/**
 * Small pieces shared by the prospector screens (Prospects, Veille prix, Rapports): French labels for
 * the API's codes, a pager for server-side paged lists, a notice box, and Medusa-js error messages.
 */
import type { ReactNode } from "react"

import { formatNumber, isArabic } from "../lib/format"

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

export const LEAD_KIND_LABELS: Record<string, string> = { lead: "Garage / atelier", competitor: "Concurrent" }

export const RUN_STATUS_LABELS: Record<string, string> = {
  running: "En cours",
  completed: "Terminée",
  failed: "Échouée",
  interrupted: "Interrompue",
}

export const RUN_TRIGGER_LABELS: Record<string, string> = { job: "Automatique", cli: "Ligne de commande", api: "Admin" }

const BAND_CLASSES: Record<string, string> = {
  high: "bg-emerald-10 text-emerald-60",
  medium: "bg-orange-10 text-orange-60",
  low: "bg-grey-10 text-grey-60",
}

export const ScoreBadge = ({ score, band }: { score: number; band: string }) => (
  <span className={`rounded-rounded px-xsmall py-[2px] inter-small-semibold ${BAND_CLASSES[band] ?? ""}`} title={LEAD_BAND_LABELS[band]}>
    {score}
  </span>
)

/** Text that may be Arabic: shown right-to-left when it is. */
export const MaybeArabic = ({ text, className }: { text: string | null | undefined; className?: string }) =>
  isArabic(text) ? (
    <span dir="rtl" lang="ar" className={className}>
      {text}
    </span>
  ) : (
    <span className={className}>{text ?? "—"}</span>
  )

export const Notice = ({ kind = "info", children }: { kind?: "info" | "error" | "warning" | "success"; children: ReactNode }) => {
  const classes = {
    info: "bg-blue-5 border-blue-20 text-grey-90",
    error: "bg-rose-5 border-rose-20 text-rose-60",
    warning: "bg-orange-5 border-orange-20 text-grey-90",
    success: "bg-emerald-5 border-emerald-20 text-grey-90",
  }[kind]
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`border rounded-rounded px-base py-small inter-small-regular mb-base ${classes}`}>
      {children}
    </div>
  )
}

export const Pager = ({
  count,
  limit,
  offset,
  onChange,
}: {
  count: number
  limit: number
  offset: number
  onChange: (offset: number) => void
}) => (
  <div className="flex items-center justify-between mt-base inter-small-regular text-grey-50" data-testid="pager">
    <span>
      {count === 0 ? "Aucun résultat" : `${formatNumber(offset + 1)}–${formatNumber(Math.min(offset + limit, count))} sur ${formatNumber(count)}`}
    </span>
    <div className="flex gap-x-small">
      <button className="btn btn-secondary btn-small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        Précédent
      </button>
      <button className="btn btn-secondary btn-small" disabled={offset + limit >= count} onClick={() => onChange(offset + limit)}>
        Suivant
      </button>
    </div>
  </div>
)

/** The message of an error thrown by adminFetch or by a medusa-react hook (axios). */
export function errorMessage(error: unknown): string {
  const e = error as any
  return e?.response?.data?.message ?? e?.message ?? "Erreur inconnue"
}

export const Card = ({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) => (
  <section className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large mb-base">
    <div className="flex items-center justify-between mb-base">
      <h2 className="inter-large-semibold">{title}</h2>
      <div className="flex gap-x-small">{actions}</div>
    </div>
    {children}
  </section>
)
