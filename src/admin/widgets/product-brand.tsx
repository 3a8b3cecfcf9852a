/**
 * Product page → "Marque": the product's one brand (fitment's), read by search, the store brand filter and
 * Orion's per-brand lead times. Search as you type in the brand list (GET /admin/brands?q=), pick one
 * (POST /admin/products/:id/brand), or remove it.
 */
import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Badge, Button, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import {
  fieldClass,
  errorMessage,
  ProductWidgetError,
  ProductWidgetSection,
} from "../components/product-widget-section"
import { adminFetch } from "../lib/api"
import { formatNumber } from "../lib/format"
import type { Brand } from "../lib/fitment-types"

const ProductBrandWidget = ({ product, notify }: ProductDetailsWidgetProps) => {
  const [brand, setBrand] = useState<Brand | null>(null)
  const [loading, setLoading] = useState(true)
  const [query, setQuery] = useState("")
  const [options, setOptions] = useState<{
    brands: Brand[]
    count: number
  } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    let live = true
    ;(async () => {
      try {
        const facts = await adminFetch<{ brand_id: string | null }>(
          `/products/${product.id}/fitment`,
          { query: { limit: 1 } }
        )
        const current = facts.brand_id
          ? (await adminFetch<{ brand: Brand }>(`/brands/${facts.brand_id}`))
              .brand
          : null
        if (live) setBrand(current)
      } catch (e) {
        if (live) setError(errorMessage(e))
      } finally {
        if (live) setLoading(false)
      }
    })()
    return () => {
      live = false
    }
  }, [product.id])

  // search as you type (debounced), on the server
  useEffect(() => {
    const q = query.trim()
    if (!q) {
      setOptions(null)
      return
    }
    let live = true
    const timer = setTimeout(async () => {
      try {
        const res = await adminFetch<{ brands: Brand[]; count: number }>(
          "/brands",
          { query: { q, limit: 8 } }
        )
        if (live) setOptions(res)
      } catch (e) {
        if (live) setError(errorMessage(e))
      }
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query])

  const save = async (next: Brand | null) => {
    setSaving(true)
    setError(null)
    try {
      await adminFetch(`/products/${product.id}/brand`, {
        method: "POST",
        body: { brand_id: next?.id ?? null },
      })
      setBrand(next)
      setQuery("")
      setOptions(null)
      notify.success(
        "Marque",
        next ? `Marque enregistrée : ${next.name}` : "Marque retirée"
      )
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <ProductWidgetSection
      testId="product-brand-widget"
      title="Marque"
      subtitle="La marque unique du produit : recherche, filtre de la boutique et délais de réassort par marque."
    >
      {loading ? (
        <Text size="small">Chargement…</Text>
      ) : (
        <div className="flex items-center gap-x-3">
          <Text size="small" className="text-ui-fg-subtle">
            Marque actuelle :
          </Text>
          {brand ? (
            <>
              <Badge data-testid="product-brand-current">{brand.name}</Badge>
              <Button
                variant="transparent"
                size="small"
                disabled={saving}
                onClick={() => save(null)}
              >
                Retirer la marque
              </Button>
            </>
          ) : (
            <Text size="small" data-testid="product-brand-current">
              aucune
            </Text>
          )}
        </div>
      )}
      <div className="relative mt-3 max-w-md">
        <label
          className="text-ui-fg-subtle mb-1 block text-sm"
          htmlFor={`brand-search-${product.id}`}
        >
          {brand ? "Changer de marque" : "Choisir une marque"}
        </label>
        <input
          id={`brand-search-${product.id}`}
          data-testid="product-brand-search"
          className={`${fieldClass} w-full`}
          placeholder="Tapez le nom d'une marque (Bosch, Valeo…)"
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
        {options ? (
          <ul
            className="bg-ui-bg-base shadow-elevation-flyout absolute z-10 mt-1 w-full rounded-md border"
            data-testid="product-brand-options"
          >
            {options.brands.map((b) => (
              <li key={b.id}>
                <button
                  type="button"
                  disabled={saving}
                  className="hover:bg-ui-bg-base-hover flex w-full justify-between px-3 py-2 text-left text-sm"
                  onClick={() => save(b)}
                >
                  <span>{b.name}</span>
                  <span className="text-ui-fg-subtle">{b.country ?? ""}</span>
                </button>
              </li>
            ))}
            {!options.brands.length ? (
              <li className="text-ui-fg-subtle px-3 py-2 text-sm">
                Aucune marque ne correspond (créez-la dans Marques).
              </li>
            ) : null}
            {options.count > options.brands.length ? (
              <li className="text-ui-fg-subtle px-3 py-2 text-xs">
                {formatNumber(options.count - options.brands.length)} autres :
                précisez la recherche.
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>
      <ProductWidgetError message={error} testId="product-brand-error" />
    </ProductWidgetSection>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default ProductBrandWidget
