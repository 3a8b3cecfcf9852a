import { useEffect, useState } from "react"

// the dry run as the server types it (a type only: nothing of the server is bundled)
import type { MergePreview } from "../../../plugins/fitment/src/services/vehicle-merge-preview"
import { adminFetch } from "../lib/api"
import type { Vehicle } from "../lib/fitment-types"
import { formatNumber } from "../lib/format"
import { Card, errorMessage, Notice, vehicleLabel } from "./fitment-ui"
import { NamedPicker, VehicleSearchPicker } from "./vehicle-merge-pickers"

/** The server's dry run; the kept and the merged item are a vehicle, a model or a make, named by `name`. */
type Preview = Omit<MergePreview, "survivor" | "merged"> & {
  survivor: any
  merged: any
}

const ENTITY_LABELS: Record<string, string> = {
  vehicle: "Véhicules",
  model: "Modèles",
  make: "Constructeurs",
}

/** Véhicules → "Fusionner des doublons": pick the kept and the merged item, preview, confirm. */
export const MergeTab = () => {
  const [entity, setEntity] = useState<"vehicle" | "model" | "make">("vehicle")
  const [survivorV, setSurvivorV] = useState<Vehicle | null>(null)
  const [mergedV, setMergedV] = useState<Vehicle | null>(null)
  const [survivorId, setSurvivorId] = useState("")
  const [mergedId, setMergedId] = useState("")
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const survivor = entity === "vehicle" ? (survivorV?.id ?? "") : survivorId
  const merged = entity === "vehicle" ? (mergedV?.id ?? "") : mergedId
  useEffect(() => setPreview(null), [entity, survivor, merged])

  const run = async (dryRun: boolean) => {
    setError(null)
    setDone(null)
    setBusy(true)
    try {
      const res = await adminFetch<any>("/fitment/merges", {
        method: "POST",
        body: {
          entity,
          survivor_id: survivor,
          merged_id: merged,
          dry_run: dryRun,
        },
      })
      if (dryRun) {
        setPreview(res.preview)
      } else {
        setDone(
          `Fusion enregistrée : ${formatNumber(res.merge.moved_links)} lien(s) de compatibilité rattaché(s) à l'élément conservé.`
        )
        setPreview(null)
        setMergedV(null)
        setMergedId("")
      }
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const name = (x: any) =>
    entity === "vehicle"
      ? vehicleLabel(x)
      : entity === "model"
        ? `${x.make_name} ${x.name}`
        : x.name

  return (
    <Card title="Fusionner des doublons">
      <p className="inter-small-regular text-grey-50 mb-base">
        Tout ce qui est rattaché au doublon (liens pièce ↔ véhicule, véhicules,
        modèles) passe à l'élément conservé ; rien n'est perdu. Un lien
        identique à un lien existant est fusionné avec lui (notes conservées).
        Voyez ce qui sera déplacé avant de confirmer.
      </p>
      <div className="flex gap-x-small mb-base">
        {(["vehicle", "model", "make"] as const).map((e) => (
          <button
            key={e}
            type="button"
            className={`btn btn-small ${e === entity ? "btn-primary" : "btn-secondary"}`}
            onClick={() => setEntity(e)}
          >
            {ENTITY_LABELS[e]}
          </button>
        ))}
      </div>
      {entity === "vehicle" ? (
        <div className="flex gap-x-large mb-base">
          <VehicleSearchPicker
            label="Véhicule à conserver"
            value={survivorV}
            onChange={setSurvivorV}
          />
          <VehicleSearchPicker
            label="Doublon à fusionner (sera supprimé)"
            value={mergedV}
            onChange={setMergedV}
          />
        </div>
      ) : (
        <div className="flex gap-x-large mb-base" key={entity}>
          <NamedPicker
            label={
              entity === "model"
                ? "Modèle à conserver"
                : "Constructeur à conserver"
            }
            kind={entity}
            value={survivorId}
            onChange={setSurvivorId}
          />
          <NamedPicker
            label="Doublon à fusionner (sera supprimé)"
            kind={entity}
            value={mergedId}
            onChange={setMergedId}
          />
        </div>
      )}
      {error && <Notice kind="error">Fusion refusée : {error}</Notice>}
      {done && <Notice kind="success">{done}</Notice>}
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={!survivor || !merged || busy}
        onClick={() => run(true)}
      >
        Voir ce qui sera déplacé
      </button>
      {preview && (
        <div
          className="mt-base border border-grey-20 rounded-rounded p-base"
          data-testid="merge-preview"
        >
          <p className="inter-base-semibold mb-small">
            « {name(preview.merged)} » sera fusionné dans «{" "}
            {name(preview.survivor)} »
          </p>
          <ul className="list-disc pl-large inter-small-regular mb-small">
            <li>
              {formatNumber(preview.moves.links_moved)} lien(s) pièce ↔ véhicule
              déplacé(s)
            </li>
            <li>
              {formatNumber(preview.moves.links_folded)} lien(s) identique(s)
              fusionné(s) avec un lien existant
            </li>
            <li>
              {formatNumber(preview.moves.products)} produit(s) concerné(s)
            </li>
            {entity !== "vehicle" && (
              <li>
                {formatNumber(preview.moves.vehicles)} véhicule(s) déplacé(s),
                dont {formatNumber(preview.moves.vehicles_folded)} fusionné(s)
                avec un véhicule identique
              </li>
            )}
            {entity === "make" && (
              <li>
                {formatNumber(preview.moves.models)} modèle(s) déplacé(s), dont{" "}
                {formatNumber(preview.moves.models_folded)} fusionné(s) avec un
                modèle identique
              </li>
            )}
          </ul>
          {preview.products.length > 0 && (
            <p className="inter-small-regular text-grey-50 mb-small">
              Produits : {preview.products.map((p) => p.title).join(", ")}
              {preview.moves.products > preview.products.length ? "…" : ""}
            </p>
          )}
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={busy}
            onClick={() => run(false)}
          >
            Confirmer la fusion
          </button>
        </div>
      )}
    </Card>
  )
}
