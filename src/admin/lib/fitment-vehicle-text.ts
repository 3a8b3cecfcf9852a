/** Short texts of a vehicle for the product widgets' lists and pickers. */
import { fuelInText } from "./fitment-labels"
import type { Vehicle } from "./fitment-types"

/** "2014–2019", or "2019–…" while still built. */
export const yearSpan = (v: Pick<Vehicle, "year_from" | "year_to">): string =>
  `${v.year_from}–${v.year_to ?? "…"}`

/** "1.5 dCi 90 (K9K) 90 ch diesel"; "—" when nothing is known. */
export const engineText = (
  v: Pick<Vehicle, "engine" | "engine_code" | "power_hp" | "fuel">
): string =>
  [
    v.engine,
    v.engine_code ? `(${v.engine_code})` : null,
    v.power_hp ? `${v.power_hp} ch` : null,
    v.fuel ? fuelInText(v.fuel) : null,
  ]
    .filter(Boolean)
    .join(" ") || "—"
