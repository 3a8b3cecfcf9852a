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
import { adminFetch } from "../../../lib/api"
import { formatDate, formatNumber } from "../../../lib/format"
import {
  SCORE_SIGNAL_LABELS,
  frenchScoreReason,
} from "../../../lib/prospector-score"

type Lead = {
  id: string
  place_id: string
  name: string
  phone: string | null
  website: string | null
  address: string | null
  city: string | null
  governorate: string | null
  latitude: number | null
  longitude: number | null
  rating: number | null
  review_count: number | null
  business_status: string | null
  maps_url: string | null
  first_seen_at: string
  last_seen_at: string
  fetched_at: string
  score: number
  score_band: string
  score_breakdown: Array<{
    signal: string
    points: number
    max: number
    reason: string
  }>
  kind: string
  status: string
  notes: string | null
  assignee: string | null
  status_history: Array<{
    id: string
    from_status: string | null
    to_status: string
    changed_by: string | null
    note: string | null
    created_at: string
  }>
}

const BUSINESS_STATUS: Record<string, string> = {
  OPERATIONAL: "En activité",
  CLOSED_TEMPORARILY: "Fermé temporairement",
  CLOSED_PERMANENTLY: "Fermé définitivement",
}

/** Google Maps: the place's own link, else its coordinates. */
function mapLink(l: Lead): string | null {
  if (l.maps_url && /^https?:\/\//.test(l.maps_url)) {
    return l.maps_url
  }
  if (l.latitude !== null && l.longitude !== null) {
    return `https://www.google.com/maps/search/?api=1&query=${l.latitude},${l.longitude}`
  }
  return null
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex py-xsmall border-b border-grey-10">
    <dt className="w-40 text-grey-50 shrink-0">{label}</dt>
    <dd className="text-grey-90">{children}</dd>
  </div>
)

const LeadWorkflow = ({
  lead,
  onSaved,
}: {
  lead: Lead
  onSaved: (l: Lead) => void
}) => {
  const [status, setStatus] = useState(lead.status)
  const [statusNote, setStatusNote] = useState("")
  const [notes, setNotes] = useState(lead.notes ?? "")
  const [assignee, setAssignee] = useState(lead.assignee ?? "")
  const [saving, setSaving] = useState(false)
  const [message, setMessage] = useState<{
    kind: "success" | "error"
    text: string
  } | null>(null)

  useEffect(() => {
    setStatus(lead.status)
    setNotes(lead.notes ?? "")
    setAssignee(lead.assignee ?? "")
  }, [lead.id, lead.status, lead.notes, lead.assignee])

  const save = async () => {
    setSaving(true)
    setMessage(null)
    const body: Record<string, unknown> = {}
    if (status !== lead.status) {
      body.status = status
      if (statusNote.trim()) {
        body.status_note = statusNote.trim()
      }
    }
    if (notes !== (lead.notes ?? "")) {
      body.notes = notes
    }
    if (assignee.trim() !== (lead.assignee ?? "")) {
      body.assignee = assignee.trim() || null
    }
    if (!Object.keys(body).length) {
      setSaving(false)
      setMessage({
        kind: "error",
        text: "Rien à enregistrer : aucun changement.",
      })
      return
    }
    try {
      const { lead: saved } = await adminFetch<{ lead: Lead }>(
        `/prospector/leads/${lead.id}`,
        { method: "POST", body }
      )
      setStatusNote("")
      setMessage({ kind: "success", text: "Modifications enregistrées." })
      onSaved(saved)
    } catch (e) {
      setMessage({ kind: "error", text: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-small inter-small-regular">
      <label className="flex flex-col text-grey-50">
        Statut
        <select
          name="status"
          aria-label="Statut"
          className="border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90 bg-grey-0"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          {Object.entries(LEAD_STATUS_LABELS).map(([v, t]) => (
            <option key={v} value={v}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {status !== lead.status && (
        <label className="flex flex-col text-grey-50">
          Note sur ce changement de statut
          <input
            name="status_note"
            aria-label="Note sur le changement de statut"
            className="border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90"
            value={statusNote}
            onChange={(e) => setStatusNote(e.target.value)}
            placeholder="Ex. : rappeler lundi, intéressé par les plaquettes"
          />
        </label>
      )}
      <label className="flex flex-col text-grey-50">
        Assigné à
        <input
          name="assignee"
          aria-label="Assigné à"
          className="border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90"
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          maxLength={200}
        />
      </label>
      <label className="flex flex-col text-grey-50">
        Notes
        <textarea
          name="notes"
          aria-label="Notes"
          rows={5}
          dir="auto"
          className="border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      <div>
        <button
          className="btn btn-primary btn-small"
          onClick={save}
          disabled={saving}
        >
          {saving ? "Enregistrement…" : "Enregistrer"}
        </button>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </div>
  )
}

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
                <a
                  href={lead.website}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-violet-60"
                >
                  {lead.website}
                </a>
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
                ? (BUSINESS_STATUS[lead.business_status] ??
                  lead.business_status)
                : "—"}
            </Row>
            <Row label="Carte">
              {map ? (
                <a
                  href={map}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-violet-60"
                  data-testid="map-link"
                >
                  Voir sur Google Maps
                </a>
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
        <table
          className="w-full inter-small-regular"
          data-testid="score-breakdown"
        >
          <thead>
            <tr className="text-grey-50 text-left border-b border-grey-20">
              <th className="py-xsmall">Critère</th>
              <th className="text-right">Points</th>
              <th className="text-right">Sur</th>
              <th className="pl-base">Pourquoi</th>
            </tr>
          </thead>
          <tbody>
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
                <td className="text-right text-grey-50">
                  {formatNumber(b.max)}
                </td>
                <td className="pl-base">{frenchScoreReason(b.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
