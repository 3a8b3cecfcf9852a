/**
 * The "Recherches Google Places" tab of the Prospects page: can a lead search start (a Places key is
 * configured), its request budget, a form to search one city now, and the past searches.
 */
import { useAdminCustomQuery } from "medusa-react"
import { useState } from "react"

import { adminFetch } from "../lib/api"
import { formatDate, formatNumber, isArabic } from "../lib/format"
import {
  LabelledSelect,
  Notice,
  Pager,
  RUN_STATUS_LABELS,
  RUN_TRIGGER_LABELS,
  errorMessage,
} from "./prospector-ui"
import { ListTable } from "./ui"

// GET /admin/prospector/settings, as the server declares it (a type only: nothing of the server is bundled)
import type { SearchSettings as Settings } from "../../../plugins/prospector/src/lib/search-settings"

type Run = {
  id: string
  trigger: string
  status: string
  params: { query?: string | null; cities?: string[]; max_requests?: number }
  summary: {
    requests?: number
    new?: number
    updated?: number
    merged?: number
    budget_exhausted?: string | null
  }
  errors: Array<{ message?: string; area?: string; query?: string }>
  started_at: string
  finished_at: string | null
}

const RUNS_PAGE = 20

const runSummary = (r: Run) =>
  r.summary && r.summary.requests !== undefined
    ? `${formatNumber(r.summary.new ?? 0)} nouveau(x), ${formatNumber(r.summary.updated ?? 0)} mis à jour, ${formatNumber(r.summary.merged ?? 0)} fusionné(s)`
    : "—"

