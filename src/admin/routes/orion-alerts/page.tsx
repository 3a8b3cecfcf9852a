import type { RouteConfig } from "@medusajs/admin"
import { useAdminCustomPost, useAdminCustomQuery } from "medusa-react"
import { useState } from "react"

type Alert = {
  id: string
  type: string
  status: string
  sku: string | null
  title: string | null
  severity: number
  reason: string
  suggested_quantity: number | null
  updated_at: string
}
type AlertList = { alerts: Alert[]; count: number; limit: number; offset: number }

const TYPES = ["restock", "spike", "decline", "dead_stock"]
const PAGE = 50

const AcknowledgeButton = ({ id, onDone }: { id: string; onDone: () => void }) => {
  const { mutate, isLoading } = useAdminCustomPost<{ note?: string }, { alert: Alert }>(`/orion/alerts/${id}/acknowledge`, [
    "orion-alerts",
  ])
  return (
    <button className="btn btn-secondary btn-small" disabled={isLoading} onClick={() => mutate({}, { onSuccess: onDone })}>
      Acknowledge
    </button>
  )
}

const OrionAlertsPage = () => {
  const [type, setType] = useState("restock")
  const [status, setStatus] = useState("open,acknowledged")
  const [offset, setOffset] = useState(0)
  const { data, isLoading, refetch } = useAdminCustomQuery<Record<string, string | number>, AlertList>(
    "/orion/alerts",
    ["orion-alerts", type, status, offset],
    { type, status, sort: "-severity", limit: PAGE, offset }
  )
  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large">
      <h1 className="inter-xlarge-semibold mb-small">Restock alerts and demand insights</h1>
      <div className="flex gap-x-small mb-base">
        {TYPES.map((t) => (
          <button
            key={t}
            className={`btn btn-small ${t === type ? "btn-primary" : "btn-secondary"}`}
            onClick={() => {
              setType(t)
              setOffset(0)
            }}
          >
            {t.replace("_", " ")}
          </button>
        ))}
        <select className="ml-auto" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="open,acknowledged">unresolved</option>
          <option value="open">open</option>
          <option value="acknowledged">acknowledged</option>
          <option value="resolved">resolved</option>
        </select>
      </div>
      {isLoading || !data ? (
        <p className="inter-small-regular text-grey-50">Loading…</p>
      ) : (
        <>
          <p className="inter-small-regular text-grey-50 mb-small">{data.count} alert(s)</p>
          <table className="w-full inter-small-regular">
            <thead>
              <tr className="text-grey-50 text-left">
                <th>Part</th>
                <th>Why</th>
                <th className="text-right">Order</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.alerts.map((a) => (
                <tr key={a.id} className="border-t border-grey-20 align-top">
                  <td className="py-xsmall pr-small">
                    <div className="inter-small-semibold">{a.sku}</div>
                    <div className="text-grey-50">{a.title}</div>
                  </td>
                  <td className="py-xsmall pr-small">{a.reason}</td>
                  <td className="py-xsmall text-right pr-small">{a.suggested_quantity ?? ""}</td>
                  <td className="py-xsmall pr-small">{a.status}</td>
                  <td className="py-xsmall">{a.status === "open" ? <AcknowledgeButton id={a.id} onDone={() => refetch()} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex gap-x-small mt-base">
            <button className="btn btn-secondary btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <button className="btn btn-secondary btn-small" disabled={offset + PAGE >= data.count} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </div>
        </>
      )}
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Restock alerts",
  },
}

export default OrionAlertsPage
