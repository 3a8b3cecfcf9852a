import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import {
  AdminLink,
  shapeLink,
  shapeVehicle,
  shapeVehiclePart,
  StoreVehicle,
} from "../lib/fitment-shape"
import {
  badLinkField,
  CleanLink,
  cleanLinkInput,
  mergeLinkInput,
  requireVehicleId,
} from "../lib/link-input"
import type { FitmentRepository } from "../repositories/fitment"
import { LinkInput, Pagination } from "../types"
import FitmentProductService from "./fitment-product"

/** Kept here for the callers that read the vehicle shape from this service's module. */
export { shapeVehicle }

type InjectedDependencies = {
  manager: EntityManager
  fitmentRepository: typeof FitmentRepository
  fitmentProductService: FitmentProductService
}

/**
 * Part ↔ vehicle links: list, read, add, change and remove a product's links,
 * the parts of a vehicle, and the vehicle a link points at. Product facts
 * (brand, universal) are FitmentProductService's, verdicts
 * FitmentVerdictService's, part numbers FitmentPartNumberService's, the
 * coverage report FitmentCoverageService's.
 */
export default class FitmentService extends TransactionBaseService {
  protected readonly fitmentRepository_: typeof FitmentRepository
  protected readonly products_: FitmentProductService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.fitmentRepository_ = container.fitmentRepository
    this.products_ = container.fitmentProductService
  }

  private get repo() {
    return this.activeManager_.withRepository(this.fitmentRepository_)
  }

  async listLinks(
    productId: string,
    page: Pagination
  ): Promise<[AdminLink[], number]> {
    const rows = await this.repo.findWithVehicles(productId, page)
    const count = await this.repo.countOfProduct(productId)
    return [rows.map(shapeLink), count]
  }

  /**
   * The parts a vehicle fits (links of live products), paged: `{ link qualifiers, product: { id, title, handle,
   * thumbnail, status } }`, ordered by product title. `q` narrows on the title or handle.
   */
  async listVehicleParts(
    vehicleId: string,
    filter: { q?: string },
    page: Pagination
  ): Promise<[ReturnType<typeof shapeVehiclePart>[], number]> {
    const [rows, count] = await this.repo.findVehicleParts(
      vehicleId,
      filter.q,
      page
    )
    return [rows.map(shapeVehiclePart), count]
  }

  async retrieveLink(productId: string, linkId: string): Promise<AdminLink> {
    const row = await this.repo.findOneWithVehicle(productId, linkId)
    if (!row) {
      throw notFound(
        `Fitment link ${linkId} of product ${productId} was not found`
      )
    }
    return shapeLink(row)
  }

  /** A vehicle with its make and model (404 when there is none). */
  async retrieveStoreVehicle(vehicleId: string): Promise<StoreVehicle> {
    const row = await this.repo.findVehicle(vehicleId)
    if (!row) {
      throw notFound(`Vehicle with id: ${vehicleId} was not found`)
    }
    return shapeVehicle(row)
  }

  /** Adds a link; the same link (product, variant, vehicle, position, engine code, months) is updated instead of duplicated. */
  async addLink(
    productId: string,
    input: LinkInput
  ): Promise<{ link: AdminLink; created: boolean }> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      await this.products_.withTransaction(manager).assertProduct(productId)
      const clean = await self.validateLink(productId, input)
      const row = await self.repo.upsertLink(
        generateEntityId(undefined, "fit"),
        productId,
        clean
      )
      return {
        link: await self.retrieveLink(productId, row.id),
        created: row.inserted,
      }
    })
  }

  async updateLink(
    productId: string,
    linkId: string,
    input: Partial<LinkInput>
  ): Promise<AdminLink> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const current = await self.retrieveLink(productId, linkId)
      const clean = await self.validateLink(
        productId,
        mergeLinkInput(current as LinkInput, input)
      )
      try {
        await self.repo.updateLink(productId, linkId, clean)
      } catch (e) {
        if ((e as { code?: string }).code === "23505") {
          throw new MedusaError(
            MedusaError.Types.DUPLICATE_ERROR,
            `Product ${productId} already has this link (same vehicle, variant, position, engine code and months)`
          )
        }
        throw e
      }
      return await self.retrieveLink(productId, linkId)
    })
  }

  async deleteLink(productId: string, linkId: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      await self.retrieveLink(productId, linkId)
      await self.repo.deleteLink(productId, linkId)
    })
  }

  /** The vehicle must exist and the variant be the product's (404 / 400), then the qualifiers are checked. */
  private async validateLink(
    productId: string,
    input: LinkInput
  ): Promise<CleanLink> {
    const vehicleId = requireVehicleId(input)
    if (!(await this.repo.findVehicle(vehicleId))) {
      throw notFound(`Vehicle with id: ${vehicleId} was not found`)
    }
    if (
      input.variant_id &&
      !(await this.repo.variantOfProduct(input.variant_id, productId))
    ) {
      throw badLinkField(
        "variant_id",
        `variant ${input.variant_id} is not a variant of product ${productId}`
      )
    }
    return cleanLinkInput(input)
  }
}
