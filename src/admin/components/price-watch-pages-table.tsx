import { Link } from "react-router-dom"

import { formatAmount, formatDate } from "../lib/format"
import { WATCH_STATUS_LABELS } from "../lib/price-watch-text"
import type { WatchedPage } from "./prospector-watched-page-form"
import { ExternalLink, ListTable } from "./ui"

/**
 * Veille prix → the watched pages: supplier, our article, last price and stock, state, open alerts, and
 * the actions (edit, check now, deactivate / reactivate). `checking` is the page being checked, or "all".
 */
export const PriceWatchPagesTable = ({
  pages,
  editing,
  checking,
  onEdit,
  onCheck,
  onSetActive,
}: {
  pages: WatchedPage[]
  editing: boolean
  checking: string | null
  onEdit: (p: WatchedPage) => void
  onCheck: (pageId: string) => void
  onSetActive: (p: WatchedPage, active: boolean) => void
}) => {
  return (
    <ListTable
      testId="watched-pages-table"
      head={
        <>
          <th className="py-xsmall">Fournisseur</th>
          <th>Notre article</th>
          <th className="text-right">Dernier prix</th>
          <th>Stock</th>
          <th>Vérifiée le</th>
          <th>État</th>
          <th>Alertes</th>
          <th />
        </>
      }
    >
      {pages.map((p) => (
        <tr
          key={p.id}
          className={`border-b border-grey-10 ${p.active ? "" : "text-grey-40"}`}
          data-page-id={p.id}
        >
          <td className="py-xsmall">
            <ExternalLink href={p.url} title={p.url}>
              {p.supplier}
            </ExternalLink>
            <span className="text-grey-50">
              {" "}
              · {p.kind === "competitor" ? "concurrent" : "fournisseur"}
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
                ? (WATCH_STATUS_LABELS[p.last_status] ?? p.last_status)
                : "Jamais vérifiée"
              : "Désactivée"}
          </td>
          <td>
            {p.open_alerts ? (
              <strong className="text-rose-50">{p.open_alerts}</strong>
            ) : (
              "0"
            )}
          </td>
          <td className="text-right whitespace-nowrap">
            <button
              className="btn btn-secondary btn-small"
              onClick={() => onEdit(p)}
              disabled={editing}
            >
              Modifier
            </button>{" "}
            {p.active ? (
              <>
                <button
                  className="btn btn-secondary btn-small"
                  onClick={() => onCheck(p.id)}
                  disabled={checking !== null}
                >
                  {checking === p.id ? "Vérification…" : "Vérifier maintenant"}
                </button>{" "}
                <button
                  className="btn btn-secondary btn-small"
                  onClick={() => onSetActive(p, false)}
                >
                  Désactiver
                </button>
              </>
            ) : (
              <button
                className="btn btn-secondary btn-small"
                onClick={() => onSetActive(p, true)}
              >
                Réactiver
              </button>
            )}
          </td>
        </tr>
      ))}
    </ListTable>
  )
}
