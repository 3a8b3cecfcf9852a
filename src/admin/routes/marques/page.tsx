import type { RouteConfig } from "@medusajs/admin"
import { Tag } from "@medusajs/icons"
import { useEffect, useState } from "react"
import type { FormEvent } from "react"

import {
  Card,
  INPUT,
  Notice,
  SearchBox,
  TD,
  useAdminData,
  useDebounced,
  errorMessage,
  PagedTable,
} from "../../components/fitment-ui"
import { adminFetch } from "../../lib/api"
import { formatNumber } from "../../lib/format"
import type { Brand } from "../../lib/fitment-types"

const PAGE = 25
const EMPTY = {
  name: "",
  handle: "",
  country: "",
  logo_url: "",
  description: "",
}
type Draft = typeof EMPTY

const BrandFields = ({
  draft,
  onChange,
}: {
  draft: Draft
  onChange: (d: Draft) => void
}) => (
  <div className="grid grid-cols-5 gap-small">
    {(
      [
        ["name", "Nom *"],
        ["handle", "Identifiant (URL)"],
        ["country", "Pays (code, ex. DE)"],
        ["logo_url", "Logo (URL)"],
        ["description", "Description"],
      ] as Array<[keyof Draft, string]>
    ).map(([k, label]) => (
      <label key={k} className="flex flex-col inter-small-regular">
        {label}
        <input
          name={k}
          className={INPUT}
          value={draft[k]}
          onChange={(e) => onChange({ ...draft, [k]: e.target.value })}
        />
      </label>
    ))}
  </div>
)

/** Empty fields are not sent on creation (the handle is then made from the name); on edit they clear the value. */
function payload(d: Draft, edit: boolean): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  for (const [k, v] of Object.entries(d)) {
    if (v.trim()) out[k] = v.trim()
    else if (edit && k !== "name" && k !== "handle") out[k] = null
  }
  return out
}

