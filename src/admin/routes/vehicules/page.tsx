import type { RouteConfig } from "@medusajs/admin"
import { Bolt } from "@medusajs/icons"
import { useSearchParams } from "react-router-dom"

import { CoverageTab } from "../../components/vehicle-coverage-tab"
import { ExportButtons } from "../../components/vehicle-export-buttons"
import { VehicleListTab } from "../../components/vehicle-list-tab"
import { MergeTab } from "../../components/vehicle-merge-tab"

const TABS = [
  { key: "liste", label: "Véhicules" },
  { key: "fusion", label: "Fusionner des doublons" },
  { key: "couverture", label: "Couverture" },
]

const VehiculesPage = () => {
  const [params, setParams] = useSearchParams()
  const tab = params.get("onglet") ?? "liste"
  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large">
      <div className="flex items-start justify-between gap-x-large">
        <h1 className="inter-xlarge-semibold mb-small">Véhicules</h1>
        <ExportButtons />
      </div>
      <p className="inter-small-regular text-grey-50 mb-base">
        La base des véhicules (constructeur → modèle → véhicule) à laquelle les
        pièces sont rattachées. Les listes sont paginées côté serveur.
      </p>
      <div
        className="flex gap-x-small mb-large border-b border-grey-20"
        role="tablist"
      >
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={t.key === tab}
            className={`px-small py-xsmall inter-small-semibold ${t.key === tab ? "border-b-2 border-violet-60 text-grey-90" : "text-grey-50"}`}
            onClick={() =>
              setParams(t.key === "liste" ? {} : { onglet: t.key })
            }
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === "fusion" ? (
        <MergeTab />
      ) : tab === "couverture" ? (
        <CoverageTab />
      ) : (
        <VehicleListTab />
      )}
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Véhicules",
    icon: Bolt,
  },
}

export default VehiculesPage
