/** SQL fragments shared by the fitment repositories (text only, no database access). */

/** The columns of a link, alias f (row type LinkRow). */
export const LINK_COLUMNS = `f.id, f.product_id, f.variant_id, f.vehicle_id, f.position, f.quantity, f.engine_code,
  f.from_ym, f.to_ym, f.note_fr, f.note_ar, f.source, f.created_at, f.updated_at`

/** A vehicle with its make and model, aliases v, mk, md (row type VehicleJoinRow). */
export const VEHICLE_COLUMNS = `v.id AS v_id, v.make_id, mk.name AS make_name, mk.handle AS make_handle, v.model_id,
  md.name AS model_name, md.handle AS model_handle, v.generation, v.body, v.year_from, v.month_from, v.year_to,
  v.month_to, v.engine, v.engine_code AS vehicle_engine_code, v.displacement_cc, v.power_kw, v.power_hp, v.fuel, v.ktype`

/** vehicle v joined to its make (mk) and model (md). */
export const VEHICLE_FROM = `vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id`

/** A link whose product still exists (alias f2); Medusa soft-deletes products, so their links stay behind. */
export const LIVE_LINK = `SELECT 1 FROM fitment f2 JOIN product p2 ON p2.id = f2.product_id AND p2.deleted_at IS NULL WHERE true`
