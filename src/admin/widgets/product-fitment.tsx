/**
 * Product page → "Compatibilité": the vehicles this part fits (fitment links, paged on the server), each
 * linked to its vehicle page; add one through a cascading make → model → year → engine picker, edit the
 * qualifiers (position, quantity, engine code, notes FR/AR), remove, mark the part universal.
 * API: GET/POST /admin/products/:id/fitment, POST/DELETE …/fitment/:link_id, POST …/universal,
 * GET /admin/vehicles/makes, /admin/vehicles/models?make_id=, /store/vehicles/years?model_id=,
 * /admin/vehicles?model_id=&year=.
 */
import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Badge, Button, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useCallback, useEffect, useState } from "react"
import { QualifierFields } from "../components/fitment-qualifier-fields"
import { FitmentVehiclePicker } from "../components/fitment-vehicle-picker"
import {
  errorMessage,
  ProductWidgetError,
  ProductWidgetRemoveButton,
  ProductWidgetPager,
  ProductWidgetSection,
} from "../components/product-widget-section"
import { useBusyAction } from "../components/use-busy-action"
import { adminFetch } from "../lib/api"
import { POSITION_LABELS } from "../lib/fitment-labels"
import {
  EMPTY_QUALIFIERS,
  linkQualifiers,
  qualifierBody,
  type Qualifiers,
} from "../lib/fitment-qualifiers"
import type { FitmentLink } from "../lib/fitment-types"
import { engineText, yearSpan } from "../lib/fitment-vehicle-text"
import { formatNumber, isArabic } from "../lib/format"

const PAGE = 20
const SOURCE_LABEL: Record<string, string> = {
  import: "Import",
  staff: "Saisie",
  supplier: "Fournisseur",
}

