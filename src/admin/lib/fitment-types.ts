/**
 * Shapes of the fitment API's answers (vehicles, makes, models, brands) as the admin screens read them:
 * declared once, used by the Véhicules, Imports and Marques pages and by the product widgets. The vehicle and the
 * link are the server's own types (`import type`: erased at build, nothing of the server is bundled).
 */
import type {
  AdminLink,
  StoreVehicle,
} from "../../../plugins/fitment/src/lib/fitment-shape"
import type { Jsonified } from "./api"

/** A vehicle with its make and model, as GET /admin/vehicles and the links answer with it. */
export type Vehicle = StoreVehicle

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
export type FitmentLink = Jsonified<AdminLink>
