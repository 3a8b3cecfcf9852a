import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { insertSql } from "@shabou/sql"
import { GarageVehicle } from "../models/garage-vehicle"

/** A vehicle of a customer's garage, as stored. */
export type GarageVehicleRow = {
  id: string
  customer_id: string
  vehicle_id: string
  name: string | null
  vin: string | null
  is_current: boolean
  created_at: Date
  updated_at: Date
}

/** What a garage vehicle's row holds besides its ids and whether it is current. */
export type GarageVehicleValues = Pick<
  GarageVehicleRow,
  "vehicle_id" | "name" | "vin"
>

const COLUMNS = `id, customer_id, vehicle_id, name, vin, is_current, created_at, updated_at`

export const GarageVehicleRepository = dataSource
  .getRepository(GarageVehicle)
  .extend({
    /** Current one first, then in the order they were added. */
    async listOfCustomer(customerId: string): Promise<GarageVehicleRow[]> {
      return await this.query(
        `SELECT ${COLUMNS} FROM garage_vehicle WHERE customer_id = $1 ORDER BY is_current DESC, created_at, id`,
        [customerId]
      )
    },

    async findOwned(
      customerId: string,
      id: string
    ): Promise<GarageVehicleRow | null> {
      const [row] = await this.query(
        `SELECT ${COLUMNS} FROM garage_vehicle WHERE id = $1 AND customer_id = $2`,
        [id, customerId]
      )
      return row ?? null
    },

    /** Holds one customer's garage until the end of the transaction, so concurrent changes take turns. */
    async lockCustomer(customerId: string): Promise<void> {
      await this.query(
        `SELECT pg_advisory_xact_lock(hashtext('garage:' || $1))`,
        [customerId]
      )
    },

    async countOfCustomer(customerId: string): Promise<number> {
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM garage_vehicle WHERE customer_id = $1`,
        [customerId]
      )
      return count
    },

    /** No vehicle of the customer (but `exceptId`) is the current one any more. */
    async clearCurrent(
      customerId: string,
      exceptId: string | null = null
    ): Promise<void> {
      await this.query(
        `UPDATE garage_vehicle SET is_current = false, updated_at = now()
         WHERE customer_id = $1 AND is_current AND ($2::varchar IS NULL OR id <> $2)`,
        [customerId, exceptId]
      )
    },

    async insertRow(
      id: string,
      customerId: string,
      values: GarageVehicleValues,
      isCurrent: boolean
    ): Promise<void> {
      await this.query(
        ...insertSql("garage_vehicle", {
          id,
          customer_id: customerId,
          vehicle_id: values.vehicle_id,
          name: values.name,
          vin: values.vin,
          is_current: isCurrent,
        })
      )
    },

    /** Writes the values; `makeCurrent` makes it the current one (false keeps what it was). */
    async updateOwned(
      customerId: string,
      id: string,
      values: GarageVehicleValues,
      makeCurrent: boolean
    ): Promise<void> {
      await this.query(
        `UPDATE garage_vehicle SET vehicle_id = $3, vin = $4, name = $5, is_current = is_current OR $6, updated_at = now()
         WHERE id = $1 AND customer_id = $2`,
        [
          id,
          customerId,
          values.vehicle_id,
          values.vin,
          values.name,
          makeCurrent,
        ]
      )
    },

    async deleteOwned(customerId: string, id: string): Promise<void> {
      await this.query(
        `DELETE FROM garage_vehicle WHERE id = $1 AND customer_id = $2`,
        [id, customerId]
      )
    },

    /** The most recently added vehicle of the customer becomes the current one. */
    async promoteLatest(customerId: string): Promise<void> {
      await this.query(
        `UPDATE garage_vehicle SET is_current = true, updated_at = now()
         WHERE id = (SELECT id FROM garage_vehicle WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1)`,
        [customerId]
      )
    },

    /** Customers' garages follow a merged vehicle to its survivor. */
    async moveVehicle(survivorId: string, mergedId: string): Promise<void> {
      await this.query(
        `UPDATE garage_vehicle SET vehicle_id = $1, updated_at = now() WHERE vehicle_id = $2`,
        [survivorId, mergedId]
      )
    },
  })

export default GarageVehicleRepository