const MarquesPage = () => {
  const [q, setQ] = useState("")
  const dq = useDebounced(q)
  const [offset, setOffset] = useState(0)
  useEffect(() => setOffset(0), [dq])
  const list = useAdminData<{ brands: Brand[]; count: number }>("/brands", {
    q: dq,
    limit: PAGE,
    offset,
  })
  const [creating, setCreating] = useState(false)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(
    null
  )
  const [confirming, setConfirming] = useState<string | null>(null)
  const [message, setMessage] = useState<{
    kind: "error" | "success"
    text: string
  } | null>(null)

  const create = async (e: FormEvent) => {
    e.preventDefault()
    setMessage(null)
    try {
      const res = await adminFetch<{ brand: Brand }>("/brands", {
        method: "POST",
        body: payload(draft, false),
      })
      setMessage({
        kind: "success",
        text: `Marque « ${res.brand.name} » créée.`,
      })
      setDraft(EMPTY)
      setCreating(false)
      list.reload()
    } catch (err) {
      setMessage({
        kind: "error",
        text: `Création refusée : ${errorMessage(err)}`,
      })
    }
  }
  const save = async () => {
    if (!editing) return
    setMessage(null)
    try {
      const res = await adminFetch<{ brand: Brand }>(`/brands/${editing.id}`, {
        method: "POST",
        body: payload(editing.draft, true),
      })
      setMessage({
        kind: "success",
        text: `Marque « ${res.brand.name} » enregistrée.`,
      })
      setEditing(null)
      list.reload()
    } catch (err) {
      setMessage({
        kind: "error",
        text: `Enregistrement refusé : ${errorMessage(err)}`,
      })
    }
  }
  const remove = async (b: Brand) => {
    setMessage(null)
    setConfirming(null)
    try {
      await adminFetch(`/brands/${b.id}`, { method: "DELETE" })
      setMessage({ kind: "success", text: `Marque « ${b.name} » supprimée.` })
      list.reload()
    } catch (err) {
      setMessage({
        kind: "error",
        text: `Suppression refusée : « ${b.name} » est encore la marque de ${formatNumber(b.product_count)} produit(s) ; donnez-leur une autre marque avant de la supprimer. (${errorMessage(err)})`,
      })
      list.reload()
    }
  }

  return (
    <div>
      <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large mb-base">
        <div className="flex items-center justify-between mb-small">
          <h1 className="inter-xlarge-semibold">Marques</h1>
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => setCreating(!creating)}
          >
            Nouvelle marque
          </button>
        </div>
        <p className="inter-small-regular text-grey-50 mb-base">
          Les fabricants des pièces (Bosch, Valeo…). Chaque produit a une
          marque, choisie sur sa fiche ; la recherche, le filtre de la boutique
          et les délais fournisseurs la lisent. Une marque encore utilisée ne
          peut pas être supprimée.
        </p>
        {creating && (
          <form
            onSubmit={create}
            className="mb-base"
            data-testid="brand-create"
          >
            <BrandFields draft={draft} onChange={setDraft} />
            <div className="flex justify-end gap-x-small mt-small">
              <button
                type="button"
                className="btn btn-secondary btn-small"
                onClick={() => setCreating(false)}
              >
                Annuler
              </button>
              <button type="submit" className="btn btn-primary btn-small">
                Créer la marque
              </button>
            </div>
          </form>
        )}
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        <SearchBox
          label="Rechercher une marque"
          placeholder="Rechercher une marque…"
          value={q}
          onChange={setQ}
        />
      </div>
      <Card title={`${formatNumber(list.data?.count ?? 0)} marque(s)`}>
        {list.error && <Notice kind="error">{list.error}</Notice>}
        <PagedTable
          testId="brands-table"
          columns={["Nom", "Identifiant", "Pays", "Produits", ""]}
          pager={{
            count: list.data?.count,
            limit: PAGE,
            offset,
            onChange: setOffset,
          }}
        >
          {(list.data?.brands ?? []).map((b) =>
            editing?.id === b.id ? (
              <tr key={b.id} data-brand={b.handle}>
                <td className={TD} colSpan={5}>
                  <BrandFields
                    draft={editing.draft}
                    onChange={(d) => setEditing({ id: b.id, draft: d })}
                  />
                  <div className="flex justify-end gap-x-small mt-small">
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      onClick={() => setEditing(null)}
                    >
                      Annuler
                    </button>
                    <button
                      type="button"
                      className="btn btn-primary btn-small"
                      onClick={save}
                    >
                      Enregistrer
                    </button>
                  </div>
                </td>
              </tr>
            ) : (
              <tr key={b.id} data-brand={b.handle}>
                <td className={TD}>
                  <span className="inter-small-semibold">{b.name}</span>
                  {b.description && (
                    <div className="text-grey-50">{b.description}</div>
                  )}
                </td>
                <td className={TD}>{b.handle}</td>
                <td className={TD}>{b.country ?? "—"}</td>
                <td className={TD}>{formatNumber(b.product_count)}</td>
                <td className={`${TD} text-right whitespace-nowrap`}>
                  {confirming === b.id ? (
                    <>
                      <span className="mr-small">Supprimer « {b.name} » ?</span>
                      <button
                        type="button"
                        className="btn btn-danger btn-small mr-xsmall"
                        onClick={() => remove(b)}
                      >
                        Oui, supprimer
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        onClick={() => setConfirming(null)}
                      >
                        Annuler
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small mr-xsmall"
                        onClick={() =>
                          setEditing({
                            id: b.id,
                            draft: {
                              name: b.name,
                              handle: b.handle,
                              country: b.country ?? "",
                              logo_url: b.logo_url ?? "",
                              description: b.description ?? "",
                            },
                          })
                        }
                      >
                        Modifier
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        onClick={() => setConfirming(b.id)}
                      >
                        Supprimer
                      </button>
                    </>
                  )}
                </td>
              </tr>
            )
          )}
        </PagedTable>
      </Card>
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Marques",
    icon: Tag,
  },
}

export default MarquesPage
