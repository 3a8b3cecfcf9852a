import { useEffect, useState } from "react"
import { Link } from "react-router-dom"

// the rows as the server types them (a type only: nothing of the server is bundled)
import type {
  CoverageModelRow,
  CoverageTotals,
} from "../../../plugins/fitment/src/repositories/fitment-coverage"
import type { VehicleList } from "../lib/fitment-types"
import { formatNumber } from "../lib/format"
import {
  Card,
  INPUT,
  Notice,
  PagedTable,
  SearchBox,
  TD,
  useAdminData,
  useDebounced,
  vehicleLabel,
} from "./fitment-ui"

type CoverageModels = {
  totals: CoverageTotals
  models: CoverageModelRow[]
  count: number
}

/** Véhicules → "Couverture": best-selling models with few parts, vehicles without any part. */
export const CoverageTab = () => {
  const [maxParts, setMaxParts] = useState("10")
  const [offset, setOffset] = useState(0)
  const [vOffset, setVOffset] = useState(0)
  const [vq, setVq] = useState("")
  const dvq = useDebounced(vq)
  const dmax = useDebounced(maxParts)
  useEffect(() => setOffset(0), [dmax])
  useEffect(() => setVOffset(0), [dvq])
  const models = useAdminData<CoverageModels>("/fitment/coverage/models", {
    sort: "sold",
    max_parts: /^\d+$/.test(dmax) ? dmax : undefined,
    limit: 20,
    offset,
  })
  const vehicles = useAdminData<VehicleList>("/fitment/coverage/vehicles", {
    q: dvq,
    limit: 20,
    offset: vOffset,
  })
  const t = models.data?.totals
  return (
    <>
      {t && (
        <div
          className="grid grid-cols-5 gap-base mb-base"
          data-testid="coverage-totals"
        >
          {[
            ["Véhicules", t.vehicles],
            ["Véhicules sans pièce", t.vehicles_without_parts],
            ["Liens pièce ↔ véhicule", t.links],
            ["Pièces avec compatibilités", t.linked_products],
            ["Pièces universelles", t.universal_products],
          ].map(([label, n]) => (
            <div
              key={label as string}
              className="border border-grey-20 rounded-rounded p-base"
            >
              <div className="inter-small-regular text-grey-50">{label}</div>
              <div className="inter-xlarge-semibold">
                {formatNumber(n as number)}
              </div>
            </div>
          ))}
        </div>
      )}
      <Card
        title="Modèles les plus vendus avec peu de pièces"
        actions={
          <label className="inter-small-regular flex items-center gap-x-xsmall">
            au plus
            <input
              aria-label="Nombre maximum de pièces"
              className={`${INPUT} w-16`}
              value={maxParts}
              onChange={(e) => setMaxParts(e.target.value)}
            />
            pièces
          </label>
        }
      >
        <p className="inter-small-regular text-grey-50 mb-small">
          Ventes des 12 derniers mois (commandes) des pièces montées sur le
          modèle ; les modèles qui se vendent le plus d'abord.
        </p>
        {models.error && <Notice kind="error">{models.error}</Notice>}
        <PagedTable
          testId="coverage-models"
          columns={[
            "Constructeur",
            "Modèle",
            "Pièces vendues",
            "Pièces compatibles",
            "Véhicules",
            "Véhicules sans pièce",
          ]}
          pager={{
            count: models.data?.count,
            limit: 20,
            offset,
            onChange: setOffset,
          }}
        >
          {(models.data?.models ?? []).map((m) => (
            <tr key={m.model_id}>
              <td className={TD}>{m.make}</td>
              <td className={TD}>
                <Link
                  className="text-violet-60"
                  to={`/a/vehicules?constructeur=${m.make_id}&modele=${m.model_id}`}
                >
                  {m.model}
                </Link>
              </td>
              <td className={TD}>{formatNumber(m.sold)}</td>
              <td className={TD}>{formatNumber(m.parts)}</td>
              <td className={TD}>{formatNumber(m.vehicles)}</td>
              <td className={TD}>{formatNumber(m.vehicles_without_parts)}</td>
            </tr>
          ))}
        </PagedTable>
      </Card>
      <Card title="Véhicules sans aucune pièce">
        <div className="mb-small">
          <SearchBox
            label="Filtrer les véhicules sans pièce"
            placeholder="Filtrer : constructeur, modèle, moteur…"
            value={vq}
            onChange={setVq}
          />
        </div>
        <PagedTable
          testId="coverage-vehicles"
          pager={{
            count: vehicles.data?.count,
            limit: 20,
            offset: vOffset,
            onChange: setVOffset,
          }}
        >
          {(vehicles.data?.vehicles ?? []).map((v) => (
            <tr key={v.id}>
              <td className={TD}>
                <Link className="text-violet-60" to={`/a/vehicules/${v.id}`}>
                  {vehicleLabel(v)}
                </Link>
              </td>
            </tr>
          ))}
        </PagedTable>
      </Card>
    </>
  )
}
