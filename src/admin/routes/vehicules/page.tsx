import type { RouteConfig } from "@medusajs/admin"
import { Bolt } from "@medusajs/icons"
import { useEffect, useState } from "react"
import type { ReactNode } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"

import {
  Card,
  FUEL_LABELS,
  INPUT,
  Notice,
  Pager,
  SearchBox,
  TABLE,
  TD,
  TH,
  useAdminData,
  useDebounced,
  Vehicle,
  VehicleForm,
  vehicleLabel,
  years,
  errorMessage,
} from "../../components/fitment-ui"
import { adminFetch, downloadAdminFile } from "../../lib/api"
import { formatNumber } from "../../lib/format"

type Make = { id: string; name: string; model_count: number; aliases: string[] }
type Model = {
  id: string
  name: string
  make_id: string
  vehicle_count: number
  year_from: number | null
  year_to: number | null
}
type VehicleList = {
  vehicles: Vehicle[]
  count: number
  limit: number
  offset: number
}

const PAGE = 25
const TABS = [
  { key: "liste", label: "Véhicules" },
  { key: "fusion", label: "Fusionner des doublons" },
  { key: "couverture", label: "Couverture" },
]

/** Makes and models of the left column: pick, create, rename. */
const MakesAndModels = ({
  makeId,
  modelId,
  onMake,
  onModel,
}: {
  makeId: string
  modelId: string
  onMake: (id: string) => void
  onModel: (id: string) => void
}) => {
  const [q, setQ] = useState("")
  const makes = useAdminData<{ makes: Make[] }>("/vehicles/makes", {
    q: useDebounced(q),
  })
  const models = useAdminData<{ models: Model[] }>(
    makeId ? "/vehicles/models" : null,
    { make_id: makeId }
  )
  const [newName, setNewName] = useState("")
  const [adding, setAdding] = useState<"make" | "model" | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [renaming, setRenaming] = useState<{
    kind: "make" | "model"
    id: string
    name: string
  } | null>(null)

  const create = async () => {
    setError(null)
    try {
      if (adding === "make") {
        const res = await adminFetch<{ make: Make }>("/vehicles/makes", {
          method: "POST",
          body: { name: newName },
        })
        makes.reload()
        onMake(res.make.id)
      } else {
        const res = await adminFetch<{ model: Model }>("/vehicles/models", {
          method: "POST",
          body: { make_id: makeId, name: newName },
        })
        models.reload()
        onModel(res.model.id)
      }
      setNewName("")
      setAdding(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const rename = async () => {
    if (!renaming) return
    setError(null)
    try {
      await adminFetch(
        `/vehicles/${renaming.kind === "make" ? "makes" : "models"}/${renaming.id}`,
        { method: "POST", body: { name: renaming.name } }
      )
      setRenaming(null)
      makes.reload()
      models.reload()
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  const item = (
    kind: "make" | "model",
    id: string,
    name: string,
    count: string,
    selected: boolean,
    onClick: () => void
  ) =>
    renaming?.id === id ? (
      <li key={id} className="flex gap-x-xsmall py-[2px]">
        <input
          aria-label="Nouveau nom"
          className={`${INPUT} flex-1`}
          value={renaming.name}
          onChange={(e) => setRenaming({ ...renaming, name: e.target.value })}
        />
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={rename}
        >
          OK
        </button>
      </li>
    ) : (
      <li
        key={id}
        className={`flex items-center justify-between rounded-rounded px-xsmall py-[2px] cursor-pointer ${selected ? "bg-grey-10 inter-small-semibold" : "hover:bg-grey-5"}`}
      >
        <button type="button" className="flex-1 text-left" onClick={onClick}>
          {name} <span className="text-grey-50">({count})</span>
        </button>
        {selected && (
          <button
            type="button"
            className="text-grey-50 inter-small-regular"
            title="Renommer"
            onClick={() => setRenaming({ kind, id, name })}
          >
            Renommer
          </button>
        )}
      </li>
    )

  /** A titled list (makes or models) with its "+ Ajouter" form and an "all" entry. */
  const list = (
    kind: "make" | "model",
    title: string,
    inputLabel: string,
    all: string,
    selected: string,
    onPick: (id: string) => void,
    height: string,
    items: ReactNode[]
  ) => (
    <>
      <div className="inter-small-semibold text-grey-50 flex justify-between">
        {title}
        <button
          type="button"
          className="text-violet-60"
          onClick={() => {
            setAdding(kind)
            setNewName("")
          }}
        >
          + Ajouter
        </button>
      </div>
      {adding === kind && (
        <div className="flex gap-x-xsmall">
          <input
            aria-label={inputLabel}
            className={`${INPUT} flex-1`}
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
          />
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={create}
          >
            Créer
          </button>
        </div>
      )}
      <ul
        className={`${height} overflow-y-auto inter-small-regular`}
        data-testid={`${kind}s`}
      >
        <li
          className={`px-xsmall py-[2px] cursor-pointer ${!selected ? "bg-grey-10 inter-small-semibold" : ""}`}
          onClick={() => onPick("")}
        >
          {all}
        </li>
        {items}
      </ul>
    </>
  )

  return (
    <div className="w-64 shrink-0 flex flex-col gap-y-small">
      <SearchBox
        label="Chercher un constructeur"
        placeholder="Constructeur…"
        value={q}
        onChange={setQ}
      />
      {error && <Notice kind="error">{error}</Notice>}
      {list(
        "make",
        "Constructeurs",
        "Nom du constructeur",
        "Tous les constructeurs",
        makeId,
        onMake,
        "max-h-[280px]",
        (makes.data?.makes ?? []).map((m) =>
          item(
            "make",
            m.id,
            m.name,
            `${m.model_count} modèles`,
            m.id === makeId,
            () => onMake(m.id)
          )
        )
      )}
      {makeId &&
        list(
          "model",
          "Modèles",
          "Nom du modèle",
          "Tous les modèles",
          modelId,
          onModel,
          "max-h-[320px]",
          (models.data?.models ?? []).map((m) =>
            item(
              "model",
              m.id,
              m.name,
              `${m.vehicle_count} véh.`,
              m.id === modelId,
              () => onModel(m.id)
            )
          )
        )}
    </div>
  )
}

const VehicleListTab = () => {
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
            {Object.entries(FUEL_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
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
        <table className={TABLE} data-testid="vehicles-table">
          <thead>
            <tr>
              <th className={TH}>Constructeur</th>
              <th className={TH}>Modèle</th>
              <th className={TH}>Génération</th>
              <th className={TH}>Années</th>
              <th className={TH}>Moteur</th>
              <th className={TH}>Code</th>
              <th className={TH}>Carburant</th>
              <th className={TH}>Puissance</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
        {list.loading && !list.data && (
          <p className="inter-small-regular text-grey-50 mt-small">
            Chargement…
          </p>
        )}
        {list.data && (
          <Pager
            count={list.data.count}
            limit={PAGE}
            offset={offset}
            onChange={setOffset}
          />
        )}
      </div>
    </div>
  )
}

/** A vehicle found by search (8 results at most), for the merge pickers. */
const VehiclePicker = ({
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

const NamedPicker = ({
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
  const makes = useAdminData<{ makes: Make[] }>("/vehicles/makes")
  const models = useAdminData<{ models: Model[] }>(
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
        {(makes.data?.makes ?? []).map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
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

type Preview = {
  entity: string
  survivor: any
  merged: any
  moves: {
    links: number
    links_moved: number
    links_folded: number
    products: number
    vehicles: number
    vehicles_folded: number
    models: number
    models_folded: number
  }
  products: Array<{ id: string; title: string; links: number }>
}

const ENTITY_LABELS: Record<string, string> = {
  vehicle: "Véhicules",
  model: "Modèles",
  make: "Constructeurs",
}

const MergeTab = () => {
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
          <VehiclePicker
            label="Véhicule à conserver"
            value={survivorV}
            onChange={setSurvivorV}
          />
          <VehiclePicker
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
            label={
              entity === "model"
                ? "Doublon à fusionner (sera supprimé)"
                : "Doublon à fusionner (sera supprimé)"
            }
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

type CoverageModels = {
  totals: {
    vehicles: number
    vehicles_without_parts: number
    links: number
    linked_products: number
    universal_products: number
    products: number
  }
  models: Array<{
    make_id: string
    make: string
    model_id: string
    model: string
    vehicles: number
    vehicles_without_parts: number
    parts: number
    sold: number
  }>
  count: number
}

const CoverageTab = () => {
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
        <table className={TABLE} data-testid="coverage-models">
          <thead>
            <tr>
              <th className={TH}>Constructeur</th>
              <th className={TH}>Modèle</th>
              <th className={TH}>Pièces vendues</th>
              <th className={TH}>Pièces compatibles</th>
              <th className={TH}>Véhicules</th>
              <th className={TH}>Véhicules sans pièce</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
        {models.data && (
          <Pager
            count={models.data.count}
            limit={20}
            offset={offset}
            onChange={setOffset}
          />
        )}
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
        <table className={TABLE} data-testid="coverage-vehicles">
          <tbody>
            {(vehicles.data?.vehicles ?? []).map((v) => (
              <tr key={v.id}>
                <td className={TD}>
                  <Link className="text-violet-60" to={`/a/vehicules/${v.id}`}>
                    {vehicleLabel(v)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {vehicles.data && (
          <Pager
            count={vehicles.data.count}
            limit={20}
            offset={vOffset}
            onChange={setVOffset}
          />
        )}
      </Card>
    </>
  )
}

const EXPORTS = [
  {
    type: "vehicles",
    label: "Exporter les véhicules (CSV)",
    file: "vehicules",
  },
  {
    type: "fitments",
    label: "Exporter les compatibilités (CSV)",
    file: "compatibilites",
  },
] as const

/**
 * Downloads the vehicle base or the part ↔ vehicle links as the CSV the Imports page reads back
 * (GET /admin/fitment/export): edit it in Excel, then import it.
 */
const ExportButtons = () => {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const download = async (e: (typeof EXPORTS)[number]) => {
    setBusy(e.type)
    setError(null)
    try {
      await downloadAdminFile(
        "/fitment/export",
        `${e.file}-${new Date().toISOString().slice(0, 10)}.csv`,
        { type: e.type, format: "csv" }
      )
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="flex flex-col items-end gap-y-xsmall">
      <div className="flex gap-x-small">
        {EXPORTS.map((e) => (
          <button
            key={e.type}
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy !== null}
            onClick={() => download(e)}
          >
            {busy === e.type ? "Export en cours…" : e.label}
          </button>
        ))}
      </div>
      <span className="inter-small-regular text-grey-50">
        Fichiers au format de la page Imports : à modifier dans Excel puis à
        réimporter.
      </span>
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  )
}

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