const ProductFitmentWidget = ({
  product,
  notify,
}: ProductDetailsWidgetProps) => {
  const [offset, setOffset] = useState(0)
  const [data, setData] = useState<{
    links: FitmentLink[]
    count: number
    universal: boolean
  } | null>(null)
  const { busy, error, setError, run: runAction } = useBusyAction()
  const [adding, setAdding] = useState(false)
  const [pickedVehicle, setPickedVehicle] = useState<string | null>(null)
  const [newQualifiers, setNewQualifiers] =
    useState<Qualifiers>(EMPTY_QUALIFIERS)
  const [editing, setEditing] = useState<{ id: string; q: Qualifiers } | null>(
    null
  )
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const res = await adminFetch<{
        links: FitmentLink[]
        count: number
        universal: boolean
      }>(`/products/${product.id}/fitment`, {
        query: { limit: PAGE, offset },
      })
      setData(res)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [product.id, offset, setError])
  useEffect(() => {
    load()
  }, [load])

  const run = (action: () => Promise<void>) =>
    runAction(async () => {
      await action()
      await load()
    })

  const add = () =>
    run(async () => {
      const body = qualifierBody(newQualifiers)
      if (!pickedVehicle) {
        throw new Error(
          "Choisissez un véhicule (marque, modèle, année puis motorisation)."
        )
      }
      if (!body) {
        throw new Error("Quantité : un nombre entier entre 1 et 1000.")
      }
      const res = await adminFetch<{ created: boolean }>(
        `/products/${product.id}/fitment`,
        {
          method: "POST",
          body: { vehicle_id: pickedVehicle, ...body, source: "staff" },
        }
      )
      notify.success(
        "Compatibilité",
        res.created
          ? "Véhicule ajouté"
          : "Ce véhicule était déjà lié : quantité et notes mises à jour"
      )
      setAdding(false)
      setNewQualifiers(EMPTY_QUALIFIERS)
    })

  const saveEdit = () =>
    run(async () => {
      if (!editing) return
      const body = qualifierBody(editing.q)
      if (!body) {
        throw new Error("Quantité : un nombre entier entre 1 et 1000.")
      }
      await adminFetch(`/products/${product.id}/fitment/${editing.id}`, {
        method: "POST",
        body,
      })
      notify.success("Compatibilité", "Lien modifié")
      setEditing(null)
    })

  const remove = (id: string) =>
    run(async () => {
      await adminFetch(`/products/${product.id}/fitment/${id}`, {
        method: "DELETE",
      })
      notify.success("Compatibilité", "Lien retiré")
      setConfirmDelete(null)
      if (data && data.links.length === 1 && offset > 0)
        setOffset(Math.max(0, offset - PAGE))
    })

  const setUniversal = (universal: boolean) =>
    run(async () => {
      await adminFetch(`/products/${product.id}/universal`, {
        method: "POST",
        body: { universal },
      })
      notify.success(
        "Compatibilité",
        universal ? "Pièce marquée universelle" : "Pièce non universelle"
      )
    })

  return (
    <ProductWidgetSection
      testId="product-fitment-widget"
      title="Compatibilité"
      subtitle={
        data ? (
          <span data-testid="product-fitment-count">
            {data.count === 0
              ? "Aucun véhicule"
              : `${formatNumber(data.count)} véhicule${data.count > 1 ? "s" : ""}`}
            {data.universal
              ? " · pièce universelle (va sur tous les véhicules)"
              : ""}
          </span>
        ) : (
          "Chargement…"
        )
      }
      actions={
        <>
          <label className="flex items-center gap-x-2 text-sm">
            <input
              data-testid="product-fitment-universal"
              type="checkbox"
              disabled={!data || busy}
              checked={!!data?.universal}
              onChange={(e) => setUniversal(e.target.checked)}
            />
            Universelle
          </label>
          <Button
            variant="secondary"
            size="small"
            data-testid="product-fitment-add-open"
            onClick={() => setAdding(!adding)}
          >
            {adding ? "Fermer" : "Ajouter un véhicule"}
          </Button>
        </>
      }
    >
      {adding ? (
        <div
          className="bg-ui-bg-subtle mb-4 rounded-md p-3"
          data-testid="product-fitment-add"
        >
          <FitmentVehiclePicker onPick={setPickedVehicle} />
          <div className="mt-2">
            <QualifierFields
              value={newQualifiers}
              onChange={setNewQualifiers}
              idPrefix="fitment-new"
            />
          </div>
          <div className="mt-2 flex justify-end">
            <Button
              size="small"
              data-testid="product-fitment-add-save"
              disabled={busy || !pickedVehicle}
              onClick={add}
            >
              Ajouter
            </Button>
          </div>
        </div>
      ) : null}
      <ProductWidgetError message={error} testId="product-fitment-error" />
      {data && data.links.length ? (
        <Table data-testid="product-fitment-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Véhicule</Table.HeaderCell>
              <Table.HeaderCell>Moteur</Table.HeaderCell>
              <Table.HeaderCell>Position</Table.HeaderCell>
              <Table.HeaderCell>Qté</Table.HeaderCell>
              <Table.HeaderCell>Notes</Table.HeaderCell>
              <Table.HeaderCell>Source</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.links.map((l) =>
              editing?.id === l.id ? (
                <Table.Row key={l.id}>
                  <td colSpan={7} className="px-6 py-2">
                    <Text size="small" className="mb-1">
                      {l.vehicle.make.name} {l.vehicle.model.name}{" "}
                      {yearSpan(l.vehicle)}
                    </Text>
                    <QualifierFields
                      value={editing.q}
                      onChange={(q) => setEditing({ id: l.id, q })}
                      idPrefix="fitment-edit"
                    />
                    <div className="mt-2 flex justify-end gap-x-2">
                      <Button
                        size="small"
                        variant="secondary"
                        onClick={() => setEditing(null)}
                      >
                        Annuler
                      </Button>
                      <Button
                        size="small"
                        data-testid="fitment-edit-save"
                        disabled={busy}
                        onClick={saveEdit}
                      >
                        Enregistrer
                      </Button>
                    </div>
                  </td>
                </Table.Row>
              ) : (
                <Table.Row key={l.id} data-testid="product-fitment-row">
                  <Table.Cell>
                    <Link
                      className="text-ui-fg-interactive hover:underline"
                      to={`/a/vehicules/${l.vehicle_id}`}
                    >
                      {l.vehicle.make.name} {l.vehicle.model.name}
                      {l.vehicle.generation ? ` ${l.vehicle.generation}` : ""}
                    </Link>
                    <div className="text-ui-fg-subtle text-xs">
                      {yearSpan(l.vehicle)}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    {engineText(l.vehicle)}
                    {l.engine_code &&
                    l.engine_code !== l.vehicle.engine_code ? (
                      <Badge size="2xsmall" className="ml-1">
                        {l.engine_code}
                      </Badge>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>
                    {l.position
                      ? (POSITION_LABELS[l.position] ?? l.position)
                      : "—"}
                  </Table.Cell>
                  <Table.Cell>{l.quantity}</Table.Cell>
                  <Table.Cell>
                    {l.note_fr ? <div>{l.note_fr}</div> : null}
                    {l.note_ar ? (
                      <div dir={isArabic(l.note_ar) ? "rtl" : "auto"} lang="ar">
                        {l.note_ar}
                      </div>
                    ) : null}
                    {!l.note_fr && !l.note_ar ? "—" : null}
                  </Table.Cell>
                  <Table.Cell>{SOURCE_LABEL[l.source] ?? l.source}</Table.Cell>
                  <Table.Cell className="text-right">
                    <Button
                      size="small"
                      variant="transparent"
                      onClick={() =>
                        setEditing({ id: l.id, q: linkQualifiers(l) })
                      }
                    >
                      Modifier
                    </Button>
                    <ProductWidgetRemoveButton
                      armed={confirmDelete === l.id}
                      busy={busy}
                      onArm={() => setConfirmDelete(l.id)}
                      onConfirm={() => remove(l.id)}
                    />
                  </Table.Cell>
                </Table.Row>
              )
            )}
          </Table.Body>
        </Table>
      ) : data ? (
        <Text size="small" className="text-ui-fg-subtle">
          {data.universal
            ? "Pièce universelle : aucun véhicule à lier."
            : "Aucun véhicule lié pour l'instant."}
        </Text>
      ) : null}
      {data ? (
        <ProductWidgetPager
          count={data.count}
          limit={PAGE}
          offset={offset}
          onChange={setOffset}
        />
      ) : null}
    </ProductWidgetSection>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default ProductFitmentWidget
