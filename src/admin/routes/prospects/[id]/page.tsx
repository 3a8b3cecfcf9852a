import { useAdminCustomQuery } from "medusa-react"
import { type ReactNode, useEffect, useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"

import {
  LEAD_BAND_LABELS,
  LEAD_KIND_LABELS,
  LEAD_STATUS_LABELS,
  MaybeArabic,
  Notice,
  ScoreBadge,
  errorMessage,
} from "../../../components/prospector-ui"
import { ExternalLink, ListTable } from "../../../components/ui"
import { LeadWorkflow } from "../../../components/prospector-lead-workflow"
import { formatDate, formatNumber } from "../../../lib/format"
import {
  BUSINESS_STATUS_LABELS,
  type Lead,
  mapLink,
} from "../../../lib/prospector-lead"
import {
  SCORE_SIGNAL_LABELS,
  frenchScoreReason,
} from "../../../lib/prospector-score"

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex py-xsmall border-b border-grey-10">
    <dt className="w-40 text-grey-50 shrink-0">{label}</dt>
    <dd className="text-grey-90">{children}</dd>
  </div>
)

const LeadDetailPage = () => {
  const { id } = useParams()
  const navigate = useNavigate()
  const { data, error, isLoading, refetch } = useAdminCustomQuery<
    Record<string, never>,
    { lead: Lead }
  >(`/prospector/leads/${id}`, ["prospector-lead", id], undefined, {
    staleTime: 0,
  })
  const [lead, setLead] = useState<Lead | null>(null)
  useEffect(() => {
    if (data?.lead) {
      setLead(data.lead)
    }
  }, [data])

  if (error) {
    return (
      <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large">
        <Link to="/a/prospects" className="text-violet-60 inter-small-regular">
          ← Prospects
        </Link>
        <Notice kind="error">{errorMessage(error)}</Notice>
      </div>
    )
  }
  if (isLoading || !lead) {
    return <p className="inter-small-regular text-grey-50">Chargement…</p>
  }
  const map = mapLink(lead)
  return (
    <div className="flex flex-col gap-y-base">
      <button
        className="text-violet-60 inter-small-regular text-left"
        onClick={() =>
          window.history.length > 1 ? navigate(-1) : navigate("/a/prospects")
        }
      >
        ← Prospects
      </button>
      <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large">
        <div className="flex items-center gap-x-small mb-small">
          <h1 className="inter-xlarge-semibold">
            <MaybeArabic text={lead.name} />
          </h1>
          <ScoreBadge score={lead.score} band={lead.score_band} />
          <span className="inter-small-regular text-grey-50">
            {LEAD_KIND_LABELS[lead.kind] ?? lead.kind} ·{" "}
            {LEAD_STATUS_LABELS[lead.status] ?? lead.status}
          </span>
        </div>
        <div className="grid grid-cols-2 gap-x-xlarge">
          <dl className="inter-small-regular">
            <Row label="Adresse">
              <MaybeArabic text={lead.address} />
            </Row>
            <Row label="Ville">
              {[lead.city, lead.governorate].filter(Boolean).join(" — ") || "—"}
            </Row>
            <Row label="Téléphone">
              {lead.phone ? (
                <a
                  href={`tel:${lead.phone}`}
                  dir="ltr"
                  className="text-violet-60"
                >
                  {lead.phone}
                </a>
              ) : (
                "—"
              )}
            </Row>
            <Row label="Site web">
              {lead.website && /^https?:\/\//.test(lead.website) ? (
                <ExternalLink href={lead.website}>{lead.website}</ExternalLink>
              ) : (
                "—"
              )}
            </Row>
            <Row label="Note Google">
              {lead.rating !== null
                ? `${formatNumber(lead.rating, 1)} / 5 (${formatNumber(lead.review_count ?? 0)} avis)`
                : "—"}
            </Row>
            <Row label="Activité">
              {lead.business_status
                ? (BUSINESS_STATUS_LABELS[lead.business_status] ??
                  lead.business_status)
                : "—"}
            </Row>
            <Row label="Carte">
              {map ? (
                <ExternalLink href={map} testId="map-link">
                  Voir sur Google Maps
                </ExternalLink>
              ) : (
                "—"
              )}
            </Row>
            <Row label="Trouvé le">{formatDate(lead.first_seen_at, true)}</Row>
            <Row label="Vu la dernière fois">
              {formatDate(lead.last_seen_at, true)}
            </Row>
          </dl>
          <LeadWorkflow
            lead={lead}
            onSaved={(l) => {
              setLead(l)
              void refetch()
            }}
          />
        </div>
      </div>
      <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large">
        <h2 className="inter-large-semibold mb-small">
          Score : {lead.score} / 100 —{" "}
          {LEAD_BAND_LABELS[lead.score_band] ?? lead.score_band}
        </h2>
        <ListTable
          testId="score-breakdown"
          head={
            <>
              <th className="py-xsmall">Critère</th>
              <th className="text-right">Points</th>
              <th className="text-right">Sur</th>
              <th className="pl-base">Pourquoi</th>
            </>
          }
        >
          {(lead.score_breakdown ?? []).map((b, i) => (
            <tr key={`${b.signal}-${i}`} className="border-b border-grey-10">
              <td className="py-xsmall">
                {SCORE_SIGNAL_LABELS[b.signal] ?? b.signal}
              </td>
              <td
                className={`text-right ${b.points < 0 ? "text-rose-50" : ""}`}
              >
                {formatNumber(b.points, 1)}
              </td>
              <td className="text-right text-grey-50">{formatNumber(b.max)}</td>
              <td className="pl-base">{frenchScoreReason(b.reason)}</td>
            </tr>
          ))}
        </ListTable>
      </div>
      <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large">
        <h2 className="inter-large-semibold mb-small">
          Historique des statuts
        </h2>
        {lead.status_history.length === 0 ? (
          <p className="inter-small-regular text-grey-50">
            Aucun changement de statut.
          </p>
        ) : (
          <ul className="inter-small-regular" data-testid="status-history">
            {lead.status_history.map((h) => (
              <li key={h.id} className="py-xsmall border-b border-grey-10">
                {formatDate(h.created_at, true)} :{" "}
                {h.from_status
                  ? (LEAD_STATUS_LABELS[h.from_status] ?? h.from_status)
                  : "—"}{" "}
                →{" "}
                <strong>
                  {LEAD_STATUS_LABELS[h.to_status] ?? h.to_status}
                </strong>
                {h.note && (
                  <>
                    {" "}
                    — <MaybeArabic text={h.note} />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

export default LeadDetailPage
