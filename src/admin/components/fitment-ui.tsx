/**
 * Pieces shared by the fitment screens (Véhicules, Imports, Marques): a data hook over adminFetch, a pager for
 * server-side paged lists, a debounced search box, notices, cards, French labels of the API's codes (from
 * lib/fitment-labels) and the vehicle form (creation and edit).
 */
import { useCallback, useEffect, useRef, useState } from "react"
import type { FormEvent, ReactNode } from "react"

import { vehicleLabel, vehiclePeriod } from "@shabou/vehicle-label"
import { adminFetch } from "../lib/api"
import {
  BODY_LABELS,
  FUEL_LABELS,
  POSITION_LABELS,
  SOURCE_LABELS,
} from "../lib/fitment-labels"
import type { Vehicle, VehicleMake, VehicleModel } from "../lib/fitment-types"
import { Card, errorMessage, Notice, Pager, SelectOptions } from "./ui"
import type { PagerProps } from "./ui"

/** GET an admin path with a query; reloads when the path or query changes. `data` stays while reloading. */
export function useAdminData<T>(
  path: string | null,
  query: Record<string, unknown> = {}
) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [tick, setTick] = useState(0)
  const key = JSON.stringify(query)
  useEffect(() => {
    if (!path) {
      setData(null)
      return
    }
    let live = true
    setLoading(true)
    adminFetch<T>(path, { query: JSON.parse(key) })
      .then((d) => {
        if (live) {
          setData(d)
          setError(null)
        }
      })
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [path, key, tick])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data, error, loading, reload }
}

/** A value that follows `value` once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return v
}

export { Card, errorMessage, Notice, Pager, SelectOptions }
export { BODY_LABELS, FUEL_LABELS, POSITION_LABELS, SOURCE_LABELS }
export type { Vehicle }
/** "Peugeot 208 II 1.2 PureTech 100 (HMZ) · 2019 – en cours", and its period alone: as the server writes them. */
export { vehicleLabel, vehiclePeriod as years }

export const SearchBox = ({
  value,
  onChange,
  placeholder,
  label,
}: {
  value: string
  onChange: (v: string) => void
  placeholder: string
  label: string
}) => (
  <input
    type="search"
    aria-label={label}
    className={`${INPUT} w-full`}
    placeholder={placeholder}
    value={value}
    onChange={(e) => onChange(e.target.value)}
  />
)

export const INPUT =
  "border border-grey-20 rounded-rounded px-small py-xsmall inter-small-regular bg-grey-0"
export const TABLE = "w-full inter-small-regular"
export const TH =
  "text-left text-grey-50 inter-small-semibold py-xsmall pr-small border-b border-grey-20"
export const TD = "py-xsmall pr-small border-b border-grey-10 align-top"

/**
 * A server-paged table of the fitment screens: its column titles, its rows, and the pager under it once the
 * list's `count` has come (undefined until then).
 */
