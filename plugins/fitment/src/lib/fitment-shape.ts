/**
 * Rows of the fitment queries (`pg` gives numeric columns as strings) and the
 * shapes the API answers with.
 */

/** What a part ↔ vehicle link says besides its product and vehicle (months written YYYYMM). */
export type LinkFields = {
  position: string | null
  quantity: number
  engine_code: string | null
  from_ym: number | null
  to_ym: number | null
  note_fr: string | null
  note_ar: string | null
}

/** The qualifiers of a part ↔ vehicle link, as stored. */
export type LinkQualifiers = LinkFields & {
  id: string
  product_id: string
  variant_id: string | null
  vehicle_id: string
  source: string
}

/** A link row (LINK_COLUMNS). */
export type LinkRow = LinkQualifiers & { created_at: Date; updated_at: Date }

/**
 * A vehicle's own columns besides its make and model (lib/vehicle-row VEHICLE_FIELDS). `Power` is the type of
 * the powers: numbers in the API's answers, text or numbers in rows (`pg` gives numeric columns as strings).
 */
export type VehicleFields<Power = number> = {
  generation: string | null
  body: string | null
  year_from: number
  month_from: number | null
  year_to: number | null
  month_to: number | null
  engine: string | null
  engine_code: string | null
  displacement_cc: number | null
  power_kw: Power | null
  power_hp: Power | null
  fuel: string | null
  ktype: number | null
}

/** A vehicle with its make and model (VEHICLE_COLUMNS); the vehicle's engine code as `vehicle_engine_code`. */
export type VehicleJoinRow = Omit<
  VehicleFields<string | number>,
  "engine_code"
> & {
  v_id: string
  make_id: string
  make_name: string
  make_handle: string
  model_id: string
  model_name: string
  model_handle: string
  vehicle_engine_code: string | null
}

export type LinkVehicleRow = LinkRow & VehicleJoinRow

/** A link of a vehicle's part list with the product it belongs to. */
export type VehiclePartRow = LinkRow & {
  product_title: string
  product_handle: string
  product_thumbnail: string | null
  product_status: string
}

/** A vehicle as the API answers with it (store and admin). */
export type StoreVehicle = VehicleFields & {
  id: string
  make: { id: string; name: string; handle: string }
  model: { id: string; name: string; handle: string }
}

/** A link as the admin API answers with it: its row and its vehicle. */
export type AdminLink = LinkRow & { vehicle: StoreVehicle }

/** A link as the store shows it: the vehicle, then the link's qualifiers. */
export type StoreLink = StoreVehicle &
  Omit<LinkQualifiers, "id" | "product_id" | "vehicle_id"> & { link_id: string }

/** A product's brand row (fitment_product joined to brand). */
export type ProductBrandRow = {
  product_id: string
  is_universal: boolean
  id: string | null
  name: string | null
  handle: string | null
  logo_url: string | null
  country: string | null
}

export type BrandSummary = {
  id: string
  name: string | null
  handle: string | null
  logo_url: string | null
  country: string | null
}

export function brandOf(row: ProductBrandRow | undefined): BrandSummary | null {
  if (!row || !row.id) {
    return null
  }
  return {
    id: row.id,
    name: row.name,
    handle: row.handle,
    logo_url: row.logo_url,
    country: row.country,
  }
}

export function shapeVehicle(r: VehicleJoinRow): StoreVehicle {
  return {
    id: r.v_id,
    make: { id: r.make_id, name: r.make_name, handle: r.make_handle },
    model: { id: r.model_id, name: r.model_name, handle: r.model_handle },
    generation: r.generation,
    body: r.body,
    year_from: r.year_from,
    month_from: r.month_from,
    year_to: r.year_to,
    month_to: r.month_to,
    engine: r.engine,
    engine_code: r.vehicle_engine_code,
    displacement_cc: r.displacement_cc,
    power_kw: r.power_kw === null ? null : Number(r.power_kw),
    power_hp: r.power_hp === null ? null : Number(r.power_hp),
    fuel: r.fuel,
    ktype: r.ktype,
  }
}

export function qualifiers(r: LinkQualifiers): LinkQualifiers {
  return {
    id: r.id,
    product_id: r.product_id,
    variant_id: r.variant_id,
    vehicle_id: r.vehicle_id,
    position: r.position,
    quantity: r.quantity,
    engine_code: r.engine_code,
    from_ym: r.from_ym,
    to_ym: r.to_ym,
    note_fr: r.note_fr,
    note_ar: r.note_ar,
    source: r.source,
  }
}

export function shapeLink(r: LinkVehicleRow): AdminLink {
  return {
    ...qualifiers(r),
    created_at: r.created_at,
    updated_at: r.updated_at,
    vehicle: shapeVehicle(r),
  }
}

/** Store shape: the vehicle with its make and model, plus the link's qualifiers. */
export function storeLink(l: AdminLink): StoreLink {
  const {
    vehicle,
    id,
    product_id: _p,
    vehicle_id: _v,
    created_at: _c,
    updated_at: _u,
    ...q
  } = l
  return { ...vehicle, link_id: id, ...q }
}

/** A link of a vehicle's part list: its qualifiers and the product. */
export function shapeVehiclePart(r: VehiclePartRow) {
  return {
    ...qualifiers(r),
    product: {
      id: r.product_id,
      title: r.product_title,
      handle: r.product_handle,
      thumbnail: r.product_thumbnail,
      status: r.product_status,
    },
  }
}