export const ProspectorSearchRuns = () => {
  const settingsQuery = useAdminCustomQuery<
    Record<string, never>,
    { settings: Settings }
  >("/prospector/search-settings", ["prospector-search-settings"], undefined, {
    staleTime: 0,
  })
  const [offset, setOffset] = useState(0)
  const runsQuery = useAdminCustomQuery<
    Record<string, unknown>,
    { runs: Run[]; count: number }
  >(
    "/prospector/runs",
    ["prospector-runs", offset],
    { kind: "search", limit: RUNS_PAGE, offset },
    { keepPreviousData: true, staleTime: 0 }
  )
  const [city, setCity] = useState("")
  const [query, setQuery] = useState("")
  const [maxRequests, setMaxRequests] = useState("")
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<{
    kind: "success" | "error"
    text: string
  } | null>(null)

  const settings = settingsQuery.data?.settings
  const canSearch =
    !!settings?.places_key_configured &&
    settings.budget.remaining_this_month > 0

  const start = async () => {
    setResult(null)
    if (!city) {
      setResult({ kind: "error", text: "Choisissez une ville." })
      return
    }
    const body: Record<string, unknown> = { city }
    if (query.trim()) {
      body.query = query.trim()
    }
    if (maxRequests.trim()) {
      const n = Number(maxRequests)
      if (!Number.isInteger(n) || n < 1) {
        setResult({
          kind: "error",
          text: "Le nombre maximum de requêtes doit être un entier positif.",
        })
        return
      }
      body.max_requests = n
    }
    setRunning(true)
    try {
      const { run } = await adminFetch<{ run: Run }>("/prospector/runs", {
        method: "POST",
        body,
      })
      const failed = run.status !== "completed"
      setResult({
        kind: failed ? "error" : "success",
        text: `Recherche ${RUN_STATUS_LABELS[run.status]?.toLowerCase() ?? run.status} : ${runSummary(run)}, ${formatNumber(run.summary.requests ?? 0)} requête(s) Google.${
          run.summary.budget_exhausted ? " Budget de requêtes atteint." : ""
        }${run.errors?.length ? ` ${run.errors.length} erreur(s) : ${run.errors.map((e) => e.message).join(" ; ")}` : ""}`,
      })
    } catch (e) {
      setResult({
        kind: "error",
        text: `La recherche n'a pas pu démarrer : ${errorMessage(e)}`,
      })
    } finally {
      setRunning(false)
      void settingsQuery.refetch()
      void runsQuery.refetch()
    }
  }

  return (
    <div>
      {settingsQuery.error ? (
        <Notice kind="error">{errorMessage(settingsQuery.error)}</Notice>
      ) : !settings ? (
        <p className="inter-small-regular text-grey-50">Chargement…</p>
      ) : (
        <>
          {settings.message && (
            <Notice kind="warning">
              <span data-testid="search-disabled">{settings.message}</span>
            </Notice>
          )}
          <div
            className="inter-small-regular mb-base"
            data-testid="places-budget"
          >
            <strong>Budget de requêtes Google Places :</strong>{" "}
            {formatNumber(settings.budget.per_run)} par recherche,{" "}
            {formatNumber(settings.budget.per_month)} par mois ;{" "}
            {formatNumber(settings.budget.used_this_month)} utilisée(s) ce
            mois-ci, {formatNumber(settings.budget.remaining_this_month)}{" "}
            restante(s).
          </div>
          <div className="grid grid-cols-4 gap-small items-end mb-base">
            <LabelledSelect
              label="Ville ou gouvernorat"
              ariaLabel="Ville de la recherche"
              name="search-city"
              value={city}
              onChange={setCity}
              options={settings.areas.map((a) => [
                a.slug,
                `${a.kind === "city" ? a.name : `Gouvernorat de ${a.name}`} — ${a.name_ar}`,
              ])}
              all="Choisir…"
              disabled={!canSearch}
            />
            <label className="flex flex-col inter-small-regular text-grey-50">
              Requête (vide : toutes les requêtes prévues)
              <input
                name="search-query"
                aria-label="Requête de la recherche"
                list="prospector-queries"
                dir={isArabic(query) ? "rtl" : "ltr"}
                className="border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                disabled={!canSearch}
              />
              <datalist id="prospector-queries">
                {settings.queries.map((q) => (
                  <option key={q.text} value={q.text} />
                ))}
              </datalist>
            </label>
            <label className="flex flex-col inter-small-regular text-grey-50">
              Requêtes au plus (max.{" "}
              {formatNumber(settings.budget.next_run_max)})
              <input
                name="search-max-requests"
                aria-label="Nombre maximum de requêtes"
                type="number"
                min={1}
                max={settings.budget.next_run_max}
                className="border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90"
                value={maxRequests}
                placeholder={String(settings.budget.next_run_max)}
                onChange={(e) => setMaxRequests(e.target.value)}
                disabled={!canSearch}
              />
            </label>
            <button
              className="btn btn-primary btn-small"
              disabled={!canSearch || running}
              onClick={start}
            >
              {running ? "Recherche en cours…" : "Lancer la recherche"}
            </button>
          </div>
          {result && <Notice kind={result.kind}>{result.text}</Notice>}
        </>
      )}
      <h2 className="inter-large-semibold mb-small mt-large">
        Recherches passées
      </h2>
      {runsQuery.error ? (
        <Notice kind="error">{errorMessage(runsQuery.error)}</Notice>
      ) : !runsQuery.data ? (
        <p className="inter-small-regular text-grey-50">Chargement…</p>
      ) : (
        <>
          <ListTable
            testId="runs-table"
            head={
              <>
                <th className="py-xsmall">Lancée le</th>
                <th>Par</th>
                <th>Statut</th>
                <th>Villes</th>
                <th>Requête</th>
                <th>Requêtes Google</th>
                <th>Résultat</th>
              </>
            }
          >
            {runsQuery.data.runs.map((r) => (
              <tr key={r.id} className="border-b border-grey-10">
                <td className="py-xsmall">{formatDate(r.started_at, true)}</td>
                <td>{RUN_TRIGGER_LABELS[r.trigger] ?? r.trigger}</td>
                <td>{RUN_STATUS_LABELS[r.status] ?? r.status}</td>
                <td>
                  {(r.params?.cities ?? []).length > 3
                    ? `${r.params.cities!.length} villes`
                    : (r.params?.cities ?? []).join(", ")}
                </td>
                <td dir={isArabic(r.params?.query) ? "rtl" : undefined}>
                  {r.params?.query ?? "toutes"}
                </td>
                <td>
                  {r.summary?.requests !== undefined
                    ? formatNumber(r.summary.requests)
                    : "—"}
                </td>
                <td>
                  {runSummary(r)}
                  {r.errors?.length ? (
                    <span className="text-rose-50">
                      {" "}
                      · {r.errors.length} erreur(s)
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </ListTable>
          <Pager
            count={runsQuery.data.count}
            limit={RUNS_PAGE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      )}
    </div>
  )
}
