/**
 * Order page → "Véhicule du client": the vehicle the customer ordered for (chosen in the cart or from their
 * garage, with its VIN) and, for each line, whether the part fits it as checked at checkout
 * (GET /admin/orders/:id/fitment). Lines that do not fit are listed first so the counter staff calls the customer.
 */
import type { OrderDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Badge, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { ProductWidgetSection } from "../components/product-widget-section"
import { errorMessage, Notice } from "../components/ui"
import { adminFetch } from "../lib/api"
import { formatDate } from "../lib/format"

type Verdict = "fits" | "does_not_fit" | "unknown"
type Line = {
  line_item_id: string
  title: string
  description: string | null
  sku: string | null
  quantity: number
  verdict: Verdict | null
  reason: string | null
  checked_at: string | null
}
type OrderVehicle = {
  label: string
  vin: string | null
  fuel: string | null
  garage_vehicle_id: string | null
}

const VERDICTS: Record<
  Verdict,
  { label: string; color: "green" | "red" | "grey" }
> = {
  fits: { label: "Compatible", color: "green" },
  does_not_fit: { label: "Non compatible", color: "red" },
  unknown: { label: "Compatibilité inconnue", color: "grey" },
}

const REASONS: Record<string, string> = {
  "universal part: fits every vehicle":
    "pièce universelle : s'adapte à tous les véhicules",
  "fits this vehicle": "montée sur ce véhicule",
  "fits this vehicle under the conditions listed":
    "montée sur ce véhicule, sous conditions (position, moteur, période)",
  "the part has fitment data and this vehicle is not in it":
    "la pièce a des données de compatibilité et ce véhicule n'y figure pas",
  "no fitment data for this part":
    "aucune donnée de compatibilité pour cette pièce",
  "no fitment data for this vehicle yet: no part is linked to it":
    "aucune donnée de compatibilité pour ce véhicule (aucune pièce liée)",
}

/** The reason in French when it is one of the fixed ones; the engine-code reason keeps its codes. */
function reasonFr(reason: string | null): string {
  if (!reason) return ""
  const engine =
    /^linked to this vehicle only for engine code (.+), the vehicle has (.+)$/.exec(
      reason
    )
  if (engine)
    return `liée à ce véhicule seulement pour le code moteur ${engine[1]} ; le véhicule a ${engine[2]}`
  return REASONS[reason] ?? reason
}

const ORDER: Record<string, number> = { does_not_fit: 0, unknown: 1, fits: 2 }

const OrderVehicleFitmentWidget = ({ order }: OrderDetailsWidgetProps) => {
  const [data, setData] = useState<{
    vehicle: OrderVehicle | null
    lines: Line[]
  } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    adminFetch<{ vehicle: OrderVehicle | null; lines: Line[] }>(
      `/orders/${order.id}/fitment`
    )
      .then((res) => live && setData(res))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [order.id])

  const lines = data
    ? [...data.lines].sort(
        (a, b) =>
          (ORDER[a.verdict ?? "unknown"] ?? 1) -
          (ORDER[b.verdict ?? "unknown"] ?? 1)
      )
    : []
  const notFitting = lines.filter((l) => l.verdict === "does_not_fit").length

  return (
    <ProductWidgetSection
      title="Véhicule du client"
      testId="order-vehicle-fitment"
    >
      {error ? <Notice kind="error">{error}</Notice> : null}
      {!data && !error ? (
        <Text className="text-ui-fg-subtle">Chargement…</Text>
      ) : null}
      {data && !data.vehicle ? (
        <Text className="text-ui-fg-subtle" data-testid="order-vehicle-none">
          Le client n'a pas indiqué de véhicule pour cette commande.
        </Text>
      ) : null}
      {data?.vehicle ? (
        <div className="mb-4">
          <Text weight="plus" data-testid="order-vehicle-label">
            {data.vehicle.label}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {data.vehicle.vin ? `VIN ${data.vehicle.vin}` : "VIN non indiqué"}
            {data.vehicle.garage_vehicle_id ? " · du garage du client" : ""}
          </Text>
          {notFitting ? (
            <Notice kind="warning">
              {notFitting === 1
                ? "1 article ne correspond pas"
                : `${notFitting} articles ne correspondent pas`}{" "}
              à ce véhicule : appelez le client avant l'expédition.
            </Notice>
          ) : null}
        </div>
      ) : null}
      {data?.vehicle && lines.length ? (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-ui-fg-subtle text-left">
              <th className="py-1 pr-2 font-normal">Article</th>
              <th className="py-1 pr-2 font-normal">Réf.</th>
              <th className="py-1 pr-2 font-normal">Qté</th>
              <th className="py-1 font-normal">Compatibilité</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr
                key={l.line_item_id}
                className="border-ui-border-base border-t align-top"
                data-testid={`order-line-fitment-${l.line_item_id}`}
              >
                <td className="py-2 pr-2">{l.title}</td>
                <td className="py-2 pr-2">{l.sku ?? "—"}</td>
                <td className="py-2 pr-2">{l.quantity}</td>
                <td className="py-2">
                  {l.verdict ? (
                    <>
                      <Badge color={VERDICTS[l.verdict].color}>
                        {VERDICTS[l.verdict].label}
                      </Badge>
                      <Text size="small" className="text-ui-fg-subtle mt-1">
                        {reasonFr(l.reason)}
                        {l.checked_at
                          ? ` (vérifié le ${formatDate(l.checked_at, true)})`
                          : ""}
                      </Text>
                    </>
                  ) : (
                    <Text size="small" className="text-ui-fg-subtle">
                      Non vérifiée (ligne sans produit du catalogue)
                    </Text>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </ProductWidgetSection>
  )
}

export const config: WidgetConfig = {
  zone: "order.details.after",
}

export default OrderVehicleFitmentWidget
