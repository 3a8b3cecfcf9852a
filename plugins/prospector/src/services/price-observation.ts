import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"

import type {
  ObservationFilter,
  ObservationListRow,
  ProspectorPriceObservationRepository,
} from "../repositories/prospector-price-observation"

type InjectedDependencies = {
  manager: EntityManager
  prospectorPriceObservationRepository: typeof ProspectorPriceObservationRepository
}

/** The prices the price watch observed, for the admin (lists and the product page's chart). */
export default class PriceObservationService extends TransactionBaseService {
  protected readonly observationRepository_: typeof ProspectorPriceObservationRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.observationRepository_ = container.prospectorPriceObservationRepository
  }

  /**
   * Observations, newest first. `product_id` / `variant_id` keep the pages that point at one of our variants
   * (the product page's price chart); `since` keeps the observations made from that time on.
   */
  async listObservations(
    filter: ObservationFilter,
    page: { limit: number; offset: number }
  ): Promise<[ObservationListRow[], number]> {
    return await this.activeManager_
      .withRepository(this.observationRepository_)
      .listAndCount(filter, page)
  }
}
