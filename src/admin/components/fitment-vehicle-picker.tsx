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

type Named = { id: string; name: string }

/**
 * One list of the cascade, read from `path` with `query` whenever `query` changes; null while it loads and
 * while `query` is null (the choice before it not made yet). A failure goes to `onError`.
 */
function useChoiceList<T>(
  path: string,
  query: Record<string, unknown> | null,
  onError: (message: string) => void
): T | null {
  const [data, setData] = useState<T | null>(null)
  const key = query && JSON.stringify(query)
  useEffect(() => {
    setData(null)
    if (key !== null) {
      adminFetch<T>(path, { query: JSON.parse(key) })
        .then(setData)
        .catch((e) => onError(errorMessage(e)))
    }
    // `onError` is a state setter: the same function on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, key])
  return data
}

/** make → model → year → engine (one vehicle), each list read from the server when the previous one is chosen. */
export const FitmentVehiclePicker = ({
  onPick,
}: {
  onPick: (vehicleId: string | null) => void
}) => {
  const [vehicleCount, setVehicleCount] = useState(0)
  const [makeId, setMakeId] = useState("")
  const [modelId, setModelId] = useState("")
  const [year, setYear] = useState("")
  const [vehicleId, setVehicleId] = useState("")
  const [error, setError] = useState<string | null>(null)

  const makes =
    useChoiceList<{ makes: Named[] }>("/vehicles/makes", {}, setError)?.makes ??
    []
  const models =
    useChoiceList<{ models: Named[] }>(
      "/vehicles/models",
      makeId ? { make_id: makeId } : null,
      setError
    )?.models ?? []
  const yearList =
    useChoiceList<{ years: number[] }>(
      "/store/vehicles/years",
      modelId ? { model_id: modelId } : null,
      setError
    )?.years ?? []
  const found = useChoiceList<{ vehicles: Vehicle[]; count: number }>(
    "/vehicles",
    modelId && year ? { model_id: modelId, year, limit: 200 } : null,
    setError
  )
  const vehicles = found?.vehicles ?? []
  // a choice empties the ones after it
  useEffect(() => setModelId(""), [makeId])
  useEffect(() => setYear(""), [modelId])
  useEffect(() => setVehicleId(""), [modelId, year])
  useEffect(() => {
    if (found) {
      setVehicleCount(found.count)
    }
  }, [found])
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
