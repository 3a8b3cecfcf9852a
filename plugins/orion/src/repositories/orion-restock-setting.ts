import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { OrionRestockSetting } from "../models/orion-restock-setting"

/** The restock settings (orion_restock_setting): one row per scope and key. */
export const OrionRestockSettingRepository = dataSource
  .getRepository(OrionRestockSetting)
  .extend({
    /** Every setting, by scope then key. */
    async listAll(): Promise<OrionRestockSetting[]> {
      return this.find({ order: { scope: "ASC", key: "ASC" } })
    },
  })

export default OrionRestockSettingRepository
