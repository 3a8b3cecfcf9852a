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
import {
  errorMessage,
  fieldClass,
  ProductWidgetError,
  ProductWidgetRemoveButton,
  ProductWidgetSelect,
  ProductWidgetPager,
  ProductWidgetSection,
} from "../components/product-widget-section"
import { adminFetch } from "../lib/api"
import { formatNumber, isArabic } from "../lib/format"

type Vehicle = {
  id: string
  make: { id: string; name: string }
  model: { id: string; name: string }
  generation: string | null
  body: string | null
  year_from: number
  year_to: number | null
  engine: string | null
  engine_code: string | null
  power_hp: number | null
  fuel: string | null
}
type FitmentLink = {
  id: string
  vehicle_id: string
  position: string | null
  quantity: number
  engine_code: string | null
  note_fr: string | null
  note_ar: string | null
  source: string
  vehicle: Vehicle
}
type Qualifiers = {
  position: string
  quantity: string
  engine_code: string
  note_fr: string
  note_ar: string
}

const PAGE = 20
const POSITIONS: [string, string][] = [
  ["", "—"],
  ["front", "Avant"],
  ["rear", "Arrière"],
  ["left", "Gauche"],
  ["right", "Droite"],
  ["front_left", "Avant gauche"],
  ["front_right", "Avant droit"],
  ["rear_left", "Arrière gauche"],
  ["rear_right", "Arrière droit"],
]
const POSITION_LABEL = Object.fromEntries(POSITIONS)
const SOURCE_LABEL: Record<string, string> = {
  import: "Import",
  staff: "Saisie",
  supplier: "Fournisseur",
}
const FUEL_LABEL: Record<string, string> = {
  petrol: "essence",
  diesel: "diesel",
  hybrid: "hybride",
  plug_in_hybrid: "hybride rechargeable",
  electric: "électrique",
  lpg: "GPL",
  petrol_lpg: "essence/GPL",
  cng: "GNV",
  flex: "flex (essence/éthanol E85)",
}
const CHOOSE = "— choisir —"
const EMPTY: Qualifiers = {
  position: "",
  quantity: "1",
  engine_code: "",
  note_fr: "",
  note_ar: "",
}

const years = (v: Vehicle) => `${v.year_from}–${v.year_to ?? "…"}`
const engineText = (v: Vehicle) =>
  [
    v.engine,
    v.engine_code ? `(${v.engine_code})` : null,
    v.power_hp ? `${v.power_hp} ch` : null,
    v.fuel ? (FUEL_LABEL[v.fuel] ?? v.fuel) : null,
  ]
    .filter(Boolean)
    .join(" ") || "—"

/** The qualifiers as the API wants them; null when the quantity is not a whole number 1..1000. */
function qualifierBody(q: Qualifiers): Record<string, unknown> | null {
  const quantity = Number(q.quantity)
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000) {
    return null
  }
  return {
    position: q.position || null,
    quantity,
    engine_code: q.engine_code.trim() || null,
    note_fr: q.note_fr.trim() || null,
    note_ar: q.note_ar.trim() || null,
  }
}

const QualifierFields = ({
  value,
  onChange,
  idPrefix,
}: {
  value: Qualifiers
  onChange: (q: Qualifiers) => void
  idPrefix: string
}) => (
  <div className="grid grid-cols-2 gap-2 md:grid-cols-5">
    <ProductWidgetSelect
      label="Position"
      testId={`${idPrefix}-position`}
      value={value.position}
      onChange={(position) => onChange({ ...value, position })}
      options={POSITIONS}
    />
    <label className="text-ui-fg-subtle text-xs">
      Quantité
      <input
        data-testid={`${idPrefix}-quantity`}
        type="number"
        min={1}
        max={1000}
        className={`${fieldClass} mt-1 w-full`}
        value={value.quantity}
        onChange={(e) => onChange({ ...value, quantity: e.target.value })}
      />
    </label>
    <label className="text-ui-fg-subtle text-xs">
      Code moteur
      <input
        data-testid={`${idPrefix}-engine-code`}
        className={`${fieldClass} mt-1 w-full`}
        value={value.engine_code}
        onChange={(e) => onChange({ ...value, engine_code: e.target.value })}
      />
    </label>
    <label className="text-ui-fg-subtle text-xs">
      Note (français)
      <input
        data-testid={`${idPrefix}-note-fr`}
        className={`${fieldClass} mt-1 w-full`}
        value={value.note_fr}
        onChange={(e) => onChange({ ...value, note_fr: e.target.value })}
      />
    </label>
    <label className="text-ui-fg-subtle text-xs">
      Note (arabe)
      <input
        data-testid={`${idPrefix}-note-ar`}
        dir="rtl"
        lang="ar"
        className={`${fieldClass} mt-1 w-full`}
        value={value.note_ar}
        onChange={(e) => onChange({ ...value, note_ar: e.target.value })}
      />
    </label>
  </div>
)

