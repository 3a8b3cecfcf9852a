/**
 * Shapes of the fitment API's answers (vehicles, makes, models, brands) as the admin screens read them:
 * declared once, used by the Véhicules, Imports and Marques pages and by the product widgets.
 */

export type Vehicle = {
  id: string
  make: { id: string; name: string }
  model: { id: string; name: string }
  generation: string | null
  body: string | null
  year_from: number
  month_from: number | null
  year_to: number | null
  month_to: number | null
  engine: string | null
  engine_code: string | null
  displacement_cc: number | null
  power_kw: number | null
  power_hp: number | null
  fuel: string | null
  ktype: number | null
}

/** GET /admin/vehicles (and the coverage list of vehicles without parts). */
export type VehicleList = {
  vehicles: Vehicle[]
  count: number
  limit: number
  offset: number
}

export type VehicleMake = {
  id: string
  name: string
  model_count: number
  aliases: string[]
}

export type VehicleModel = {
  id: string
  name: string
  make_id: string
  vehicle_count: number
  year_from: number | null
  year_to: number | null
}

/** A parts brand; `product_count` comes with the lists, the other fields with the brand itself. */
export type Brand = {
  id: string
  name: string
  handle: string
  country: string | null
  logo_url?: string | null
  description?: string | null
  product_count?: number
}

/** A part ↔ vehicle link of GET /admin/products/:id/fitment, with its vehicle. */
export type FitmentLink = {
  id: string
  vehicle_id: string
  position: string | null
  quantity: number
  engine_code: string | null
  note_fr: string | null
  note_ar: string | null
  source: string
  vehicle: Vehicle
}