export const PagedTable = ({
  testId,
  columns,
  pager,
  children,
}: {
  testId: string
  /** the header row's titles; none: no header row */
  columns?: string[]
  pager: Omit<PagerProps, "count"> & { count: number | undefined }
  children: ReactNode
}) => (
  <>
    <table className={TABLE} data-testid={testId}>
      {columns && (
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} className={TH}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>{children}</tbody>
    </table>
    {pager.count !== undefined && <Pager {...pager} count={pager.count} />}
  </>
)

const VEHICLE_FIELDS: Array<{
  name: keyof Vehicle
  label: string
  type?: "number"
}> = [
  { name: "generation", label: "Génération (ex. II, Mk7)" },
  { name: "year_from", label: "Année début *", type: "number" },
  { name: "month_from", label: "Mois début", type: "number" },
  { name: "year_to", label: "Année fin (vide = en cours)", type: "number" },
  { name: "month_to", label: "Mois fin", type: "number" },
  { name: "engine", label: "Moteur (ex. 1.5 dCi 90)" },
  { name: "engine_code", label: "Code moteur (ex. K9K)" },
  { name: "displacement_cc", label: "Cylindrée (cm³)", type: "number" },
  { name: "power_hp", label: "Puissance (ch)", type: "number" },
  { name: "power_kw", label: "Puissance (kW)", type: "number" },
  { name: "ktype", label: "KType TecDoc", type: "number" },
]

/**
 * Creation or edit of a vehicle: make → model pickers (models of the chosen make), then the vehicle's fields.
 * Saves through POST /admin/vehicles or /admin/vehicles/:id; the API's validation message is shown as is.
 */
export const VehicleForm = ({
  vehicle,
  onSaved,
  onCancel,
}: {
  vehicle?: Vehicle
  onSaved: (v: Vehicle) => void
  onCancel?: () => void
}) => {
  const [makeId, setMakeId] = useState(vehicle?.make.id ?? "")
  const [modelId, setModelId] = useState(vehicle?.model.id ?? "")
  const [values, setValues] = useState<Record<string, string>>(() => {
    const v: Record<string, string> = {}
    for (const f of [...VEHICLE_FIELDS.map((x) => x.name), "body", "fuel"]) {
      const value = vehicle ? (vehicle as any)[f] : null
      v[f] = value === null || value === undefined ? "" : String(value)
    }
    return v
  })
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const makes = useAdminData<{ makes: VehicleMake[] }>("/vehicles/makes")
  const models = useAdminData<{ models: VehicleModel[] }>(
    makeId ? "/vehicles/models" : null,
    { make_id: makeId }
  )
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    setModelId("")
  }, [makeId])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    if (!modelId) {
      setError("Choisissez le constructeur et le modèle.")
      return
    }
    const body: Record<string, unknown> = { model_id: modelId }
    for (const [k, v] of Object.entries(values)) {
      const f = VEHICLE_FIELDS.find((x) => x.name === k)
      body[k] =
        v.trim() === ""
          ? null
          : f?.type === "number"
            ? Number(v.replace(/\s/g, "").replace(",", "."))
            : v.trim()
    }
    if (
      vehicle &&
      values.power_hp === String(vehicle.power_hp ?? "") &&
      values.power_kw === String(vehicle.power_kw ?? "")
    ) {
      delete body.power_hp
      delete body.power_kw
    }
    setSaving(true)
    try {
      const res = await adminFetch<{ vehicle: Vehicle }>(
        vehicle ? `/vehicles/${vehicle.id}` : "/vehicles",
        { method: "POST", body }
      )
      onSaved(res.vehicle)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-y-small"
      data-testid="vehicle-form"
    >
      {error && <Notice kind="error">Enregistrement refusé : {error}</Notice>}
      <div className="grid grid-cols-2 gap-small">
        <label className="flex flex-col inter-small-regular">
          Constructeur *
          <select
            name="make_id"
            className={INPUT}
            value={makeId}
            onChange={(e) => setMakeId(e.target.value)}
          >
            <option value="">— choisir —</option>
            <SelectOptions
              items={(makes.data?.makes ?? []).map((m) => [m.id, m.name])}
            />
          </select>
        </label>
        <label className="flex flex-col inter-small-regular">
          Modèle *
          <select
            name="model_id"
            className={INPUT}
            value={modelId}
            onChange={(e) => setModelId(e.target.value)}
            disabled={!makeId}
          >
            <option value="">— choisir —</option>
            <SelectOptions
              items={(models.data?.models ?? []).map((m) => [m.id, m.name])}
            />
          </select>
        </label>
        {VEHICLE_FIELDS.map((f) => (
          <label key={f.name} className="flex flex-col inter-small-regular">
            {f.label}
            <input
              name={f.name}
              className={INPUT}
              inputMode={f.type === "number" ? "numeric" : undefined}
              value={values[f.name]}
              onChange={(e) =>
                setValues({ ...values, [f.name]: e.target.value })
              }
            />
          </label>
        ))}
        <label className="flex flex-col inter-small-regular">
          Carrosserie
          <select
            name="body"
            className={INPUT}
            value={values.body}
            onChange={(e) => setValues({ ...values, body: e.target.value })}
          >
            <option value="">—</option>
            <SelectOptions items={Object.entries(BODY_LABELS)} />
          </select>
        </label>
        <label className="flex flex-col inter-small-regular">
          Carburant
          <select
            name="fuel"
            className={INPUT}
            value={values.fuel}
            onChange={(e) => setValues({ ...values, fuel: e.target.value })}
          >
            <option value="">—</option>
            <SelectOptions items={Object.entries(FUEL_LABELS)} />
          </select>
        </label>
      </div>
      <div className="flex gap-x-small justify-end">
        {onCancel && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={onCancel}
          >
            Annuler
          </button>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={saving}
        >
          {vehicle ? "Enregistrer le véhicule" : "Créer le véhicule"}
        </button>
      </div>
    </form>
  )
}
