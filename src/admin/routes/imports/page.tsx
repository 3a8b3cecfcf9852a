import type { RouteConfig } from "@medusajs/admin"
import { ArrowUpTray } from "@medusajs/icons"
import { useEffect, useRef, useState } from "react"

import {
  FitmentImportHistory,
  IMPORT_HISTORY_PAGE,
} from "../../components/fitment-import-history"
import { FitmentImportResult } from "../../components/fitment-import-result"
import {
  INPUT,
  Notice,
  useAdminData,
  errorMessage,
} from "../../components/fitment-ui"
import { adminFetch } from "../../lib/api"
import {
  IMPORT_STAGE_LABELS,
  IMPORT_TYPE_LABELS,
  type ImportJob,
  type LoggedImport,
} from "../../lib/fitment-import"
import { formatNumber } from "../../lib/format"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const ImportsPage = () => {
  const [type, setType] = useState<"vehicles" | "fitments">("fitments")
  const [file, setFile] = useState<File | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const [job, setJob] = useState<ImportJob | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [errorsOffset, setErrorsOffset] = useState(0)
  const [historyOffset, setHistoryOffset] = useState(0)
  const history = useAdminData<{ imports: LoggedImport[]; count: number }>(
    "/fitment/imports",
    { limit: IMPORT_HISTORY_PAGE, offset: historyOffset }
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
        await adminFetch<{ import: ImportJob }>("/fitment/imports", {
          method: "POST",
          body: form,
        })
      ).import
      setJob(current)
      // poll the import's status until it ends (a 20,000-line file takes a while)
      while (current.status === "running" && alive.current) {
        await sleep(400)
        current = (
          await adminFetch<{ import: ImportJob }>(
            `/fitment/imports/${current.id}`
          )
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
              <option value="fitments">{IMPORT_TYPE_LABELS.fitments}</option>
              <option value="vehicles">{IMPORT_TYPE_LABELS.vehicles}</option>
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
              {IMPORT_STAGE_LABELS[job.progress?.stage ?? "queued"] ??
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
        <FitmentImportResult
          result={result}
          running={running}
          errorsOffset={errorsOffset}
          onErrorsOffset={setErrorsOffset}
          onApply={start}
          onError={setError}
        />
      )}

      <FitmentImportHistory
        data={history.data}
        error={history.error}
        offset={historyOffset}
        onOffset={setHistoryOffset}
        onError={setError}
      />
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
