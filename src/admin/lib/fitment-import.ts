/**
 * The fitment CSV imports as the Imports page shows them (POST/GET /admin/fitment/imports): the job and
 * its result, the history, their French labels, and the invalid rows as one line per error. Pure.
 */

// the history's row as the server types it (a type only: nothing of the server is bundled)
import type { ImportLogRow } from "../../../plugins/fitment/src/repositories/fitment-import"
import type { Jsonified } from "./api"

export type RowError = {
  column: string | null
  value: string | null
  reason: string
}
export type ImportResult = {
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
export type ImportJob = {
  id: string
  status: "running" | "done" | "failed"
  progress?: { stage: string; done: number; total: number; percent: number }
  error?: { status: number; message: string } | null
  result?: ImportResult | null
}
/** An import of the history, as the server types it; its summary holds counts. */
export type LoggedImport = Omit<Jsonified<ImportLogRow>, "summary"> & {
  summary: Record<string, number>
}

export const IMPORT_TYPE_LABELS: Record<string, string> = {
  vehicles: "Véhicules",
  fitments: "Compatibilités (pièce ↔ véhicule)",
}
export const IMPORT_STAGE_LABELS: Record<string, string> = {
  queued: "En attente",
  parsed: "Fichier lu",
  planned: "Contrôle terminé",
  writing: "Écriture",
  done: "Terminé",
}
export const IMPORT_SUMMARY_LABELS: Array<[string, string]> = [
  ["total_rows", "Lignes"],
  ["created", "À créer / créés"],
  ["updated", "Mis à jour"],
  ["unchanged", "Inchangés"],
  ["duplicates", "Doublons dans le fichier"],
  ["invalid", "Lignes invalides"],
]

/** How an import was run: "Simulation", "Lignes invalides ignorées" or "Tout ou rien". */
export function importMode(i: {
  dry_run: boolean
  skip_invalid: boolean
}): string {
  return i.dry_run
    ? "Simulation"
    : i.skip_invalid
      ? "Lignes invalides ignorées"
      : "Tout ou rien"
}

/** One line per error of the invalid rows; `first` marks a row's first error (its number is shown once). */
export function invalidRowLines(result: ImportResult | null) {
  return result
    ? result.invalid_rows.flatMap((r) =>
        r.errors.map((e, i) => ({ row: r.row, first: i === 0, ...e }))
      )
    : []
}
