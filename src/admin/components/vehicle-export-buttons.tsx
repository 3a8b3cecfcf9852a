import { useState } from "react"

import { downloadAdminFile } from "../lib/api"
import { errorMessage, Notice } from "./fitment-ui"

const EXPORTS = [
  {
    type: "vehicles",
    label: "Exporter les véhicules (CSV)",
    file: "vehicules",
  },
  {
    type: "fitments",
    label: "Exporter les compatibilités (CSV)",
    file: "compatibilites",
  },
] as const

/**
 * Downloads the vehicle base or the part ↔ vehicle links as the CSV the Imports page reads back
 * (GET /admin/fitment/export): edit it in Excel, then import it.
 */
export const ExportButtons = () => {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const download = async (e: (typeof EXPORTS)[number]) => {
    setBusy(e.type)
    setError(null)
    try {
      await downloadAdminFile(
        "/fitment/export",
        `${e.file}-${new Date().toISOString().slice(0, 10)}.csv`,
        { type: e.type, format: "csv" }
      )
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="flex flex-col items-end gap-y-xsmall">
      <div className="flex gap-x-small">
        {EXPORTS.map((e) => (
          <button
            key={e.type}
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy !== null}
            onClick={() => download(e)}
          >
            {busy === e.type ? "Export en cours…" : e.label}
          </button>
        ))}
      </div>
      <span className="inter-small-regular text-grey-50">
        Fichiers au format de la page Imports : à modifier dans Excel puis à
        réimporter.
      </span>
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  )
}
