import type { RouteConfig } from "@medusajs/admin"
import { ReceiptPercent } from "@medusajs/icons"
import { useAdminCustomQuery } from "medusa-react"
import { useState } from "react"

import { PriceWatchAlerts } from "../../components/price-watch-alerts"
import { PriceWatchPagesTable } from "../../components/price-watch-pages-table"
import {
  Card,
  Notice,
  Pager,
  errorMessage,
} from "../../components/prospector-ui"
import {
  ProspectorWatchedPageForm,
  type WatchedPage,
} from "../../components/prospector-watched-page-form"
import { adminFetch } from "../../lib/api"
import { watchRunText } from "../../lib/price-watch-text"

const PAGES_PAGE = 25

const VeillePrixPage = () => {
  const [showInactive, setShowInactive] = useState(false)
  const [q, setQ] = useState("")
  const [offset, setOffset] = useState(0)
  const [editing, setEditing] = useState<WatchedPage | "new" | null>(null)
  const [checking, setChecking] = useState<string | null>(null)
  const [message, setMessage] = useState<{
    kind: "success" | "error"
    text: string
  } | null>(null)
  const query = {
    active: showInactive ? undefined : true,
    q: q.trim() || undefined,
    limit: PAGES_PAGE,
    offset,
  }
  const { data, refetch, error } = useAdminCustomQuery<
    Record<string, unknown>,
    { watched_pages: WatchedPage[]; count: number }
  >(
    "/prospector/watched-pages",
    ["prospector-watched-pages", JSON.stringify(query)],
    query,
    { keepPreviousData: true, staleTime: 0 }
  )
  const [alertsKey, setAlertsKey] = useState(0)

  const checkNow = async (pageIds?: string[]) => {
    setChecking(pageIds ? pageIds[0] : "all")
    setMessage(null)
    try {
      const { run } = await adminFetch<{
        run: { status: string; summary: Record<string, number> }
      }>("/prospector/watch-runs", {
        method: "POST",
        body: pageIds ? { page_ids: pageIds } : {},
      })
      setMessage({
        kind: run.status === "completed" ? "success" : "error",
        text: watchRunText(run.summary),
      })
    } catch (e) {
      setMessage({
        kind: "error",
        text: `Vérification impossible : ${errorMessage(e)}`,
      })
    } finally {
      setChecking(null)
      await refetch()
      setAlertsKey((k) => k + 1)
    }
  }

  const setActive = async (p: WatchedPage, active: boolean) => {
    setMessage(null)
    try {
      await adminFetch(`/prospector/watched-pages/${p.id}`, {
        method: "POST",
        body: { active },
      })
      setMessage({
        kind: "success",
        text: active
          ? "Page réactivée."
          : "Page désactivée : elle ne sera plus vérifiée.",
      })
      await refetch()
    } catch (e) {
      setMessage({ kind: "error", text: errorMessage(e) })
    }
  }

  return (
    <div>
      <div className="mb-base">
        <h1 className="inter-xlarge-semibold">Veille prix</h1>
        <p className="inter-small-regular text-grey-50">
          Prix et stock des fournisseurs et concurrents, comparés à nos prix.
          Vérifié automatiquement toutes les 6 heures.
        </p>
      </div>
      <PriceWatchAlerts key={alertsKey} onChanged={() => void refetch()} />
      <Card
        title="Pages surveillées"
        actions={
          <>
            <button
              className="btn btn-secondary btn-small"
              onClick={() => setEditing("new")}
              disabled={editing !== null}
            >
              Ajouter une page
            </button>
            <button
              className="btn btn-primary btn-small"
              onClick={() => checkNow()}
              disabled={checking !== null}
            >
              {checking === "all"
                ? "Vérification…"
                : "Vérifier maintenant (toutes)"}
            </button>
          </>
        }
      >
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        {editing && (
          <ProspectorWatchedPageForm
            page={editing === "new" ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(p) => {
              setEditing(null)
              setMessage({
                kind: "success",
                text: `Page de ${p.supplier} enregistrée.`,
              })
              void refetch()
            }}
          />
        )}
        <div className="flex items-center gap-x-base mb-small inter-small-regular">
          <input
            type="search"
            aria-label="Filtrer les pages"
            placeholder="Fournisseur, adresse, article…"
            className="border border-grey-20 rounded-rounded px-small py-xsmall"
            value={q}
            onChange={(e) => {
              setQ(e.target.value)
              setOffset(0)
            }}
          />
          <label className="flex items-center gap-x-xsmall">
            <input
              type="checkbox"
              checked={showInactive}
              onChange={(e) => setShowInactive(e.target.checked)}
            />
            Afficher aussi les pages désactivées
          </label>
        </div>
        {error ? (
          <Notice kind="error">{errorMessage(error)}</Notice>
        ) : !data ? (
          <p className="inter-small-regular text-grey-50">Chargement…</p>
        ) : (
          <>
            <PriceWatchPagesTable
              pages={data.watched_pages}
              editing={editing !== null}
              checking={checking}
              onEdit={setEditing}
              onCheck={(id) => checkNow([id])}
              onSetActive={setActive}
            />
            <Pager
              count={data.count}
              limit={PAGES_PAGE}
              offset={offset}
              onChange={setOffset}
            />
          </>
        )}
      </Card>
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Veille prix",
    icon: ReceiptPercent,
  },
}

export default VeillePrixPage
