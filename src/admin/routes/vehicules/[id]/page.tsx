import { useEffect, useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"

import {
  BODY_LABELS,
  Card,
  FUEL_LABELS,
  Notice,
  POSITION_LABELS,
  SearchBox,
  SOURCE_LABELS,
  TD,
  useAdminData,
  useDebounced,
  Vehicle,
  VehicleForm,
  years,
  errorMessage,
  PagedTable,
} from "../../../components/fitment-ui"
import { adminFetch } from "../../../lib/api"
import { formatNumber, isArabic } from "../../../lib/format"

type PartLink = {
  id: string
  position: string | null
  quantity: number | null
  engine_code: string | null
  from_ym: number | null
  to_ym: number | null
  note_fr: string | null
  note_ar: string | null
  source: string | null
  product: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
    status: string
  }
}

const PAGE = 20
const ym = (v: number | null) =>
  v ? `${String(v % 100).padStart(2, "0")}/${Math.floor(v / 100)}` : ""

const VehiclePage = () => {
  const { id } = useParams()
  const navigate = useNavigate()
  const vehicle = useAdminData<{ vehicle: Vehicle }>(`/vehicles/${id}`)
  const [editing, setEditing] = useState(false)
  const [q, setQ] = useState("")
  const dq = useDebounced(q)
  const [offset, setOffset] = useState(0)
  useEffect(() => setOffset(0), [dq])
  const parts = useAdminData<{ links: PartLink[]; count: number }>(
    `/vehicles/${id}/products`,
    { q: dq, limit: PAGE, offset }
  )
  const [message, setMessage] = useState<{
    kind: "error" | "success"
    text: string
  } | null>(null)

  const remove = async () => {
    setMessage(null)
    try {
      await adminFetch(`/vehicles/${id}`, { method: "DELETE" })
      navigate("/a/vehicules")
    } catch (e) {
      setMessage({
        kind: "error",
        text: `Suppression refusée : ${errorMessage(e)}`,
      })
    }
  }

  if (vehicle.error) {
    return <Notice kind="error">{vehicle.error}</Notice>
  }
  const v = vehicle.data?.vehicle
  if (!v) {
    return <p className="inter-small-regular text-grey-50">Chargement…</p>
  }
  const facts: Array<[string, string]> = [
    ["Constructeur", v.make.name],
    ["Modèle", v.model.name],
    ["Génération", v.generation ?? "—"],
    ["Carrosserie", v.body ? (BODY_LABELS[v.body] ?? v.body) : "—"],
    ["Années", years(v)],
    ["Moteur", v.engine ?? "—"],
    ["Code moteur", v.engine_code ?? "—"],
    [
      "Cylindrée",
      v.displacement_cc ? `${formatNumber(v.displacement_cc)} cm³` : "—",
    ],
    [
      "Puissance",
      v.power_hp
        ? `${formatNumber(v.power_hp)} ch (${formatNumber(v.power_kw, 1)} kW)`
        : "—",
    ],
    ["Carburant", v.fuel ? (FUEL_LABELS[v.fuel] ?? v.fuel) : "—"],
    ["KType TecDoc", v.ktype ? String(v.ktype) : "—"],
  ]
  return (
    <div>
      <Link to="/a/vehicules" className="inter-small-regular text-grey-50">
        ← Véhicules
      </Link>
      <div className="bg-grey-0 border-grey-20 rounded-rounded border px-xlarge py-large my-base">
        <div className="flex items-center justify-between mb-base">
          <h1 className="inter-xlarge-semibold">
            {v.make.name} {v.model.name} {v.generation ?? ""} {v.engine ?? ""}
          </h1>
          <div className="flex gap-x-small">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => setEditing(!editing)}
            >
              Modifier
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={remove}
            >
              Supprimer
            </button>
          </div>
        </div>
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        {editing ? (
          <VehicleForm
            vehicle={v}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false)
              setMessage({ kind: "success", text: "Véhicule enregistré." })
              vehicle.reload()
            }}
          />
        ) : (
          <dl
            className="grid grid-cols-4 gap-small inter-small-regular"
            data-testid="vehicle-facts"
          >
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-grey-50">{label}</dt>
                <dd className="inter-small-semibold">{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <Card
        title={`Pièces compatibles (${formatNumber(parts.data?.count ?? 0)})`}
      >
        <div className="mb-small">
          <SearchBox
            label="Chercher une pièce"
            placeholder="Chercher une pièce (titre)…"
            value={q}
            onChange={setQ}
          />
        </div>
        {parts.error && <Notice kind="error">{parts.error}</Notice>}
        <PagedTable
          testId="vehicle-parts"
          columns={[
            "Pièce",
            "Emplacement",
            "Qté",
            "Code moteur",
            "Période",
            "Notes",
            "Source",
          ]}
          pager={{
            count: parts.data?.count,
            limit: PAGE,
            offset,
            onChange: setOffset,
          }}
        >
          {(parts.data?.links ?? []).map((l) => (
            <tr key={l.id}>
              <td className={TD}>
                <Link
                  className="text-violet-60"
                  to={`/a/products/${l.product.id}`}
                >
                  {l.product.title}
                </Link>
              </td>
              <td className={TD}>
                {l.position ? (POSITION_LABELS[l.position] ?? l.position) : "—"}
              </td>
              <td className={TD}>{l.quantity ?? "—"}</td>
              <td className={TD}>{l.engine_code ?? "—"}</td>
              <td className={TD}>
                {l.from_ym || l.to_ym
                  ? `${ym(l.from_ym)} – ${ym(l.to_ym)}`
                  : "—"}
              </td>
              <td className={TD}>
                {l.note_fr && <div>{l.note_fr}</div>}
                {l.note_ar && (
                  <div dir={isArabic(l.note_ar) ? "rtl" : undefined} lang="ar">
                    {l.note_ar}
                  </div>
                )}
              </td>
              <td className={TD}>
                {l.source ? (SOURCE_LABELS[l.source] ?? l.source) : "—"}
              </td>
            </tr>
          ))}
        </PagedTable>
      </Card>
    </div>
  )
}

export default VehiclePage
