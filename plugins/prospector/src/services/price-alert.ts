import { TransactionBaseService } from "@medusajs/medusa"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"

import type {
  AlertFilter,
  AlertListRow,
  AlertRow,
  ProspectorPriceAlertRepository,
} from "../repositories/prospector-price-alert"

type InjectedDependencies = {
  manager: EntityManager
  prospectorPriceAlertRepository: typeof ProspectorPriceAlertRepository
}

/** The price watch's alerts: the admin list and their acknowledgement. */
export default class PriceAlertService extends TransactionBaseService {
  protected readonly priceAlertRepository_: typeof ProspectorPriceAlertRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.priceAlertRepository_ = container.prospectorPriceAlertRepository
  }

  async listAlerts(
    filter: AlertFilter,
    page: { limit: number; offset: number }
  ): Promise<[AlertListRow[], number]> {
    return await this.activeManager_
      .withRepository(this.priceAlertRepository_)
      .listAndCount(filter, page)
  }

  async acknowledgeAlert(id: string): Promise<AlertRow> {
    const row = await this.atomicPhase_(async (manager) =>
      manager.withRepository(this.priceAlertRepository_).acknowledge(id)
    )
    if (!row) {
      throw notFound(`Alert ${id} was not found`)
    }
    return row
  }
}
