import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import {
  CartVehicleInput,
  cartVehicleRequest,
} from "../lib/cart-vehicle-request"
import { StoreVehicle } from "../lib/fitment-shape"
import { vehicleLabel } from "@shabou/vehicle-label"
import type {
  CartStateRow,
  LineItemFitmentRepository,
  OrderLineRow,
} from "../repositories/line-item-fitment"
import FitmentService from "./fitment"
import FitmentVerdictService from "./fitment-verdict"
import GarageService from "./garage"

type InjectedDependencies = {
  manager: EntityManager
  lineItemFitmentRepository: typeof LineItemFitmentRepository
  fitmentService: FitmentService
  fitmentVerdictService: FitmentVerdictService
  garageService: GarageService
}

/** What the cart (then the order, which copies the cart's metadata) keeps of its vehicle: a snapshot, readable without the vehicle base. */
export interface CartVehicle {
  id: string
  label: string
  make: string
  model: string
  generation: string | null
  engine: string | null
  engine_code: string | null
  year_from: number
  year_to: number | null
  fuel: string | null
  vin: string | null
  garage_vehicle_id: string | null
}

/** One line's verdict as the cart and order responses show it under `item.fitment`. */
export interface LineFitment {
  vehicle_id: string
  verdict: "fits" | "does_not_fit" | "unknown"
  reason: string
  checked_at: Date
}

/**
 * The cart's vehicle (`cart.metadata.vehicle`, written here because the core store route refuses cart metadata)
 * and the fit verdict of each line for it (table line_item_fitment). A part that does not fit can still be
 * bought: the line is flagged, never refused.
 */
