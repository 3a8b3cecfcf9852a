import { useState } from "react"
import type { ReactNode } from "react"

import { adminFetch } from "../lib/api"
import type { VehicleMake, VehicleModel } from "../lib/fitment-types"
import {
  errorMessage,
  INPUT,
  Notice,
  SearchBox,
  useAdminData,
  useDebounced,
} from "./fitment-ui"

/** Makes and models of the left column: pick, create, rename. */
export const MakesAndModels = ({
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
  const makes = useAdminData<{ makes: VehicleMake[] }>("/vehicles/makes", {
    q: useDebounced(q),
  })
  const models = useAdminData<{ models: VehicleModel[] }>(
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
        const res = await adminFetch<{ make: VehicleMake }>("/vehicles/makes", {
          method: "POST",
          body: { name: newName },
        })
        makes.reload()
        onMake(res.make.id)
      } else {
        const res = await adminFetch<{ model: VehicleModel }>(
          "/vehicles/models",
          {
            method: "POST",
            body: { make_id: makeId, name: newName },
          }
        )
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
