/** The parts of a vehicle that name it for a customer. */
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

/** "Peugeot 208 II 1.2 PureTech 100 (HMZ) · 2019 – en cours": the same wording as the admin's vehicle label. */
export function vehicleLabel(v: LabelledVehicle): string {
  const ym = (y: number | null | undefined, m: number | null | undefined) =>
    y ? (m ? `${String(m).padStart(2, "0")}/${y}` : String(y)) : ""
  const years = `${ym(v.year_from, v.month_from)} – ${v.year_to ? ym(v.year_to, v.month_to) : "en cours"}`
  return [
    v.make.name,
    v.model.name,
    v.generation,
    v.engine,
    v.engine_code && `(${v.engine_code})`,
    `· ${years}`,
  ]
    .filter(Boolean)
    .join(" ")
}