/** make → model → year → engine (one vehicle), each list read from the server when the previous one is chosen. */
const VehiclePicker = ({
  onPick,
}: {
  onPick: (vehicleId: string | null) => void
}) => {
  const [makes, setMakes] = useState<{ id: string; name: string }[]>([])
  const [models, setModels] = useState<{ id: string; name: string }[]>([])
  const [yearList, setYearList] = useState<number[]>([])
  const [vehicles, setVehicles] = useState<Vehicle[]>([])
  const [vehicleCount, setVehicleCount] = useState(0)
  const [makeId, setMakeId] = useState("")
  const [modelId, setModelId] = useState("")
  const [year, setYear] = useState("")
  const [vehicleId, setVehicleId] = useState("")
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    adminFetch<{ makes: { id: string; name: string }[] }>("/vehicles/makes")
      .then((r) => setMakes(r.makes))
      .catch((e) => setError(errorMessage(e)))
  }, [])
  useEffect(() => {
    setModels([])
    setModelId("")
    if (makeId) {
      adminFetch<{ models: { id: string; name: string }[] }>(
        "/vehicles/models",
        { query: { make_id: makeId } }
      )
        .then((r) => setModels(r.models))
        .catch((e) => setError(errorMessage(e)))
    }
  }, [makeId])
  useEffect(() => {
    setYearList([])
    setYear("")
    if (modelId) {
      adminFetch<{ years: number[] }>("/store/vehicles/years", {
        query: { model_id: modelId },
      })
        .then((r) => setYearList(r.years))
        .catch((e) => setError(errorMessage(e)))
    }
  }, [modelId])
  useEffect(() => {
    setVehicles([])
    setVehicleId("")
    if (modelId && year) {
      adminFetch<{ vehicles: Vehicle[]; count: number }>("/vehicles", {
        query: { model_id: modelId, year, limit: 200 },
      })
        .then((r) => {
          setVehicles(r.vehicles)
          setVehicleCount(r.count)
        })
        .catch((e) => setError(errorMessage(e)))
    }
  }, [modelId, year])
  // tells the parent when the picked vehicle changes, not when it re-renders
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => onPick(vehicleId || null), [vehicleId])

  return (
    <div>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        <ProductWidgetSelect
          label="Marque du véhicule"
          testId="fitment-pick-make"
          placeholder={CHOOSE}
          value={makeId}
          onChange={setMakeId}
          options={makes.map((m) => [m.id, m.name])}
          disabled={!makes.length}
        />
        <ProductWidgetSelect
          label="Modèle"
          testId="fitment-pick-model"
          placeholder={CHOOSE}
          value={modelId}
          onChange={setModelId}
          options={models.map((m) => [m.id, m.name])}
          disabled={!makeId}
        />
        <ProductWidgetSelect
          label="Année"
          testId="fitment-pick-year"
          placeholder={CHOOSE}
          value={year}
          onChange={setYear}
          options={yearList.map((y) => [String(y), String(y)])}
          disabled={!modelId}
        />
        <ProductWidgetSelect
          label="Motorisation"
          testId="fitment-pick-vehicle"
          placeholder={CHOOSE}
          value={vehicleId}
          onChange={setVehicleId}
          options={vehicles.map((v) => [
            v.id,
            `${v.generation ? `${v.generation} · ` : ""}${engineText(v)} · ${years(v)}`,
          ])}
          disabled={!year}
        />
      </div>
      {vehicleCount > vehicles.length ? (
        <Text size="xsmall" className="text-ui-fg-subtle mt-1">
          {formatNumber(vehicleCount - vehicles.length)} autres motorisations
          non affichées.
        </Text>
      ) : null}
      <ProductWidgetError message={error} />
    </div>
  )
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
  const [error, setError] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const [pickedVehicle, setPickedVehicle] = useState<string | null>(null)
  const [newQualifiers, setNewQualifiers] = useState<Qualifiers>(EMPTY)
  const [editing, setEditing] = useState<{ id: string; q: Qualifiers } | null>(
    null
  )
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

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
  }, [product.id, offset])
  useEffect(() => {
    load()
  }, [load])

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      await load()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

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
      setNewQualifiers(EMPTY)
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
          <VehiclePicker onPick={setPickedVehicle} />
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
                      {years(l.vehicle)}
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
                      {years(l.vehicle)}
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
                      ? (POSITION_LABEL[l.position] ?? l.position)
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
                        setEditing({
                          id: l.id,
                          q: {
                            position: l.position ?? "",
                            quantity: String(l.quantity),
                            engine_code: l.engine_code ?? "",
                            note_fr: l.note_fr ?? "",
                            note_ar: l.note_ar ?? "",
                          },
                        })
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
