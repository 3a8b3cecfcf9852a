/**
 * Product page → "Références": manufacturer (MPN), OE and cross-reference numbers with their brand/maker
 * (GET/POST /admin/products/:id/part-numbers, DELETE …/:number_id). A number the product already has is
 * refused by the API (422 duplicate_error): its refusal is shown in French with the API's own words.
 */
import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Button, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import {
  errorMessage,
  fieldClass,
  ProductWidgetError,
  ProductWidgetRemoveButton,
  ProductWidgetSection,
  ProductWidgetSelect,
} from "../components/product-widget-section"
import { useBusyAction } from "../components/use-busy-action"
import { AdminApiError, adminFetch } from "../lib/api"

type PartNumber = {
  id: string
  type: "mpn" | "oe" | "cross"
  brand_name: string | null
  raw: string
  normalized: string
}

const TYPES: [PartNumber["type"], string][] = [
  ["oe", "OE (constructeur)"],
  ["cross", "Équivalence"],
  ["mpn", "Réf. fabricant"],
]
const TYPE_LABEL = Object.fromEntries(TYPES)

/** The French sentence for a refused number; the API's message follows it. */
function partNumberRefusal(
  e: unknown,
  sent: { type: string; raw: string; brand_name: string }
): string {
  if (e instanceof AdminApiError && e.type === "duplicate_error") {
    const maker = sent.brand_name.trim() ? ` (${sent.brand_name.trim()})` : ""
    return `Référence refusée : ${TYPE_LABEL[sent.type] ?? sent.type} ${sent.raw.trim()}${maker} existe déjà pour ce produit. (${e.message})`
  }
  if (e instanceof AdminApiError && e.status >= 400 && e.status < 500) {
    return `Référence refusée : ${e.message}`
  }
  return `Erreur : ${errorMessage(e)}`
}

const ProductPartNumbersWidget = ({
  product,
  notify,
}: ProductDetailsWidgetProps) => {
  const [numbers, setNumbers] = useState<PartNumber[] | null>(null)
  const [form, setForm] = useState({ type: "oe", raw: "", brand_name: "" })
  const { busy, error, setError, run } = useBusyAction()
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setNumbers(
        (
          await adminFetch<{ part_numbers: PartNumber[] }>(
            `/products/${product.id}/part-numbers`
          )
        ).part_numbers
      )
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [product.id, setError])
  useEffect(() => {
    load()
  }, [load])

  const add = async () => {
    setError(null)
    if (!form.raw.trim()) {
      setError("Numéro : saisissez une référence.")
      return
    }
    await run(
      async () => {
        const res = await adminFetch<{ part_numbers: PartNumber[] }>(
          `/products/${product.id}/part-numbers`,
          {
            method: "POST",
            body: {
              numbers: [
                {
                  type: form.type,
                  raw: form.raw.trim(),
                  brand_name: form.brand_name.trim() || null,
                },
              ],
            },
          }
        )
        setNumbers(res.part_numbers)
        notify.success("Références", `Référence ajoutée : ${form.raw.trim()}`)
        setForm({ ...form, raw: "" })
      },
      (e) => partNumberRefusal(e, form)
    )
  }

  const remove = (id: string) =>
    run(async () => {
      await adminFetch(`/products/${product.id}/part-numbers/${id}`, {
        method: "DELETE",
      })
      setConfirmDelete(null)
      notify.success("Références", "Référence retirée")
      await load()
    })

  return (
    <ProductWidgetSection
      testId="product-part-numbers-widget"
      title="Références"
      subtitle="Numéros d'origine (OE), équivalences et référence du fabricant, avec leur marque."
    >
      {numbers && numbers.length ? (
        <Table data-testid="product-part-numbers-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Type</Table.HeaderCell>
              <Table.HeaderCell>Numéro</Table.HeaderCell>
              <Table.HeaderCell>Marque / constructeur</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {numbers.map((n) => (
              <Table.Row key={n.id} data-testid="product-part-number-row">
                <Table.Cell>{TYPE_LABEL[n.type] ?? n.type}</Table.Cell>
                <Table.Cell className="font-mono">{n.raw}</Table.Cell>
                <Table.Cell>{n.brand_name ?? "—"}</Table.Cell>
                <Table.Cell className="text-right">
                  <ProductWidgetRemoveButton
                    armed={confirmDelete === n.id}
                    busy={busy}
                    onArm={() => setConfirmDelete(n.id)}
                    onConfirm={() => remove(n.id)}
                  />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : numbers ? (
        <Text size="small" className="text-ui-fg-subtle">
          Aucune référence.
        </Text>
      ) : (
        <Text size="small">Chargement…</Text>
      )}
      <form
        className="mt-4 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <ProductWidgetSelect
          label="Type"
          testId="part-number-type"
          className="block"
          value={form.type}
          onChange={(type) => setForm({ ...form, type })}
          options={TYPES}
        />
        <label className="text-ui-fg-subtle text-xs">
          Numéro
          <input
            data-testid="part-number-raw"
            className={`${fieldClass} mt-1 block font-mono`}
            value={form.raw}
            placeholder="1609.412.480"
            onChange={(e) => setForm({ ...form, raw: e.target.value })}
          />
        </label>
        <label className="text-ui-fg-subtle text-xs">
          Marque / constructeur
          <input
            data-testid="part-number-brand"
            className={`${fieldClass} mt-1 block`}
            value={form.brand_name}
            placeholder="Peugeot, TRW…"
            onChange={(e) => setForm({ ...form, brand_name: e.target.value })}
          />
        </label>
        <Button
          size="small"
          type="submit"
          data-testid="part-number-add"
          disabled={busy}
        >
          Ajouter la référence
        </Button>
      </form>
      <ProductWidgetError message={error} testId="product-part-numbers-error" />
    </ProductWidgetSection>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default ProductPartNumbersWidget
