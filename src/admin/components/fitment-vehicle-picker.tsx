import { Text } from "@medusajs/ui"
import { useEffect, useState } from "react"

import { adminFetch } from "../lib/api"
import type { Vehicle } from "../lib/fitment-types"
import { engineText, yearSpan } from "../lib/fitment-vehicle-text"
import { formatNumber } from "../lib/format"
import {
  errorMessage,
  ProductWidgetError,
  ProductWidgetSelect,
} from "./product-widget-section"

const CHOOSE = "— choisir —"

/** make → model → year → engine (one vehicle), each list read from the server when the previous one is chosen. */
export const FitmentVehiclePicker = ({
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
            `${v.generation ? `${v.generation} · ` : ""}${engineText(v)} · ${yearSpan(v)}`,
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
