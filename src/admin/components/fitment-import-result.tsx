import { downloadAdminFile } from "../lib/api"
import {
  IMPORT_SUMMARY_LABELS,
  type ImportResult,
  invalidRowLines,
} from "../lib/fitment-import"
import { formatNumber } from "../lib/format"
import { Card, errorMessage, Notice, PagedTable, TD } from "./fitment-ui"

const ERRORS_PAGE = 50

/**
 * Imports → the result of a simulation or of an applied import: what was (or would be) written, the
 * invalid rows (paged, downloadable as CSV) and, after a simulation, the two ways to apply it.
 */
export const FitmentImportResult = ({
  result,
  running,
  errorsOffset,
  onErrorsOffset,
  onApply,
  onError,
}: {
  result: ImportResult
  running: boolean
  errorsOffset: number
  onErrorsOffset: (offset: number) => void
  onApply: (opts: { dry_run: boolean; skip_invalid: boolean }) => void
  onError: (message: string) => void
}) => {
  const rows = invalidRowLines(result)
  return (
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
        {IMPORT_SUMMARY_LABELS.filter(
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
                  ).catch((e) => onError(errorMessage(e)))
                }
              >
                Télécharger les lignes invalides (CSV)
              </button>
            )}
          </div>
          <PagedTable
            testId="invalid-rows"
            columns={["Ligne", "Colonne", "Valeur", "Message"]}
            pager={{
              count: rows.length,
              limit: ERRORS_PAGE,
              offset: errorsOffset,
              onChange: onErrorsOffset,
            }}
          >
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
          </PagedTable>
        </>
      )}
      {result.dry_run && (
        <div className="flex gap-x-small mt-base">
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={running || result.invalid_rows.length > 0}
            onClick={() => onApply({ dry_run: false, skip_invalid: false })}
          >
            Appliquer (tout ou rien)
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={running}
            onClick={() => onApply({ dry_run: false, skip_invalid: true })}
          >
            Appliquer en ignorant les lignes invalides
          </button>
        </div>
      )}
    </Card>
  )
}
