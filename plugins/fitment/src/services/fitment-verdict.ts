import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import {
  LinkQualifiers,
  qualifiers,
  StoreLink,
  storeLink,
  StoreVehicle,
} from "../lib/fitment-shape"
import { decideVerdict, Verdict } from "../lib/verdict"
import type { FitmentRepository } from "../repositories/fitment"
import { Pagination } from "../types"
import FitmentService from "./fitment"
import FitmentProductService from "./fitment-product"

type InjectedDependencies = {
  manager: EntityManager
  fitmentRepository: typeof FitmentRepository
  fitmentService: FitmentService
  fitmentProductService: FitmentProductService
}

/** The verdict of one part for one vehicle, with the links that decide it. */
export type PartVerdict = {
  product_id: string
  verdict: Verdict
  reason: string
  universal: boolean
  fitments: LinkQualifiers[]
  excluded: LinkQualifiers[]
}

/** What the store is told of a published part's fit: the vehicles it fits, or its verdict for one vehicle. */
export default class FitmentVerdictService extends TransactionBaseService {
  protected readonly fitmentRepository_: typeof FitmentRepository
  protected readonly fitment_: FitmentService
  protected readonly products_: FitmentProductService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.fitmentRepository_ = container.fitmentRepository
    this.fitment_ = container.fitmentService
    this.products_ = container.fitmentProductService
  }

  async productFitment(
    productId: string,
    page: Pagination
  ): Promise<{
    product_id: string
    universal: boolean
    vehicles: StoreLink[]
    count: number
    limit: number
    offset: number
  }> {
    const products = this.products_.withTransaction(this.activeManager_)
    await products.assertProduct(productId, { published: true })
    const facts = await products.getProductFacts(productId)
    const [links, count] = await this.fitment_
      .withTransaction(this.activeManager_)
      .listLinks(productId, page)
    return {
      product_id: productId,
      universal: facts.is_universal,
      vehicles: links.map(storeLink),
      count,
      limit: page.limit,
      offset: page.offset,
    }
  }

  /** The verdict of one published part for one vehicle (see lib/verdict decideVerdict), with the links that decide it. */
  async verdict(
    productId: string,
    vehicleId: string
  ): Promise<
    Omit<PartVerdict, "product_id"> & {
      product_id: string
      vehicle: StoreVehicle
    }
  > {
    await this.products_
      .withTransaction(this.activeManager_)
      .assertProduct(productId, { published: true })
    const vehicle = await this.fitment_
      .withTransaction(this.activeManager_)
      .retrieveStoreVehicle(vehicleId)
    const [answer] = await this.verdicts([productId], vehicle)
    return {
      product_id: productId,
      vehicle,
      verdict: answer.verdict,
      reason: answer.reason,
      universal: answer.universal,
      fitments: answer.fitments,
      excluded: answer.excluded,
    }
  }

  /**
   * Verdicts of many parts for one vehicle (as shaped by retrieveStoreVehicle), in four queries whatever the
   * number of parts (a 60-line cart), in the order of `productIds`.
   */
  async verdicts(
    productIds: string[],
    vehicle: Pick<StoreVehicle, "id" | "engine_code">
  ): Promise<PartVerdict[]> {
    const ids = [...new Set(productIds)]
    const repo = this.activeManager_.withRepository(this.fitmentRepository_)
    const facts = await this.products_
      .withTransaction(this.activeManager_)
      .universalOf(ids)
    const links = new Map<string, LinkQualifiers[]>()
    for (const l of await repo.findForVehicle(ids, vehicle.id)) {
      links.set(l.product_id, [
        ...(links.get(l.product_id) ?? []),
        qualifiers(l),
      ])
    }
    const totals = await repo.countPerProduct(ids)
    const vehicleLinks = await repo.vehicleHasParts(vehicle.id)
    const answers = new Map<string, PartVerdict>()
    for (const id of ids) {
      const universal = facts.get(id) ?? false
      const answer = decideVerdict({
        universal,
        links: links.get(id) ?? [],
        vehicleEngineCode: vehicle.engine_code,
        productLinks: totals.get(id) ?? 0,
        vehicleLinks,
      })
      answers.set(id, {
        product_id: id,
        verdict: answer.verdict,
        reason: answer.reason,
        universal,
        fitments: answer.applicable,
        excluded: answer.excluded,
      })
    }
    return productIds.map((id) => answers.get(id)!)
  }
}
