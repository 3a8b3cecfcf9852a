/** The parts of a vehicle that name it for a person. */
export interface LabelledVehicle {
  make: { name: string }
  model: { name: string }
  generation?: string | null
  engine?: string | null
  engine_code?: string | null
  year_from: number
  month_from?: number | null
  year_to?: number | null
  month_to?: number | null
}

/** "03/2014", "2014", or "" without a year. */
function yearMonth(
  year: number | null | undefined,
  month: number | null | undefined
): string {
  if (!year) {
    return ""
  }
  return month ? `${String(month).padStart(2, "0")}/${year}` : String(year)
}

/** "03/2014 – en cours": when the vehicle was built. */
export function vehiclePeriod(
  v: Pick<LabelledVehicle, "year_from" | "month_from" | "year_to" | "month_to">
): string {
  const end = v.year_to ? yearMonth(v.year_to, v.month_to) : "en cours"
  return `${yearMonth(v.year_from, v.month_from)} – ${end}`
}

/** "Peugeot 208 II 1.2 PureTech 100 (HMZ) · 2019 – en cours" */
export function vehicleLabel(v: LabelledVehicle): string {
  return [
    v.make.name,
    v.model.name,
    v.generation,
    v.engine,
    v.engine_code && `(${v.engine_code})`,
    `· ${vehiclePeriod(v)}`,
  ]
    .filter(Boolean)
    .join(" ")
}
