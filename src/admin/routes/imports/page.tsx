import type { RouteConfig } from "@medusajs/admin"
import { ArrowUpTray } from "@medusajs/icons"
import { useEffect, useRef, useState } from "react"

import {
  Card,
  INPUT,
  Notice,
  Pager,
  TABLE,
  TD,
  TH,
  useAdminData,
  errorMessage,
} from "../../components/fitment-ui"
import { adminFetch, downloadAdminFile } from "../../lib/api"
import { formatDate, formatNumber } from "../../lib/format"

type RowError = { column: string | null; value: string | null; reason: string }
type Result = {
  id: string
  type: "vehicles" | "fitments"
  dry_run: boolean
  skip_invalid: boolean
  applied: boolean
  stopped_reason: string | null
  summary: Record<string, number>
  ignored_columns: string[]
  invalid_rows: Array<{ row: number; errors: RowError[] }>
  invalid_rows_csv_url: string | null
  duration_ms: number
}
type Job = {
  id: string
  status: "running" | "done" | "failed"
  progress?: { stage: string; done: number; total: number; percent: number }
  error?: { status: number; message: string } | null
  result?: Result | null
}
type LoggedImport = {
  id: string
  type: string
  file_name: string | null
  dry_run: boolean
  skip_invalid: boolean
  applied: boolean
  summary: Record<string, number>
  created_at: string
  has_invalid_rows: boolean
}

const TYPE_LABELS: Record<string, string> = {
  vehicles: "Véhicules",
  fitments: "Compatibilités (pièce ↔ véhicule)",
}
const STAGE_LABELS: Record<string, string> = {
  queued: "En attente",
  parsed: "Fichier lu",
  planned: "Contrôle terminé",
  writing: "Écriture",
  done: "Terminé",
}
const SUMMARY_LABELS: Array<[string, string]> = [
  ["total_rows", "Lignes"],
  ["created", "À créer / créés"],
  ["updated", "Mis à jour"],
  ["unchanged", "Inchangés"],
  ["duplicates", "Doublons dans le fichier"],
  ["invalid", "Lignes invalides"],
]
const ERRORS_PAGE = 50
const HISTORY_PAGE = 10
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function mode(i: { dry_run: boolean; skip_invalid: boolean }): string {
  return i.dry_run
    ? "Simulation"
    : i.skip_invalid
      ? "Lignes invalides ignorées"
      : "Tout ou rien"
}

