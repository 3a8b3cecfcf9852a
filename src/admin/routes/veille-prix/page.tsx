import type { RouteConfig } from "@medusajs/admin"
import { ReceiptPercent } from "@medusajs/icons"
import { useAdminCustomQuery } from "medusa-react"
import { useState } from "react"
import { Link } from "react-router-dom"

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
import { formatAmount, formatDate, formatNumber } from "../../lib/format"

type Price = { amount: number; currency: string }
type Alert = {
  id: string
  watched_page_id: string
  kind: "price_move" | "below_our_price" | "back_in_stock"
  details: {
    direction?: "up" | "down"
    change_percent?: number
    previous?: Price
    current?: Price
    our_price?: Price
    floor?: Price
  }
  acknowledged_at: string | null
  created_at: string
  url: string
  supplier: string
  product_id: string | null
  product_title: string | null
  variant_title: string | null
}

const PAGES_PAGE = 25
const ALERTS_PAGE = 20

const price = (p?: Price) => (p ? formatAmount(p.amount, p.currency) : "—")

const STATUS_LABELS: Record<string, string> = {
  ok: "Prix lu",
  not_modified: "Inchangée",
  disallowed: "Interdite par robots.txt",
  no_price: "Prix introuvable",
  error: "Erreur",
}

function alertText(a: Alert): string {
  const d = a.details
  if (a.kind === "price_move") {
    const pct =
      d.change_percent !== undefined
        ? `${formatNumber(Math.abs(d.change_percent), 1)} %`
        : ""
    return `${d.direction === "down" ? "Baisse" : "Hausse"} de prix de ${pct} : ${price(d.previous)} → ${price(d.current)}`
  }
  if (a.kind === "below_our_price") {
    return `Moins cher que nous : ${price(d.current)} contre ${price(d.our_price)} chez nous`
  }
  return `De retour en stock à ${price(d.current)}`
}

const Alerts = ({ onChanged }: { onChanged: () => void }) => {
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
          <table
            className="w-full inter-small-regular"
            data-testid="alerts-table"
          >
            <thead>
              <tr className="text-grey-50 text-left border-b border-grey-20">
                <th className="py-xsmall">Le</th>
                <th>Fournisseur</th>
                <th>Notre article</th>
                <th>Alerte</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.alerts.map((a) => (
                <tr
                  key={a.id}
                  className="border-b border-grey-10"
                  data-alert-id={a.id}
                >
                  <td className="py-xsmall">
                    {formatDate(a.created_at, true)}
                  </td>
                  <td>
                    <a
                      href={a.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="text-violet-60"
                    >
                      {a.supplier}
                    </a>
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
            </tbody>
          </table>
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
      const s = run.summary
      setMessage({
        kind: run.status === "completed" ? "success" : "error",
        text: `Vérification terminée : ${formatNumber(s.pages)} page(s), ${formatNumber(s.ok)} prix lu(s), ${formatNumber(s.not_modified)} inchangée(s), ${formatNumber(
          s.alerts
        )} nouvelle(s) alerte(s)${s.errors || s.no_price || s.disallowed ? `, ${formatNumber((s.errors ?? 0) + (s.no_price ?? 0) + (s.disallowed ?? 0))} en échec` : ""}.`,
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
      <Alerts key={alertsKey} onChanged={() => void refetch()} />
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
            <table
              className="w-full inter-small-regular"
              data-testid="watched-pages-table"
            >
              <thead>
                <tr className="text-grey-50 text-left border-b border-grey-20">
                  <th className="py-xsmall">Fournisseur</th>
                  <th>Notre article</th>
                  <th className="text-right">Dernier prix</th>
                  <th>Stock</th>
                  <th>Vérifiée le</th>
                  <th>État</th>
                  <th>Alertes</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.watched_pages.map((p) => (
                  <tr
                    key={p.id}
                    className={`border-b border-grey-10 ${p.active ? "" : "text-grey-40"}`}
                    data-page-id={p.id}
                  >
                    <td className="py-xsmall">
                      <a
                        href={p.url}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="text-violet-60"
                        title={p.url}
                      >
                        {p.supplier}
                      </a>
                      <span className="text-grey-50">
                        {" "}
                        ·{" "}
                        {p.kind === "competitor" ? "concurrent" : "fournisseur"}
                      </span>
                    </td>
                    <td>
                      {p.product_id ? (
                        <Link
                          to={`/a/products/${p.product_id}`}
                          className="text-violet-60"
                        >
                          {p.product_title} — {p.variant_title}
                        </Link>
                      ) : (
                        <span className="text-grey-50">non relié</span>
                      )}
                    </td>
                    <td className="text-right" data-testid="last-price">
                      {p.last_observation
                        ? formatAmount(
                            p.last_observation.amount,
                            p.last_observation.currency
                          )
                        : "—"}
                    </td>
                    <td>
                      {p.last_observation?.in_stock === true
                        ? "En stock"
                        : p.last_observation?.in_stock === false
                          ? "Rupture"
                          : "—"}
                    </td>
                    <td>{formatDate(p.last_checked_at, true)}</td>
                    <td title={p.last_error ?? undefined}>
                      {p.active
                        ? p.last_status
                          ? (STATUS_LABELS[p.last_status] ?? p.last_status)
                          : "Jamais vérifiée"
                        : "Désactivée"}
                    </td>
                    <td>
                      {p.open_alerts ? (
                        <strong className="text-rose-50">
                          {p.open_alerts}
                        </strong>
                      ) : (
                        "0"
                      )}
                    </td>
                    <td className="text-right whitespace-nowrap">
                      <button
                        className="btn btn-secondary btn-small"
                        onClick={() => setEditing(p)}
                        disabled={editing !== null}
                      >
                        Modifier
                      </button>{" "}
                      {p.active ? (
                        <>
                          <button
                            className="btn btn-secondary btn-small"
                            onClick={() => checkNow([p.id])}
                            disabled={checking !== null}
                          >
                            {checking === p.id
                              ? "Vérification…"
                              : "Vérifier maintenant"}
                          </button>{" "}
                          <button
                            className="btn btn-secondary btn-small"
                            onClick={() => setActive(p, false)}
                          >
                            Désactiver
                          </button>
                        </>
                      ) : (
                        <button
                          className="btn btn-secondary btn-small"
                          onClick={() => setActive(p, true)}
                        >
                          Réactiver
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
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
