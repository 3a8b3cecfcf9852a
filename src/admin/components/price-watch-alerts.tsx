import { useAdminCustomQuery } from "medusa-react"
import { useState } from "react"
import { Link } from "react-router-dom"

import { adminFetch } from "../lib/api"
import { formatDate } from "../lib/format"
import { type Alert, alertText } from "../lib/price-watch-text"
import { Card, errorMessage, Notice, Pager } from "./prospector-ui"
import { ExternalLink, ListTable } from "./ui"

const ALERTS_PAGE = 20

/** Veille prix → "Alertes de prix": to handle, acknowledged or all, paged; acknowledge one. */
export const PriceWatchAlerts = ({ onChanged }: { onChanged: () => void }) => {
  const [show, setShow] = useState<"false" | "true" | "">("false")
  const [offset, setOffset] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const {
    data,
    refetch,
    error: loadError,
  } = useAdminCustomQuery<
    Record<string, unknown>,
    { alerts: Alert[]; count: number }
  >(
    "/prospector/alerts",
    ["prospector-alerts", show, offset],
    { acknowledged: show || undefined, limit: ALERTS_PAGE, offset },
    { keepPreviousData: true, staleTime: 0 }
  )
  const acknowledge = async (id: string) => {
    setError(null)
    try {
      await adminFetch(`/prospector/alerts/${id}`, { method: "POST", body: {} })
      await refetch()
      onChanged()
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <Card
      title="Alertes de prix"
      actions={
        <select
          aria-label="Alertes affichées"
          className="border border-grey-20 rounded-rounded px-small py-xsmall inter-small-regular bg-grey-0"
          value={show}
          onChange={(e) => {
            setShow(e.target.value as typeof show)
            setOffset(0)
          }}
        >
          <option value="false">À traiter</option>
          <option value="true">Acquittées</option>
          <option value="">Toutes</option>
        </select>
      }
    >
      {error && <Notice kind="error">{error}</Notice>}
      {loadError ? (
        <Notice kind="error">{errorMessage(loadError)}</Notice>
      ) : !data ? (
        <p className="inter-small-regular text-grey-50">Chargement…</p>
      ) : data.count === 0 ? (
        <p className="inter-small-regular text-grey-50" data-testid="no-alerts">
          Aucune alerte {show === "false" ? "à traiter" : ""}.
        </p>
      ) : (
        <>
          <ListTable
            testId="alerts-table"
            head={
              <>
                <th className="py-xsmall">Le</th>
                <th>Fournisseur</th>
                <th>Notre article</th>
                <th>Alerte</th>
                <th />
              </>
            }
          >
            {data.alerts.map((a) => (
              <tr
                key={a.id}
                className="border-b border-grey-10"
                data-alert-id={a.id}
              >
                <td className="py-xsmall">{formatDate(a.created_at, true)}</td>
                <td>
                  <ExternalLink href={a.url}>{a.supplier}</ExternalLink>
                </td>
                <td>
                  {a.product_id ? (
                    <Link
                      to={`/a/products/${a.product_id}`}
                      className="text-violet-60"
                    >
                      {a.product_title} — {a.variant_title}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{alertText(a)}</td>
                <td className="text-right">
                  {a.acknowledged_at ? (
                    <span className="text-grey-50">
                      Acquittée le {formatDate(a.acknowledged_at)}
                    </span>
                  ) : (
                    <button
                      className="btn btn-secondary btn-small"
                      onClick={() => acknowledge(a.id)}
                    >
                      Acquitter
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
          <Pager
            count={data.count}
            limit={ALERTS_PAGE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      )}
    </Card>
  )
}