export default class CartFitmentService extends TransactionBaseService {
  protected readonly lineItemFitmentRepository_: typeof LineItemFitmentRepository
  protected readonly fitment_: FitmentService
  protected readonly verdicts_: FitmentVerdictService
  protected readonly garage_: GarageService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.lineItemFitmentRepository_ = container.lineItemFitmentRepository
    this.fitment_ = container.fitmentService
    this.verdicts_ = container.fitmentVerdictService
    this.garage_ = container.garageService
  }

  private get repo() {
    return this.activeManager_.withRepository(this.lineItemFitmentRepository_)
  }

  /**
   * Sets the cart's vehicle: a vehicle of the base (vehicle_id, with the VIN when known) or one of the signed-in
   * customer's garage (garage_vehicle_id). Re-checks every line for it.
   */
  async setVehicle(
    cartId: string,
    input: CartVehicleInput,
    customerId: string | null
  ): Promise<CartVehicle> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const cart = await self.lockOpenCart(cartId)
      const request = cartVehicleRequest(
        cartId,
        input,
        customerId,
        cart.customer_id
      )
      let vehicleId: string
      let vin: string | null = null
      let garageId: string | null = null
      if ("garage_vehicle_id" in request) {
        const own = await this.garage_
          .withTransaction(manager)
          .retrieve(request.customer_id, request.garage_vehicle_id)
        vehicleId = own.vehicle_id
        vin = own.vin
        garageId = own.id
      } else {
        vehicleId = request.vehicle_id
        if (request.vin !== null) {
          // the VIN's make and model year must agree with the chosen vehicle (400 naming vin otherwise)
          vin = (
            await this.garage_
              .withTransaction(manager)
              .resolveVehicle(vehicleId, request.vin)
          ).vin
        }
      }
      const snapshot = await self.vehicleSnapshot(vehicleId, vin, garageId)
      await self.repo.setCartVehicle(cartId, snapshot)
      await self.refresh(cartId)
      return snapshot
    })
  }

  /** What a cart, an order or a WhatsApp question keeps of a vehicle of the base (404 for an unknown one). */
  async vehicleSnapshot(
    vehicleId: string,
    vin: string | null = null,
    garageId: string | null = null
  ): Promise<CartVehicle> {
    const vehicle = await this.fitment_
      .withTransaction(this.activeManager_)
      .retrieveStoreVehicle(vehicleId)
    return {
      id: vehicle.id,
      label: vehicleLabel(vehicle as any),
      make: vehicle.make.name,
      model: vehicle.model.name,
      generation: vehicle.generation,
      engine: vehicle.engine,
      engine_code: vehicle.engine_code,
      year_from: vehicle.year_from,
      year_to: vehicle.year_to,
      fuel: vehicle.fuel,
      vin,
      garage_vehicle_id: garageId,
    }
  }

  /** Takes the vehicle off the cart, and the verdicts with it. */
  async clearVehicle(cartId: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      await self.lockOpenCart(cartId)
      await self.repo.removeCartVehicle(cartId)
      await self.repo.deleteOfCart(cartId)
    })
  }

  /** The vehicle stored on a cart or an order (null when none). */
  async vehicleOf(
    table: "cart" | "order",
    id: string
  ): Promise<CartVehicle | null> {
    const row = await this.repo.findVehicleOf<CartVehicle>(table, id)
    if (!row) {
      throw notFound(
        `${table === "cart" ? "Cart" : "Order"} with id: ${id} was not found`
      )
    }
    return row.vehicle ?? null
  }

  /**
   * Checks every line of an open cart against its vehicle again (a line added, changed or removed, the vehicle
   * changed, fitment data changed before checkout). Lines without a product (custom lines) get no verdict.
   */
  async refresh(cartId: string): Promise<Map<string, LineFitment>> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const cart = await self.repo.findCartVehicleId(cartId)
      if (!cart || cart.completed_at) {
        return await self.linesOf(cartId)
      }
      if (!cart.vehicle_id) {
        await self.repo.deleteOfCart(cartId)
        return new Map()
      }
      const lines = await self.repo.findCartLines(cartId)
      await self.repo.deleteOfCart(
        cartId,
        lines.map((l) => l.id)
      )
      const withProduct = lines.filter(
        (l): l is { id: string; product_id: string } => Boolean(l.product_id)
      )
      let vehicle: StoreVehicle
      try {
        vehicle = await this.fitment_
          .withTransaction(manager)
          .retrieveStoreVehicle(cart.vehicle_id)
      } catch {
        // the vehicle left the base (merged): the lines keep no verdict rather than a wrong one
        await self.repo.deleteOfCart(cartId)
        return new Map()
      }
      if (withProduct.length) {
        const answers = await this.verdicts_.withTransaction(manager).verdicts(
          withProduct.map((l) => l.product_id),
          vehicle
        )
        await self.repo.upsertVerdicts(
          cartId,
          vehicle.id,
          withProduct.map((l, i) => ({
            line_item_id: l.id,
            product_id: l.product_id,
            verdict: answers[i].verdict,
            reason: answers[i].reason,
          }))
        )
      }
      return await self.linesOf(cartId)
    })
  }

  /** The stored verdicts of a cart's lines (also those of its order: the lines are the same rows). */
  async linesOf(cartId: string): Promise<Map<string, LineFitment>> {
    const rows = await this.repo.findOfCart(cartId)
    return new Map(
      rows.map((r) => [
        r.line_item_id,
        {
          vehicle_id: r.vehicle_id,
          verdict: r.verdict,
          reason: r.reason,
          checked_at: r.checked_at,
        },
      ])
    )
  }

  /** The order's vehicle and each line with its verdict as at checkout (for the admin's order page). */
  async orderFitment(orderId: string): Promise<{
    order_id: string
    vehicle: CartVehicle | null
    lines: OrderLineRow[]
  }> {
    const order = await this.repo.findOrder<CartVehicle>(orderId)
    if (!order) {
      throw notFound(`Order with id: ${orderId} was not found`)
    }
    const lines = await this.repo.findOrderLines(orderId)
    return {
      order_id: order.id,
      vehicle: order.vehicle ?? null,
      lines: lines.map((l) => ({
        ...l,
        verdict: l.verdict ?? null,
        reason: l.reason ?? null,
      })),
    }
  }

  private async lockOpenCart(cartId: string): Promise<CartStateRow> {
    const cart = await this.repo.lockCart(cartId)
    if (!cart) {
      throw notFound(`Cart with id: ${cartId} was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cart ${cartId} is completed: its order keeps the vehicle it had`
      )
    }
    return cart
  }
}
