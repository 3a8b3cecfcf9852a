import type { RouteConfig } from "@medusajs/admin"
import { Users } from "@medusajs/icons"
import { useAdminCustomQuery } from "medusa-react"
import { useEffect, useMemo, useRef, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"

import { ProspectorSearchRuns } from "../../components/prospector-search-runs"
import {
  LEAD_BAND_LABELS,
  LEAD_KIND_LABELS,
  LEAD_STATUS_LABELS,
  LabelledInput,
  LabelledSelect,
  MaybeArabic,
  Notice,
  Pager,
  ScoreBadge,
  errorMessage,
} from "../../components/prospector-ui"
import { BusyButton, ListTable } from "../../components/ui"
import { downloadAdminFile } from "../../lib/api"
import { formatDate, formatNumber } from "../../lib/format"

type Lead = {
  id: string
  name: string
  phone: string | null
  city: string | null
  governorate: string | null
  score: number
  score_band: string
  kind: string
  status: string
  rating: number | null
  review_count: number | null
  assignee: string | null
  first_seen_at: string
}
type LeadList = { leads: Lead[]; count: number; limit: number; offset: number }
type Facet = { value: string; count: number }
type Facets = { facets: Record<"city" | "governorate" | "assignee", Facet[]> }

const PAGE_SIZE = 50

/** The list's filters, kept in the address (so the detail page's "back" keeps them). */
const FILTER_KEYS = [
  "q",
  "city",
  "governorate",
  "band",
  "status",
  "kind",
  "assignee",
  "order",
] as const

const SORTS: Array<[string, string]> = [
  ["-score", "Score (meilleur d'abord)"],
  ["name", "Nom (A → Z)"],
  ["city", "Ville (A → Z)"],
  ["status", "Statut"],
  ["-rating", "Note Google"],
  ["-review_count", "Nombre d'avis"],
  ["-first_seen_at", "Trouvé le (récent d'abord)"],
  ["-updated_at", "Modifié le (récent d'abord)"],
]

const facetOptions = (facets: Facet[] | undefined): Array<[string, string]> =>
  (facets ?? []).map((f) => [f.value, `${f.value} (${formatNumber(f.count)})`])

/** The list's filters by a choice: label, address key, choices, and the text of "no filter" (Select's default when absent). */
const filterSelects = (
  facets: Facets | undefined
): Array<{
  label: string
  name: (typeof FILTER_KEYS)[number]
  options: Array<[string, string]>
  all?: string
}> => [
  {
    label: "Ville",
    name: "city",
    options: facetOptions(facets?.facets.city),
    all: "Toutes",
  },
  {
    label: "Gouvernorat",
    name: "governorate",
    options: facetOptions(facets?.facets.governorate),
  },
  { label: "Score", name: "band", options: Object.entries(LEAD_BAND_LABELS) },
  {
    label: "Statut",
    name: "status",
    options: Object.entries(LEAD_STATUS_LABELS),
  },
  { label: "Type", name: "kind", options: Object.entries(LEAD_KIND_LABELS) },
  {
    label: "Assigné à",
    name: "assignee",
    options: facetOptions(facets?.facets.assignee),
    all: "Tout le monde",
  },
]

const LeadsTable = () => {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => {
    const f: Record<string, string> = {}
    for (const k of FILTER_KEYS) {
      const v = params.get(k)
      if (v) {
        f[k] = v
      }
    }
    return f
  }, [params])
  const offset = Number(params.get("offset") ?? 0) || 0
  const [text, setText] = useState(filters.q ?? "")
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState<string | null>(null)

  // the latest parameters, for the debounced text filter (its timer outlives the render it was set in)
  const latest = useRef(params)
  latest.current = params
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(latest.current)
    for (const [k, v] of Object.entries(changes)) {
      if (v) {
        next.set(k, v)
      } else {
        next.delete(k)
      }
    }
    if (!("offset" in changes)) {
      next.delete("offset")
    }
    latest.current = next
    setParams(next, { replace: true })
  }

  // free text: applied 300 ms after the last key
  useEffect(() => {
    if ((filters.q ?? "") === text.trim()) {
      return
    }
    const t = setTimeout(() => update({ q: text.trim() }), 300)
    return () => clearTimeout(t)
    // only typing restarts the delay; the filters are read when it fires
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text])

  const query = { ...filters, limit: PAGE_SIZE, offset }
  const { data, isLoading, error } = useAdminCustomQuery<
    Record<string, unknown>,
    LeadList
  >("/prospector/leads", ["prospector-leads", JSON.stringify(query)], query, {
    keepPreviousData: true,
    staleTime: 0,
  })
  const { data: facets } = useAdminCustomQuery<Record<string, unknown>, Facets>(
    "/prospector/leads/facets",
    ["prospector-lead-facets"],
    undefined,
    {
      staleTime: 0,
    }
  )

  const exportCsv = async () => {
    setExporting(true)
    setExportError(null)
    try {
      const stamp = new Date().toISOString().slice(0, 10)
      await downloadAdminFile(
        "/prospector/leads/export",
        `prospects-${stamp}.csv`,
        { ...filters, format: "csv", delimiter: ";" }
      )
    } catch (e) {
      setExportError(errorMessage(e))
    } finally {
      setExporting(false)
    }
  }

  return (
    <div>
      <div className="grid grid-cols-4 gap-small mb-base">
        <LabelledInput
          className="flex flex-col inter-small-regular text-grey-50 col-span-2"
          label="Rechercher (nom, adresse, téléphone)"
          ariaLabel="Rechercher"
          name="q"
          type="search"
          dir="auto"
          placeholder="Garage, ورشة, +216…"
          value={text}
          onChange={setText}
        />
        {filterSelects(facets).map((f) => (
          <LabelledSelect
            key={f.name}
            {...f}
            value={filters[f.name] ?? ""}
            onChange={(v) => update({ [f.name]: v })}
          />
        ))}
        <LabelledSelect
          label="Trier par"
          name="order"
          value={filters.order ?? "-score"}
          onChange={(v) => update({ order: v === "-score" ? "" : v })}
          options={SORTS}
          all={null}
        />
      </div>
      <div className="flex items-center gap-x-small mb-base">
        <button
          className="btn btn-secondary btn-small"
          onClick={() => {
            setText("")
            setParams(new URLSearchParams(), { replace: true })
          }}
        >
          Réinitialiser les filtres
        </button>
        <BusyButton
          className="ml-auto"
          busy={exporting}
          onClick={exportCsv}
          text="Exporter CSV"
          busyText="Export en cours…"
        />
      </div>
      {exportError && (
        <Notice kind="error">Export impossible : {exportError}</Notice>
      )}
      {error ? (
        <Notice kind="error">{errorMessage(error)}</Notice>
      ) : isLoading || !data ? (
        <p className="inter-small-regular text-grey-50">Chargement…</p>
      ) : (
        <>
          <p
            className="inter-small-regular text-grey-50 mb-small"
            data-testid="lead-count"
          >
            {formatNumber(data.count)} prospect(s)
          </p>
          <ListTable
            testId="leads-table"
            head={
              <>
                <th className="py-xsmall">Nom</th>
                <th>Ville</th>
                <th>Gouvernorat</th>
                <th>Score</th>
                <th>Statut</th>
                <th>Téléphone</th>
                <th>Note</th>
                <th>Assigné à</th>
                <th>Trouvé le</th>
              </>
            }
          >
            {data.leads.map((l) => (
              <tr
                key={l.id}
                className="border-b border-grey-10"
                data-lead-id={l.id}
              >
                <td className="py-xsmall">
                  <Link
                    to={`/a/prospects/${l.id}`}
                    className="text-violet-60 hover:underline"
                  >
                    <MaybeArabic text={l.name} />
                  </Link>
                  {l.kind === "competitor" && (
                    <span className="ml-xsmall text-grey-50">(concurrent)</span>
                  )}
                </td>
                <td>{l.city ?? "—"}</td>
                <td>{l.governorate ?? "—"}</td>
                <td>
                  <ScoreBadge score={l.score} band={l.score_band} />
                </td>
                <td data-testid="lead-status">
                  {LEAD_STATUS_LABELS[l.status] ?? l.status}
                </td>
                <td dir="ltr">{l.phone ?? "—"}</td>
                <td>
                  {l.rating !== null
                    ? `${formatNumber(l.rating, 1)} (${formatNumber(l.review_count ?? 0)} avis)`
                    : "—"}
                </td>
                <td>{l.assignee ?? "—"}</td>
                <td>{formatDate(l.first_seen_at)}</td>
              </tr>
            ))}
          </ListTable>
          <Pager
            count={data.count}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(o) => update({ offset: o ? String(o) : "" })}
          />
        </>
      )}
    </div>
  )
}

const ProspectsPage = () => {
  const [params, setParams] = useSearchParams()
  const tab = params.get("onglet") === "recherches" ? "recherches" : "prospects"
  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large">
      <h1 className="inter-xlarge-semibold mb-small">Prospects</h1>
      <p className="inter-small-regular text-grey-50 mb-base">
        Garages, mécaniciens et carrossiers trouvés par Google Places, notés
        comme clients possibles de la boutique.
      </p>
      <div className="flex gap-x-small mb-large" role="tablist">
        <button
          role="tab"
          aria-selected={tab === "prospects"}
          className={`btn btn-small ${tab === "prospects" ? "btn-primary" : "btn-secondary"}`}
          onClick={() => setParams(new URLSearchParams())}
        >
          Liste des prospects
        </button>
        <button
          role="tab"
          aria-selected={tab === "recherches"}
          className={`btn btn-small ${tab === "recherches" ? "btn-primary" : "btn-secondary"}`}
          onClick={() =>
            setParams(new URLSearchParams({ onglet: "recherches" }))
          }
        >
          Recherches Google Places
        </button>
      </div>
      {tab === "prospects" ? <LeadsTable /> : <ProspectorSearchRuns />}
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Prospects",
    icon: Users,
  },
}

export default ProspectsPage
