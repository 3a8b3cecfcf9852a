/**
 * Create / edit a watched supplier page (Veille prix): the page, its supplier, which of our variants it
 * sells (a picker searching our products through GET /admin/variants?q=), how to find its offer.
 */
import { useEffect, useState } from "react"

// the page as the server types it (a type only: nothing of the server is bundled)
import type { WatchedPageView } from "../../../plugins/prospector/src/repositories/prospector-watched-page"
import { adminFetch } from "../lib/api"
import type { Jsonified } from "../lib/api"
import { formatAmount } from "../lib/format"
import { Notice, SaveButton, errorMessage } from "./prospector-ui"

/** A watched page of GET /admin/prospector/watched-pages, as the server types it. */
export type WatchedPage = Jsonified<WatchedPageView>

type Variant = {
  id: string
  title: string
  sku: string | null
  product?: { id: string; title: string }
  prices?: Array<{
    currency_code: string
    amount: number
    price_list_id: string | null
  }>
}

type PickedVariant = { id: string; label: string }

const input =
  "border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90"

/** Search-as-you-type picker over our variants (product title, variant title, SKU). */
export const ProspectorVariantPicker = ({
  value,
  onChange,
}: {
  value: PickedVariant | null
  onChange: (v: PickedVariant | null) => void
}) => {
  const [q, setQ] = useState("")
  const [results, setResults] = useState<Variant[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const text = q.trim()
    if (text.length < 2) {
      setResults([])
      return
    }
    let cancelled = false
    const t = setTimeout(async () => {
      try {
        const res = await adminFetch<{ variants: Variant[] }>("/variants", {
          query: { q: text, limit: 8, expand: "product,prices" },
        })
        if (!cancelled) {
          setResults(res.variants)
          setError(null)
        }
      } catch (e) {
        if (!cancelled) {
          setError(errorMessage(e))
        }
      }
    }, 250)
    return () => {
      cancelled = true
      clearTimeout(t)
    }
  }, [q])

  if (value) {
    return (
      <div
        className="flex items-center gap-x-small inter-small-regular"
        data-testid="picked-variant"
      >
        <span>{value.label}</span>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => onChange(null)}
        >
          Changer
        </button>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-xsmall">
      <input
        className={input}
        aria-label="Chercher un de nos articles"
        placeholder="Titre, variante ou SKU…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {error && <Notice kind="error">{error}</Notice>}
      {results.length > 0 && (
        <ul
          className="border border-grey-20 rounded-rounded inter-small-regular"
          role="listbox"
          aria-label="Articles trouvés"
        >
          {results.map((v) => {
            const label = `${v.product?.title ?? "?"} — ${v.title}${v.sku ? ` (${v.sku})` : ""}`
            const tnd = v.prices?.find(
              (p) => p.currency_code === "tnd" && !p.price_list_id
            )
            return (
              <li key={v.id}>
                <button
                  type="button"
                  role="option"
                  aria-selected={false}
                  className="w-full text-left px-small py-xsmall hover:bg-grey-5"
                  onClick={() => {
                    onChange({ id: v.id, label })
                    setQ("")
                    setResults([])
                  }}
                >
                  {label}
                  {tnd && (
                    <span className="text-grey-50">
                      {" "}
                      · {formatAmount(tnd.amount, "tnd")}
                    </span>
                  )}
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {q.trim().length >= 2 && results.length === 0 && !error && (
        <span className="inter-small-regular text-grey-50">
          Aucun article trouvé.
        </span>
      )}
    </div>
  )
}

const FIELDS = [
  "url",
  "supplier",
  "offer_sku",
  "offer_mpn",
  "offer_gtin",
  "selector",
  "stock_selector",
] as const

export const ProspectorWatchedPageForm = ({
  page,
  onSaved,
  onCancel,
}: {
  page: WatchedPage | null
  onSaved: (p: WatchedPage) => void
  onCancel: () => void
}) => {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      FIELDS.map((f) => [f, (page?.[f] as string | null) ?? ""])
    )
  )
  const [kind, setKind] = useState(page?.kind ?? "supplier")
  const [currency, setCurrency] = useState(page?.currency ?? "TND")
  const [needsJs, setNeedsJs] = useState(page?.needs_js ?? false)
  const [threshold, setThreshold] = useState(
    page?.threshold_percent !== null && page?.threshold_percent !== undefined
      ? String(page.threshold_percent)
      : ""
  )
  const [variant, setVariant] = useState<PickedVariant | null>(
    page?.variant_id
      ? {
          id: page.variant_id,
          label: `${page.product_title ?? "?"} — ${page.variant_title ?? ""}${page.sku ? ` (${page.sku})` : ""}`,
        }
      : null
  )
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const set = (k: string) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }))

  const save = async () => {
    setError(null)
    let thresholdValue: number | null = null
    if (threshold.trim()) {
      thresholdValue = Number(threshold.replace(",", "."))
      if (!Number.isFinite(thresholdValue) || thresholdValue < 0) {
        setError(
          "Le seuil d'alerte doit être un pourcentage positif (ex. : 5)."
        )
        return
      }
    }
    const body: Record<string, unknown> = {
      kind,
      currency,
      needs_js: needsJs,
      threshold_percent: thresholdValue,
    }
    for (const f of FIELDS) {
      const v = values[f].trim()
      body[f] = v === "" ? null : v
    }
    if (!body.url || !body.supplier) {
      setError("L'adresse de la page et le fournisseur sont obligatoires.")
      return
    }
    if (variant?.id !== (page?.variant_id ?? undefined)) {
      body.variant_id = variant?.id ?? null
      if (!variant) {
        body.sku = null
      }
    }
    setSaving(true)
    try {
      const res = await adminFetch<{ watched_page: WatchedPage }>(
        page
          ? `/prospector/watched-pages/${page.id}`
          : "/prospector/watched-pages",
        {
          method: "POST",
          body,
        }
      )
      onSaved(res.watched_page)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  const text = (
    name: (typeof FIELDS)[number],
    label: string,
    placeholder = ""
  ) => (
    <label className="flex flex-col inter-small-regular text-grey-50">
      {label}
      <input
        name={name}
        aria-label={label}
        className={input}
        value={values[name]}
        onChange={set(name)}
        placeholder={placeholder}
      />
    </label>
  )

  return (
    <div
      className="border border-grey-20 rounded-rounded px-large py-base mb-base bg-grey-5"
      data-testid="watched-page-form"
    >
      <h3 className="inter-base-semibold mb-small">
        {page ? "Modifier la page surveillée" : "Nouvelle page surveillée"}
      </h3>
      <div className="grid grid-cols-2 gap-small">
        {text("url", "Adresse de la page", "https://fournisseur.tn/produit/…")}
        {text("supplier", "Fournisseur")}
        <label className="flex flex-col inter-small-regular text-grey-50">
          Type
          <select
            name="kind"
            aria-label="Type"
            className={`${input} bg-grey-0`}
            value={kind}
            onChange={(e) => setKind(e.target.value as WatchedPage["kind"])}
          >
            <option value="supplier">Fournisseur</option>
            <option value="competitor">Concurrent</option>
          </select>
        </label>
        <label className="flex flex-col inter-small-regular text-grey-50">
          Devise de la page
          <select
            name="currency"
            aria-label="Devise"
            className={`${input} bg-grey-0`}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          >
            <option value="TND">Dinar (TND)</option>
            <option value="EUR">Euro (EUR)</option>
            <option value="USD">Dollar (USD)</option>
          </select>
        </label>
        <div className="flex flex-col inter-small-regular text-grey-50 col-span-2">
          Notre article
          <ProspectorVariantPicker value={variant} onChange={setVariant} />
        </div>
        {text(
          "offer_sku",
          "Référence de l'offre (SKU)",
          "si la page a plusieurs offres"
        )}
        {text("offer_mpn", "Référence fabricant (MPN)")}
        {text("offer_gtin", "Code EAN / GTIN")}
        {text(
          "selector",
          "Sélecteur CSS du prix",
          "si la page n'a pas de données structurées"
        )}
        {text("stock_selector", "Sélecteur CSS du stock")}
        <label className="flex flex-col inter-small-regular text-grey-50">
          Seuil d'alerte (%)
          <input
            name="threshold_percent"
            aria-label="Seuil d'alerte"
            className={input}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
            placeholder="par défaut"
          />
        </label>
        <label className="flex items-center gap-x-xsmall inter-small-regular text-grey-90">
          <input
            type="checkbox"
            name="needs_js"
            checked={needsJs}
            onChange={(e) => setNeedsJs(e.target.checked)}
          />
          Page affichée par JavaScript (ouverte dans Chromium)
        </label>
      </div>
      {error && (
        <div className="mt-small">
          <Notice kind="error">{error}</Notice>
        </div>
      )}
      <div className="flex gap-x-small mt-base">
        <SaveButton saving={saving} onClick={save} />
        <button
          className="btn btn-secondary btn-small"
          onClick={onCancel}
          disabled={saving}
        >
          Annuler
        </button>
      </div>
    </div>
  )
}
