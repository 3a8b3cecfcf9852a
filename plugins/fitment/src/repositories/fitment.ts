import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import {
  LINK_COLUMNS,
  LIVE_LINK,
  VEHICLE_COLUMNS,
  VEHICLE_FROM,
} from "../lib/fitment-sql"
import {
  LinkQualifiers,
  LinkVehicleRow,
  VehicleJoinRow,
  VehiclePartRow,
} from "../lib/fitment-shape"
import { BulkColumn, columnArrays, unnestSql } from "@shabou/sql"
import { CleanLink } from "../lib/link-input"
import { FitmentImportPlan, LinkRecord, PlannedLink } from "../lib/plan"
import { Fitment } from "../models/fitment"
import { Pagination } from "../types"

type Count = { count: number }

/** Part ↔ vehicle links (table fitment). */
export const FitmentRepository = dataSource.getRepository(Fitment).extend({
  async findWithVehicles(
    productId: string,
    page: Pagination
  ): Promise<LinkVehicleRow[]> {
    return await this.query(
      `SELECT ${LINK_COLUMNS}, ${VEHICLE_COLUMNS}
       FROM fitment f JOIN ${VEHICLE_FROM} ON v.id = f.vehicle_id
       WHERE f.product_id = $1
       ORDER BY mk.name, md.name, v.year_from, v.engine NULLS FIRST, f.id
       LIMIT $2 OFFSET $3`,
      [productId, page.limit, page.offset]
    )
  },

  async countOfProduct(productId: string): Promise<number> {
    const [{ count }]: Count[] = await this.query(
      `SELECT count(*)::int AS count FROM fitment WHERE product_id = $1`,
      [productId]
    )
    return count
  },

  async findOneWithVehicle(
    productId: string,
    linkId: string
  ): Promise<LinkVehicleRow | undefined> {
    const [row] = await this.query(
      `SELECT ${LINK_COLUMNS}, ${VEHICLE_COLUMNS}
       FROM fitment f JOIN ${VEHICLE_FROM} ON v.id = f.vehicle_id
       WHERE f.product_id = $1 AND f.id = $2`,
      [productId, linkId]
    )
    return row
  },

  /** Links of live products to a vehicle, ordered by product title; `q` narrows on title or handle. */
  async findVehicleParts(
    vehicleId: string,
    q: string | undefined,
    page: Pagination
  ): Promise<[VehiclePartRow[], number]> {
    const params: unknown[] = [vehicleId]
    let search = ""
    if (q) {
      params.push(`%${q}%`)
      search = `AND (p.title ILIKE $2 OR p.handle ILIKE $2)`
    }
    const from = `FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL
       WHERE f.vehicle_id = $1 ${search}`
    const rows: VehiclePartRow[] = await this.query(
      `SELECT ${LINK_COLUMNS}, p.title AS product_title, p.handle AS product_handle,
         p.thumbnail AS product_thumbnail, p.status AS product_status
       ${from} ORDER BY p.title, p.id, f.id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }]: Count[] = await this.query(
      `SELECT count(*)::int AS count ${from}`,
      params
    )
    return [rows, count]
  },

  /** A vehicle with its make and model. */
  async findVehicle(vehicleId: string): Promise<VehicleJoinRow | undefined> {
    const [row] = await this.query(
      `SELECT ${VEHICLE_COLUMNS} FROM ${VEHICLE_FROM} WHERE v.id = $1`,
      [vehicleId]
    )
    return row
  },

  async variantOfProduct(
    variantId: string,
    productId: string
  ): Promise<boolean> {
    const rows = await this.query(
      `SELECT id FROM product_variant WHERE id = $1 AND product_id = $2 AND deleted_at IS NULL`,
      [variantId, productId]
    )
    return rows.length > 0
  },

  /** Inserts a link, or updates the same one (link_key); `inserted` tells which. */
  async upsertLink(
    id: string,
    productId: string,
    link: CleanLink
  ): Promise<{ id: string; inserted: boolean }> {
    const [row] = await this.query(
      `INSERT INTO fitment (id, product_id, variant_id, vehicle_id, position, quantity, engine_code, from_ym, to_ym, note_fr, note_ar, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (link_key) DO UPDATE SET
         quantity = EXCLUDED.quantity, note_fr = COALESCE(EXCLUDED.note_fr, fitment.note_fr),
         note_ar = COALESCE(EXCLUDED.note_ar, fitment.note_ar), updated_at = now()
       RETURNING id, (xmax = 0) AS inserted`,
      [id, productId, ...linkValues(link)]
    )
    return row
  },

  async updateLink(
    productId: string,
    linkId: string,
    link: CleanLink
  ): Promise<void> {
    await this.query(
      `UPDATE fitment SET variant_id = $3, vehicle_id = $4, position = $5, quantity = $6, engine_code = $7, from_ym = $8,
         to_ym = $9, note_fr = $10, note_ar = $11, source = $12, updated_at = now()
       WHERE id = $1 AND product_id = $2`,
      [linkId, productId, ...linkValues(link)]
    )
  },

  async deleteLink(productId: string, linkId: string): Promise<void> {
    await this.query(`DELETE FROM fitment WHERE id = $1 AND product_id = $2`, [
      linkId,
      productId,
    ])
  },

  /** The links of some products to one vehicle. */
  async findForVehicle(
    productIds: string[],
    vehicleId: string
  ): Promise<LinkQualifiers[]> {
    return await this.query(
      `SELECT ${LINK_COLUMNS} FROM fitment f WHERE f.product_id = ANY($1) AND f.vehicle_id = $2
       ORDER BY f.position NULLS FIRST, f.id`,
      [productIds, vehicleId]
    )
  },

  /** How many links each product has (to any vehicle). */
  async countPerProduct(productIds: string[]): Promise<Map<string, number>> {
    const rows: Array<{ product_id: string; total: number }> = await this.query(
      `SELECT product_id, count(*)::int AS total FROM fitment WHERE product_id = ANY($1) GROUP BY product_id`,
      [productIds]
    )
    return new Map(rows.map((r) => [r.product_id, r.total]))
  },

  /** 1 when a live product is linked to the vehicle, else 0. */
  async vehicleHasParts(vehicleId: string): Promise<number> {
    const [{ vehicle_links }]: Array<{ vehicle_links: number }> =
      await this.query(
        `SELECT count(*)::int AS vehicle_links FROM (${LIVE_LINK} AND f2.vehicle_id = $1 LIMIT 1) AS l`,
        [vehicleId]
      )
    return vehicle_links
  },

  /** The product-wide links (no variant) of some products, as the import plan compares them. */
  async findImportLinks(productIds: string[]): Promise<LinkRecord[]> {
    return await this.query(
      `SELECT id, product_id, vehicle_id, position, engine_code, from_ym AS month_from, to_ym AS month_to, quantity, note_fr, note_ar
       FROM fitment WHERE product_id = ANY($1) AND variant_id IS NULL`,
      [productIds]
    )
  },

  /** Inserts planned links (an existing same link gets the new quantity and notes). */
  async insertPlanned(links: NewLink[], source: string): Promise<void> {
    await this.query(
      `INSERT INTO fitment (id, product_id, vehicle_id, position, quantity, engine_code, from_ym, to_ym, note_fr, note_ar, source)
       SELECT u.id, u.product_id, u.vehicle_id, u.position, COALESCE(u.quantity, 1), u.engine_code, u.from_ym, u.to_ym,
         u.note_fr, u.note_ar, $${NEW_LINK_COLUMNS.length + 1}
       FROM ${unnestSql(NEW_LINK_COLUMNS)}
       ON CONFLICT (link_key) DO UPDATE SET quantity = COALESCE(EXCLUDED.quantity, fitment.quantity),
         note_fr = COALESCE(EXCLUDED.note_fr, fitment.note_fr), note_ar = COALESCE(EXCLUDED.note_ar, fitment.note_ar), updated_at = now()`,
      [...columnArrays(links, NEW_LINK_COLUMNS), source]
    )
  },

  /** Sets the quantity and notes of links (null keeps the stored value). */
  async updatePlanned(updates: FitmentImportPlan["update"]): Promise<void> {
    await this.query(
      `UPDATE fitment f SET quantity = COALESCE(u.quantity, f.quantity), note_fr = COALESCE(u.note_fr, f.note_fr),
         note_ar = COALESCE(u.note_ar, f.note_ar), updated_at = now()
       FROM ${unnestSql(LINK_UPDATE_COLUMNS)} WHERE f.id = u.id`,
      columnArrays(updates, LINK_UPDATE_COLUMNS)
    )
  },
})

/** A planned link with the id it is inserted under. */
export type NewLink = PlannedLink & { id: string }

const NEW_LINK_COLUMNS: BulkColumn<NewLink>[] = [
  { name: "id", type: "text", value: (l) => l.id },
  { name: "product_id", type: "text", value: (l) => l.product_id },
  { name: "vehicle_id", type: "text", value: (l) => l.vehicle_id },
  { name: "position", type: "text", value: (l) => l.position },
  { name: "quantity", type: "int", value: (l) => l.quantity },
  { name: "engine_code", type: "text", value: (l) => l.engine_code },
  { name: "from_ym", type: "int", value: (l) => l.month_from },
  { name: "to_ym", type: "int", value: (l) => l.month_to },
  { name: "note_fr", type: "text", value: (l) => l.note_fr },
  { name: "note_ar", type: "text", value: (l) => l.note_ar },
]

const LINK_UPDATE_COLUMNS: BulkColumn<FitmentImportPlan["update"][number]>[] = [
  { name: "id", type: "text", value: (u) => u.id },
  { name: "quantity", type: "int", value: (u) => u.link.quantity },
  { name: "note_fr", type: "text", value: (u) => u.link.note_fr },
  { name: "note_ar", type: "text", value: (u) => u.link.note_ar },
]

function linkValues(link: CleanLink): unknown[] {
  return [
    link.variant_id,
    link.vehicle_id,
    link.position,
    link.quantity,
    link.engine_code,
    link.from_ym,
    link.to_ym,
    link.note_fr,
    link.note_ar,
    link.source,
  ]
}

export default FitmentRepository
