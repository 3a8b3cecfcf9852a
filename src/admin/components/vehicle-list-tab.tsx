import { useEffect, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"

import type { VehicleList } from "../lib/fitment-types"
import { formatNumber } from "../lib/format"
import {
  Card,
  FUEL_LABELS,
  INPUT,
  Notice,
  SearchBox,
  SelectOptions,
  TD,
  useAdminData,
  useDebounced,
  VehicleForm,
  years,
  PagedTable,
} from "./fitment-ui"
import { MakesAndModels } from "./vehicle-makes-models"

const PAGE = 25

/** Véhicules → "Véhicules": makes and models on the left, the server-paged vehicle list with its filters. */
export const VehicleListTab = () => {
  const [params, setParams] = useSearchParams()
  const makeId = params.get("constructeur") ?? ""
  const modelId = params.get("modele") ?? ""
  const [q, setQ] = useState(params.get("q") ?? "")
  const [fuel, setFuel] = useState("")
  const [year, setYear] = useState("")
  const [offset, setOffset] = useState(0)
  const [creating, setCreating] = useState(false)
  const navigate = useNavigate()
  const dq = useDebounced(q)
  const dyear = useDebounced(year)
  useEffect(() => setOffset(0), [makeId, modelId, dq, fuel, dyear])
  const validYear = /^\d{4}$/.test(dyear) ? dyear : undefined
  const list = useAdminData<VehicleList>("/vehicles", {
    make_id: makeId,
    model_id: modelId,
    q: dq,
    fuel,
    year: validYear,
    limit: PAGE,
    offset,
  })
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    if (key === "constructeur") next.delete("modele")
    setParams(next, { replace: true })
  }
  return (
    <div className="flex gap-x-large">
      <MakesAndModels
        makeId={makeId}
        modelId={modelId}
        onMake={(id) => set("constructeur", id)}
        onModel={(id) => set("modele", id)}
      />
      <div className="flex-1 min-w-0">
        <div className="flex gap-x-small mb-base">
          <div className="flex-1">
            <SearchBox
              label="Rechercher un véhicule"
              placeholder="Rechercher : constructeur, modèle, moteur, code moteur…"
              value={q}
              onChange={setQ}
            />
          </div>
          <input
            aria-label="Année"
            placeholder="Année"
            className={`${INPUT} w-24`}
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
          <select
            aria-label="Carburant"
            className={INPUT}
            value={fuel}
            onChange={(e) => setFuel(e.target.value)}
          >
            <option value="">Tous carburants</option>
            <SelectOptions items={Object.entries(FUEL_LABELS)} />
          </select>
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => setCreating(!creating)}
          >
            Nouveau véhicule
          </button>
        </div>
        {creating && (
          <Card title="Nouveau véhicule">
            <VehicleForm
              onCancel={() => setCreating(false)}
              onSaved={(v) => navigate(`/a/vehicules/${v.id}`)}
            />
          </Card>
        )}
        {list.error && <Notice kind="error">{list.error}</Notice>}
        <PagedTable
          testId="vehicles-table"
          columns={[
            "Constructeur",
            "Modèle",
            "Génération",
            "Années",
            "Moteur",
            "Code",
            "Carburant",
            "Puissance",
          ]}
          pager={{
            count: list.data?.count,
            limit: PAGE,
            offset,
            onChange: setOffset,
          }}
        >
          {(list.data?.vehicles ?? []).map((v) => (
            <tr key={v.id} className="hover:bg-grey-5">
              <td className={TD}>{v.make.name}</td>
              <td className={TD}>
                <Link className="text-violet-60" to={`/a/vehicules/${v.id}`}>
                  {v.model.name}
                </Link>
              </td>
              <td className={TD}>{v.generation ?? "—"}</td>
              <td className={TD}>{years(v)}</td>
              <td className={TD}>
                <Link className="text-violet-60" to={`/a/vehicules/${v.id}`}>
                  {v.engine ?? "—"}
                </Link>
              </td>
              <td className={TD}>{v.engine_code ?? "—"}</td>
              <td className={TD}>
                {v.fuel ? (FUEL_LABELS[v.fuel] ?? v.fuel) : "—"}
              </td>
              <td className={TD}>
                {v.power_hp ? `${formatNumber(v.power_hp)} ch` : "—"}
              </td>
            </tr>
          ))}
        </PagedTable>
        {list.loading && !list.data && (
          <p className="inter-small-regular text-grey-50 mt-small">
            Chargement…
          </p>
        )}
      </div>
    </div>
  )
}