const ImportsPage = () => {
  const [type, setType] = useState<"vehicles" | "fitments">("fitments")
  const [file, setFile] = useState<File | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const [job, setJob] = useState<Job | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [errorsOffset, setErrorsOffset] = useState(0)
  const [historyOffset, setHistoryOffset] = useState(0)
  const history = useAdminData<{ imports: LoggedImport[]; count: number }>(
    "/fitment/imports",
    { limit: HISTORY_PAGE, offset: historyOffset }
  )
  const running = job?.status === "running"
  const alive = useRef(true)
  useEffect(() => () => void (alive.current = false), [])

  const start = async (opts: { dry_run: boolean; skip_invalid: boolean }) => {
    if (!file) {
      setError("Choisissez d'abord un fichier CSV.")
      return
    }
    setError(null)
    setErrorsOffset(0)
    const form = new FormData()
    form.append("type", type)
    form.append("background", "true")
    form.append("dry_run", String(opts.dry_run))
    form.append("skip_invalid", String(opts.skip_invalid))
    form.append("file", file, file.name)
    try {
      let current = (
        await adminFetch<{ import: Job }>("/fitment/imports", {
          method: "POST",
          body: form,
        })
      ).import
      setJob(current)
      // poll the import's status until it ends (a 20,000-line file takes a while)
      while (current.status === "running" && alive.current) {
        await sleep(400)
        current = (
          await adminFetch<{ import: Job }>(`/fitment/imports/${current.id}`)
        ).import
        setJob(current)
      }
      history.reload()
    } catch (e) {
      setJob(null)
      setError(errorMessage(e))
    }
  }

  const result = job?.status === "done" ? (job.result ?? null) : null
  const rows = result
    ? result.invalid_rows.flatMap((r) =>
        r.errors.map((e, i) => ({ row: r.row, first: i === 0, ...e }))
      )
    : []

  return (
    <div>
      <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large mb-base">
        <h1 className="inter-xlarge-semibold mb-small">Imports</h1>
        <p className="inter-small-regular text-grey-50 mb-base">
          Importez un fichier CSV de véhicules ou de compatibilités (séparateur
          virgule, point-virgule ou tabulation ; UTF-8 ou Excel). Faites d'abord
          une simulation : elle n'écrit rien et liste chaque ligne refusée avec
          la raison. Ensuite, appliquez tout ou rien, ou seulement les lignes
          valides.
        </p>
        <div className="flex flex-wrap items-end gap-base mb-base">
          <label className="flex flex-col inter-small-regular">
            Type de fichier
            <select
              name="type"
              className={INPUT}
              value={type}
              onChange={(e) => setType(e.target.value as any)}
              disabled={running}
            >
              <option value="fitments">{TYPE_LABELS.fitments}</option>
              <option value="vehicles">{TYPE_LABELS.vehicles}</option>
            </select>
          </label>
          <label className="flex flex-col inter-small-regular">
            Fichier CSV
            <input
              ref={fileInput}
              type="file"
              name="file"
              accept=".csv,.txt,text/csv"
              disabled={running}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null)
                setJob(null)
              }}
            />
          </label>
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={!file || running}
            onClick={() => start({ dry_run: true, skip_invalid: false })}
          >
            Simuler (n'écrit rien)
          </button>
        </div>
        {error && <Notice kind="error">Import refusé : {error}</Notice>}
        {job?.status === "running" && (
          <div className="mb-base" data-testid="import-progress">
            <div className="inter-small-regular mb-xsmall">
              {STAGE_LABELS[job.progress?.stage ?? "queued"] ??
                job.progress?.stage}
              {job.progress && job.progress.total > 0
                ? ` — ${formatNumber(job.progress.done)} / ${formatNumber(job.progress.total)}`
                : ""}{" "}
              ({job.progress?.percent ?? 0} %)
            </div>
            <div
              className="h-2 bg-grey-10 rounded-rounded overflow-hidden"
              role="progressbar"
              aria-valuenow={job.progress?.percent ?? 0}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <div
                className="h-2 bg-violet-60"
                style={{ width: `${job.progress?.percent ?? 0}%` }}
              />
            </div>
          </div>
        )}
        {job?.status === "failed" && (
          <Notice kind="error">Import refusé : {job.error?.message}</Notice>
        )}
      </div>

      {result && (
        <Card
          title={
            result.dry_run
              ? "Résultat de la simulation"
              : result.applied
                ? "Import appliqué"
                : "Import arrêté"
          }
        >
          {result.dry_run ? (
            <Notice kind={result.invalid_rows.length ? "warning" : "success"}>
              Simulation : rien n'a été écrit.{" "}
              {result.invalid_rows.length
                ? `${formatNumber(result.invalid_rows.length)} ligne(s) invalide(s) : corrigez-les, ou appliquez en les ignorant.`
                : "Aucune ligne invalide."}
            </Notice>
          ) : result.applied ? (
            <Notice kind="success">
              Import appliqué
              {result.skip_invalid && result.invalid_rows.length
                ? ` ; ${formatNumber(result.invalid_rows.length)} ligne(s) invalide(s) ignorée(s)`
                : ""}
              .
            </Notice>
          ) : (
            <Notice kind="error">
              Rien n'a été écrit : {formatNumber(result.invalid_rows.length)}{" "}
              ligne(s) invalide(s). Corrigez-les, ou appliquez en ignorant les
              lignes invalides.
            </Notice>
          )}
          <dl
            className="grid grid-cols-6 gap-small mb-base"
            data-testid="import-summary"
          >
            {SUMMARY_LABELS.filter(
              ([k]) => result.summary[k] !== undefined
            ).map(([k, label]) => (
              <div
                key={k}
                className="border border-grey-20 rounded-rounded p-small"
              >
                <dt className="inter-small-regular text-grey-50">{label}</dt>
                <dd className="inter-large-semibold">
                  {formatNumber(result.summary[k])}
                </dd>
              </div>
            ))}
          </dl>
          {result.ignored_columns.length > 0 && (
            <p className="inter-small-regular text-grey-50 mb-small">
              Colonnes ignorées (non reconnues) :{" "}
              {result.ignored_columns.join(", ")}
            </p>
          )}
          {rows.length > 0 && (
            <>
              <div className="flex items-center justify-between mb-small">
                <h3 className="inter-base-semibold">Lignes invalides</h3>
                {result.invalid_rows_csv_url && (
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    onClick={() =>
                      downloadAdminFile(
                        `/fitment/imports/${result.id}/invalid-rows`,
                        `lignes-invalides-${result.id}.csv`
                      ).catch((e) => setError(errorMessage(e)))
                    }
                  >
                    Télécharger les lignes invalides (CSV)
                  </button>
                )}
              </div>
              <table className={TABLE} data-testid="invalid-rows">
                <thead>
                  <tr>
                    <th className={TH}>Ligne</th>
                    <th className={TH}>Colonne</th>
                    <th className={TH}>Valeur</th>
                    <th className={TH}>Message</th>
                  </tr>
                </thead>
                <tbody>
                  {rows
                    .slice(errorsOffset, errorsOffset + ERRORS_PAGE)
                    .map((r, i) => (
                      <tr key={`${r.row}-${i}`}>
                        <td className={TD}>{r.first ? r.row : ""}</td>
                        <td className={TD}>{r.column ?? "—"}</td>
                        <td className={TD}>{r.value ?? ""}</td>
                        <td className={TD}>{r.reason}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              <Pager
                count={rows.length}
                limit={ERRORS_PAGE}
                offset={errorsOffset}
                onChange={setErrorsOffset}
              />
            </>
          )}
          {result.dry_run && (
            <div className="flex gap-x-small mt-base">
              <button
                type="button"
                className="btn btn-primary btn-small"
                disabled={running || result.invalid_rows.length > 0}
                onClick={() => start({ dry_run: false, skip_invalid: false })}
              >
                Appliquer (tout ou rien)
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={running}
                onClick={() => start({ dry_run: false, skip_invalid: true })}
              >
                Appliquer en ignorant les lignes invalides
              </button>
            </div>
          )}
        </Card>
      )}

      <Card title="Historique des imports">
        {history.error && <Notice kind="error">{history.error}</Notice>}
        <table className={TABLE} data-testid="imports-history">
          <thead>
            <tr>
              <th className={TH}>Date</th>
              <th className={TH}>Fichier</th>
              <th className={TH}>Type</th>
              <th className={TH}>Mode</th>
              <th className={TH}>Résultat</th>
              <th className={TH}>Créés</th>
              <th className={TH}>Mis à jour</th>
              <th className={TH}>Invalides</th>
              <th className={TH} />
            </tr>
          </thead>
          <tbody>
            {(history.data?.imports ?? []).map((i) => (
              <tr key={i.id}>
                <td className={TD}>{formatDate(i.created_at, true)}</td>
                <td className={TD}>{i.file_name ?? "—"}</td>
                <td className={TD}>{TYPE_LABELS[i.type] ?? i.type}</td>
                <td className={TD}>{mode(i)}</td>
                <td className={TD}>
                  {i.dry_run
                    ? "Rien écrit (simulation)"
                    : i.applied
                      ? "Appliqué"
                      : "Arrêté, rien écrit"}
                </td>
                <td className={TD}>{formatNumber(i.summary?.created ?? 0)}</td>
                <td className={TD}>{formatNumber(i.summary?.updated ?? 0)}</td>
                <td className={TD}>{formatNumber(i.summary?.invalid ?? 0)}</td>
                <td className={TD}>
                  {i.has_invalid_rows && (
                    <button
                      type="button"
                      className="text-violet-60"
                      onClick={() =>
                        downloadAdminFile(
                          `/fitment/imports/${i.id}/invalid-rows`,
                          `lignes-invalides-${i.id}.csv`
                        ).catch((e) => setError(errorMessage(e)))
                      }
                    >
                      Lignes invalides
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {history.data && (
          <Pager
            count={history.data.count}
            limit={HISTORY_PAGE}
            offset={historyOffset}
            onChange={setHistoryOffset}
          />
        )}
      </Card>
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Imports",
    icon: ArrowUpTray,
  },
}

export default ImportsPage
