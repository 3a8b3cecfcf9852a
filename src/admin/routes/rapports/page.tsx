import type { RouteConfig } from "@medusajs/admin"
import { DocumentText } from "@medusajs/icons"
import { useAdminCustomQuery } from "medusa-react"
import { Fragment, useEffect, useState } from "react"

import { Notice, Pager, errorMessage } from "../../components/prospector-ui"
import { ListTable } from "../../components/ui"
import { adminFetch, adminFetchText, downloadAdminFile } from "../../lib/api"
import { formatDate, formatNumber } from "../../lib/format"

type Report = {
  id: string
  period_start: string
  period_end: string
  created_at: string
  summary: {
    new_leads: number
    status_changes: number
    price_changes: number
    alerts: number
    leads_by_city?: Array<{ city: string; total: number }>
  }
}

const PAGE = 20

/** The report's own HTML (escaped when built), in a sandboxed frame: no script, no form, no navigation. */
const ReportFrame = ({ id }: { id: string }) => {
  const [html, setHtml] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    adminFetchText(`/prospector/reports/${id}`, { format: "html" })
      .then((text) => !cancelled && setHtml(text))
      .catch((e) => !cancelled && setError(errorMessage(e)))
    return () => {
      cancelled = true
    }
  }, [id])
  if (error) {
    return <Notice kind="error">{error}</Notice>
  }
  if (html === null) {
    return (
      <p className="inter-small-regular text-grey-50">Chargement du rapport…</p>
    )
  }
  return (
    <iframe
      title="Rapport hebdomadaire"
      sandbox=""
      srcDoc={html}
      className="w-full border border-grey-20 rounded-rounded bg-grey-0"
      style={{ height: 600 }}
      data-testid="report-frame"
    />
  )
}

const RapportsPage = () => {
  const [offset, setOffset] = useState(0)
  const [open, setOpen] = useState<string | null>(null)
  const [building, setBuilding] = useState(false)
  const [message, setMessage] = useState<{
    kind: "success" | "error"
    text: string
  } | null>(null)
  const { data, error, refetch } = useAdminCustomQuery<
    Record<string, unknown>,
    { reports: Report[]; count: number }
  >(
    "/prospector/reports",
    ["prospector-reports", offset],
    { limit: PAGE, offset },
    { keepPreviousData: true, staleTime: 0 }
  )

  const period = (r: Report) =>
    `Semaine du ${formatDate(r.period_start)} au ${formatDate(new Date(new Date(r.period_end).getTime() - 1))}`

  const build = async () => {
    setBuilding(true)
    setMessage(null)
    try {
      const { report } = await adminFetch<{ report: Report }>(
        "/prospector/reports",
        { method: "POST", body: {} }
      )
      setMessage({ kind: "success", text: `Rapport prêt : ${period(report)}.` })
      setOpen(report.id)
      await refetch()
    } catch (e) {
      setMessage({ kind: "error", text: errorMessage(e) })
    } finally {
      setBuilding(false)
    }
  }

  const download = async (r: Report) => {
    setMessage(null)
    try {
      await downloadAdminFile(
        `/prospector/reports/${r.id}`,
        `rapport-prospection-${r.period_start.slice(0, 10)}.csv`,
        { format: "csv" }
      )
    } catch (e) {
      setMessage({ kind: "error", text: errorMessage(e) })
    }
  }

  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large">
      <div className="flex items-center justify-between mb-base">
        <div>
          <h1 className="inter-xlarge-semibold">Rapports</h1>
          <p className="inter-small-regular text-grey-50">
            Rapport hebdomadaire de prospection et de veille prix : nouveaux
            prospects par ville et par score, changements de statut,
            concurrents, variations de prix et alertes. Construit chaque lundi
            matin.
          </p>
        </div>
        <button
          className="btn btn-secondary btn-small"
          onClick={build}
          disabled={building}
        >
          {building
            ? "Construction…"
            : "Construire le rapport de la semaine dernière"}
        </button>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {error ? (
        <Notice kind="error">{errorMessage(error)}</Notice>
      ) : !data ? (
        <p className="inter-small-regular text-grey-50">Chargement…</p>
      ) : data.count === 0 ? (
        <p className="inter-small-regular text-grey-50">
          Aucun rapport pour l'instant.
        </p>
      ) : (
        <>
          <ListTable
            testId="reports-table"
            head={
              <>
                <th className="py-xsmall">Période</th>
                <th className="text-right">Nouveaux prospects</th>
                <th className="text-right">Changements de statut</th>
                <th className="text-right">Variations de prix</th>
                <th className="text-right">Alertes</th>
                <th>Construit le</th>
                <th />
              </>
            }
          >
            {data.reports.map((r) => (
              <Fragment key={r.id}>
                <tr className="border-b border-grey-10" data-report-id={r.id}>
                  <td className="py-xsmall">{period(r)}</td>
                  <td className="text-right">
                    {formatNumber(r.summary?.new_leads)}
                  </td>
                  <td className="text-right">
                    {formatNumber(r.summary?.status_changes)}
                  </td>
                  <td className="text-right">
                    {formatNumber(r.summary?.price_changes)}
                  </td>
                  <td className="text-right">
                    {formatNumber(r.summary?.alerts)}
                  </td>
                  <td>{formatDate(r.created_at, true)}</td>
                  <td className="text-right whitespace-nowrap">
                    <button
                      className="btn btn-secondary btn-small"
                      onClick={() => setOpen(open === r.id ? null : r.id)}
                    >
                      {open === r.id ? "Fermer" : "Lire"}
                    </button>{" "}
                    <button
                      className="btn btn-secondary btn-small"
                      onClick={() => download(r)}
                    >
                      Télécharger CSV
                    </button>
                  </td>
                </tr>
                {open === r.id && (
                  <tr>
                    <td colSpan={7} className="py-small">
                      <ReportFrame id={r.id} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </ListTable>
          <Pager
            count={data.count}
            limit={PAGE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      )}
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Rapports",
    icon: DocumentText,
  },
}

export default RapportsPage
