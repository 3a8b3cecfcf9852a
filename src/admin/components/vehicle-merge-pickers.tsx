import { useState } from "react"

import type {
  Vehicle,
  VehicleList,
  VehicleMake,
  VehicleModel,
} from "../lib/fitment-types"
import {
  INPUT,
  SearchBox,
  SelectOptions,
  useAdminData,
  useDebounced,
  vehicleLabel,
} from "./fitment-ui"

/** A vehicle found by search (8 results at most), for the merge pickers. */
export const VehicleSearchPicker = ({
  label,
  value,
  onChange,
}: {
  label: string
  value: Vehicle | null
  onChange: (v: Vehicle | null) => void
}) => {
  const [q, setQ] = useState("")
  const dq = useDebounced(q)
  const found = useAdminData<VehicleList>(
    dq.length >= 2 && !value ? "/vehicles" : null,
    { q: dq, limit: 8 }
  )
  return (
    <div className="flex-1 flex flex-col gap-y-xsmall">
      <span className="inter-small-semibold">{label}</span>
      {value ? (
        <div className="flex items-center gap-x-small border border-grey-20 rounded-rounded px-small py-xsmall inter-small-regular">
          <span className="flex-1">{vehicleLabel(value)}</span>
          <button
            type="button"
            className="text-grey-50"
            onClick={() => onChange(null)}
          >
            Changer
          </button>
        </div>
      ) : (
        <>
          <SearchBox
            label={label}
            placeholder="Rechercher le véhicule…"
            value={q}
            onChange={setQ}
          />
          <ul className="inter-small-regular">
            {(found.data?.vehicles ?? []).map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className="text-left text-violet-60 py-[2px]"
                  onClick={() => onChange(v)}
                >
                  {vehicleLabel(v)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

/** A make, or a model of a chosen make, for the merge pickers. */
export const NamedPicker = ({
  label,
  kind,
  makeId,
  value,
  onChange,
}: {
  label: string
  kind: "make" | "model"
  makeId?: string
  value: string
  onChange: (id: string) => void
}) => {
  const [make, setMake] = useState(makeId ?? "")
  const makes = useAdminData<{ makes: VehicleMake[] }>("/vehicles/makes")
  const models = useAdminData<{ models: VehicleModel[] }>(
    kind === "model" && make ? "/vehicles/models" : null,
    { make_id: make }
  )
  return (
    <div className="flex-1 flex flex-col gap-y-xsmall">
      <span className="inter-small-semibold">{label}</span>
      <select
        aria-label={`${label} : constructeur`}
        className={INPUT}
        value={kind === "make" ? value : make}
        onChange={(e) =>
          kind === "make"
            ? onChange(e.target.value)
            : (setMake(e.target.value), onChange(""))
        }
      >
        <option value="">— constructeur —</option>
        <SelectOptions
          items={(makes.data?.makes ?? []).map((m) => [m.id, m.name])}
        />
      </select>
      {kind === "model" && (
        <select
          aria-label={`${label} : modèle`}
          className={INPUT}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          disabled={!make}
        >
          <option value="">— modèle —</option>
          {(models.data?.models ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.vehicle_count} véh.)
            </option>
          ))}
        </select>
      )}
    </div>
  )
}
