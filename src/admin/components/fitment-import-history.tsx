import { downloadAdminFile } from "../lib/api"
import {
  IMPORT_TYPE_LABELS,
  importMode,
  type LoggedImport,
} from "../lib/fitment-import"
import { formatDate, formatNumber } from "../lib/format"
import { Card, errorMessage, Notice, PagedTable, TD } from "./fitment-ui"

export const IMPORT_HISTORY_PAGE = 10

/** Imports → "Historique des imports": each import with its mode and counts, paged on the server. */
export const FitmentImportHistory = ({
  data,
  error,
  offset,
  onOffset,
  onError,
}: {
  data: { imports: LoggedImport[]; count: number } | null
  error: string | null
  offset: number
  onOffset: (offset: number) => void
  onError: (message: string) => void
}) => (
  <Card title="Historique des imports">
    {error && <Notice kind="error">{error}</Notice>}
    <PagedTable
      testId="imports-history"
      columns={[
        "Date",
        "Fichier",
        "Type",
        "Mode",
        "Résultat",
        "Créés",
        "Mis à jour",
        "Invalides",
        "",
      ]}
      pager={{
        count: data?.count,
        limit: IMPORT_HISTORY_PAGE,
        offset,
        onChange: onOffset,
      }}
    >
      {(data?.imports ?? []).map((i) => (
        <tr key={i.id}>
          <td className={TD}>{formatDate(i.created_at, true)}</td>
          <td className={TD}>{i.file_name ?? "—"}</td>
          <td className={TD}>{IMPORT_TYPE_LABELS[i.type] ?? i.type}</td>
          <td className={TD}>{importMode(i)}</td>
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
                  ).catch((e) => onError(errorMessage(e)))
                }
              >
                Lignes invalides
              </button>
            )}
          </td>
        </tr>
      ))}
    </PagedTable>
  </Card>
)
