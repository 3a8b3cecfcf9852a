import { ProductVariantService, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { OrionPurchaseOrder } from "../models/orion-purchase-order"
import { OrionProductVariantRepository } from "../repositories/orion-product-variant"
import {
  OrionPurchaseOrderRepository,
  PurchaseOrderFilter,
} from "../repositories/orion-purchase-order"

type InjectedDependencies = {
  manager: EntityManager
  productVariantService: ProductVariantService
  orionPurchaseOrderRepository: typeof OrionPurchaseOrderRepository
  orionProductVariantRepository: typeof OrionProductVariantRepository
}

export type PurchaseOrderInput = {
  supplier?: unknown
  variant_id?: unknown
  quantity?: unknown
  expected_date?: unknown
  note?: unknown
}

export type OnOrder = {
  /** units ordered and not yet received */
  quantity: number
  /** the earliest expected arrival (YYYY-MM-DD) */
  next_date: string
  /** open lines, earliest first */
  lines: { quantity: number; expected_date: string; supplier: string }[]
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const invalid = (message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, message)

function dateField(value: unknown, name: string): string {
  const m = typeof value === "string" ? DATE.exec(value.trim()) : null
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null
  if (!m || !d || d.getUTCDate() !== +m[3] || d.getUTCMonth() !== +m[2] - 1) {
    throw invalid(
      `${name}: must be a date like 2026-03-12, got ${JSON.stringify(value)}`
    )
  }
  return m[0]
}

function quantityField(value: unknown, name: string): number {
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > 1000000
  ) {
    throw invalid(
      `${name}: must be a whole number of units between 1 and 1000000, got ${JSON.stringify(value)}`
    )
  }
  return value
}

function textField(value: unknown, name: string, max: number): string {
  if (typeof value !== "string" || !value.trim()) {
    throw invalid(`${name}: is required (text), got ${JSON.stringify(value)}`)
  }
  if (value.trim().length > max) {
    throw invalid(`${name}: at most ${max} characters`)
  }
  return value.trim()
}

function noteField(value: unknown): string | null {
  if (value === undefined || value === null || value === "") {
    return null
  }
  if (typeof value !== "string" || value.length > 2000) {
    throw invalid(`note: must be text of at most 2000 characters`)
  }
  return value.trim() || null
}

/**
 * Purchase orders: what was ordered from a supplier, per variant, and when it is expected. Open lines are
 * the "on order" stock of the restock alerts (quantity and arrival dates); receiving a line adds the units
 * received to the variant's stock; cancelling it takes it out of "on order".
 */
export default class OrionPurchaseOrderService extends TransactionBaseService {
  protected readonly variants_: ProductVariantService
  protected readonly purchaseOrderRepository_: typeof OrionPurchaseOrderRepository
  protected readonly variantRepository_: typeof OrionProductVariantRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.variants_ = container.productVariantService
    this.purchaseOrderRepository_ = container.orionPurchaseOrderRepository
    this.variantRepository_ = container.orionProductVariantRepository
  }

  private repo(m: EntityManager = this.activeManager_) {
    return m.withRepository(this.purchaseOrderRepository_)
  }

  private catalogue(m: EntityManager) {
    return m.withRepository(this.variantRepository_)
  }

  async list(
    filter: PurchaseOrderFilter,
    page: { limit: number; offset: number }
  ) {
    const [purchase_orders, count] = await this.repo().findPage(filter, page)
    return { purchase_orders, count, limit: page.limit, offset: page.offset }
  }

  async retrieve(id: string): Promise<OrionPurchaseOrder> {
    const po = await this.repo().findOne({ where: { id } })
    if (!po) {
      throw notFound(`purchase order ${id} not found`)
    }
    return po
  }

  /** The line `id` (read in `m`): only an open line can be `changed` ("changed", "cancelled"). */
  private async openLine(
    m: EntityManager,
    id: string,
    changed: string
  ): Promise<OrionPurchaseOrder> {
    const po = await this.withTransaction(m).retrieve(id)
    if (po.status !== "open") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `purchase order ${id} is ${po.status}: only an open order can be ${changed}`
      )
    }
    return po
  }

  async create(
    input: PurchaseOrderInput,
    actor: string | null
  ): Promise<OrionPurchaseOrder> {
    const supplier = textField(input.supplier, "supplier", 200)
    const variantId = textField(input.variant_id, "variant_id", 100)
    const quantity = quantityField(input.quantity, "quantity")
    const expected = dateField(input.expected_date, "expected_date")
    const note = noteField(input.note)
    return this.atomicPhase_(async (m) => {
      const variant = await this.catalogue(m).findLive(variantId)
      if (!variant) {
        throw invalid(
          `variant_id: no product variant ${JSON.stringify(variantId)}`
        )
      }
      const repo = this.repo(m)
      return repo.save(
        repo.create({
          supplier,
          variant_id: variantId,
          sku: variant.sku,
          quantity,
          expected_date: expected,
          status: "open",
          note,
          created_by: actor,
        })
      )
    })
  }

  /** Changes an open line: supplier, quantity, expected date, note. */
  async update(
    id: string,
    input: PurchaseOrderInput
  ): Promise<OrionPurchaseOrder> {
    if (input.variant_id !== undefined) {
      throw invalid(
        "variant_id: cannot be changed; cancel this line and enter a new one"
      )
    }
    return this.atomicPhase_(async (m) => {
      const po = await this.openLine(m, id, "changed")
      if (input.supplier !== undefined) {
        po.supplier = textField(input.supplier, "supplier", 200)
      }
      if (input.quantity !== undefined) {
        po.quantity = quantityField(input.quantity, "quantity")
      }
      if (input.expected_date !== undefined) {
        po.expected_date = dateField(input.expected_date, "expected_date")
      }
      if (input.note !== undefined) {
        po.note = noteField(input.note)
      }
      return this.repo(m).save(po)
    })
  }

  /**
   * Marks an open line received (all of it, or `received_quantity`) and adds the units received to the
   * variant's stock (when its inventory is managed), in one transaction.
   */
  async receive(
    id: string,
    receivedQuantity?: unknown
  ): Promise<OrionPurchaseOrder> {
    return this.atomicPhase_(async (m) => {
      const repo = this.repo(m)
      if (!(await repo.lock(id))) {
        throw notFound(`purchase order ${id} not found`)
      }
      const po = await this.withTransaction(m).retrieve(id)
      if (po.status !== "open") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `purchase order ${id} is already ${po.status}`
        )
      }
      const qty =
        receivedQuantity === undefined
          ? po.quantity
          : typeof receivedQuantity === "number" &&
              Number.isInteger(receivedQuantity) &&
              receivedQuantity >= 0 &&
              receivedQuantity <= 1000000
            ? receivedQuantity
            : (() => {
                throw invalid(
                  `received_quantity: must be a whole number of units ≥ 0, got ${JSON.stringify(receivedQuantity)}`
                )
              })()
      const variant = await this.catalogue(m).lockStock(po.variant_id)
      if (variant && variant.manage_inventory && qty > 0) {
        await this.variants_.withTransaction(m).update(po.variant_id, {
          inventory_quantity: Number(variant.inventory_quantity) + qty,
        })
      }
      po.status = "received"
      po.received_quantity = qty
      po.received_at = new Date()
      return repo.save(po)
    })
  }

  async cancel(id: string): Promise<OrionPurchaseOrder> {
    return this.atomicPhase_(async (m) => {
      const po = await this.openLine(m, id, "cancelled")
      po.status = "cancelled"
      po.cancelled_at = new Date()
      return this.repo(m).save(po)
    })
  }

  /** Open lines per variant: units on order, the earliest expected date, the lines. */
  async onOrder(): Promise<Map<string, OnOrder>> {
    const rows = await this.repo().openLines()
    const out = new Map<string, OnOrder>()
    for (const r of rows) {
      const o = out.get(r.variant_id) ?? {
        quantity: 0,
        next_date: r.expected_date,
        lines: [],
      }
      o.quantity += r.quantity
      o.lines.push({
        quantity: r.quantity,
        expected_date: r.expected_date,
        supplier: r.supplier,
      })
      out.set(r.variant_id, o)
    }
    return out
  }
}
