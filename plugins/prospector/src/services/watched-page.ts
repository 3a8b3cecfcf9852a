import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound, onlyKnown } from "@shabou/api-params"
import { EntityManager } from "typeorm"

import { normalizeCurrencyCode } from "../lib/price-parser"
import {
  ProspectorWatchedPageRepository,
  WATCHED_PAGE_INPUT_COLUMNS,
  WATCHED_PAGE_TEXT_COLUMNS,
  WatchedPageFilter,
  WatchedPageInput,
  WatchedPageView,
} from "../repositories/prospector-watched-page"

type InjectedDependencies = {
  manager: EntityManager
  prospectorWatchedPageRepository: typeof ProspectorWatchedPageRepository
}

const PAGE_FIELDS = WATCHED_PAGE_INPUT_COLUMNS

/** The watched pages of the price watch: checked input, create, update, delete, list. */
export default class WatchedPageService extends TransactionBaseService {
  protected readonly watchedPageRepository_: typeof ProspectorWatchedPageRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.watchedPageRepository_ = container.prospectorWatchedPageRepository
  }

  private pages() {
    return this.activeManager_.withRepository(this.watchedPageRepository_)
  }

  private async validate(
    input: Record<string, any>,
    existing: WatchedPageView | null
  ): Promise<WatchedPageInput> {
    const out: Record<string, any> = {}
    onlyKnown(input ?? {}, PAGE_FIELDS, "field")
    const merged = { ...(existing ?? {}), ...input }
    if (input.url !== undefined || !existing) {
      let u: URL
      try {
        u = new URL(String(merged.url ?? ""))
      } catch {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `url: "${merged.url ?? ""}" is not a URL`
        )
      }
      if (u.protocol !== "http:" && u.protocol !== "https:") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `url: only http and https pages can be watched, got ${u.protocol}`
        )
      }
      out.url = u.href
    }
    if (input.supplier !== undefined || !existing) {
      const supplier = String(merged.supplier ?? "").trim()
      if (!supplier) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "supplier: is required"
        )
      }
      out.supplier = supplier
    }
    if (
      input.kind !== undefined &&
      !["supplier", "competitor"].includes(input.kind)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `kind: "${input.kind}" is not supplier or competitor`
      )
    }
    if (input.currency !== undefined) {
      const c = normalizeCurrencyCode(String(input.currency))
      if (!c) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `currency: "${input.currency}" is not TND, EUR or USD`
        )
      }
      out.currency = c
    }
    for (const k of ["needs_js", "active"]) {
      if (input[k] !== undefined && typeof input[k] !== "boolean") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${k}: must be true or false`
        )
      }
    }
    for (const k of ["threshold_percent", "margin_percent"]) {
      if (
        input[k] !== undefined &&
        input[k] !== null &&
        (typeof input[k] !== "number" || !(input[k] >= 0) || input[k] > 1000)
      ) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${k}: must be a number from 0 to 1000, or null`
        )
      }
    }
    for (const k of WATCHED_PAGE_TEXT_COLUMNS) {
      if (
        input[k] !== undefined &&
        input[k] !== null &&
        typeof input[k] !== "string"
      ) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${k}: must be a string or null`
        )
      }
    }
    // our variant: by id, or by SKU
    if (input.variant_id) {
      const v = await this.pages().findVariant({ id: input.variant_id })
      if (!v) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `variant_id: no variant ${input.variant_id}`
        )
      }
      out.sku = input.sku ?? v.sku ?? null
    } else if (input.sku) {
      const v = await this.pages().findVariant({ sku: input.sku })
      if (!v) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `sku: no variant with SKU "${input.sku}"`
        )
      }
      out.variant_id = v.id
    }
    for (const k of PAGE_FIELDS) {
      if (out[k] === undefined && input[k] !== undefined) {
        out[k] =
          typeof input[k] === "string" && input[k].trim() === ""
            ? null
            : input[k]
      }
    }
    return out
  }

  async createPage(input: Record<string, unknown>): Promise<WatchedPageView> {
    const data = await this.validate(input, null)
    const id = generateEntityId(undefined, "pwp")
    try {
      await this.atomicPhase_(async (manager) => {
        await manager
          .withRepository(this.watchedPageRepository_)
          .insertPage(id, data)
      })
    } catch (e) {
      if (e?.code === "23505") {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `url: ${data.url} is already watched for the same offer identifiers`
        )
      }
      throw e
    }
    return this.retrievePage(id)
  }

  async updatePage(
    id: string,
    input: Record<string, unknown>
  ): Promise<WatchedPageView> {
    const existing = await this.retrievePage(id)
    const data = await this.validate(input, existing)
    if (Object.keys(data).length) {
      const resetCache = data.url !== undefined && data.url !== existing.url
      await this.atomicPhase_(async (manager) => {
        await manager
          .withRepository(this.watchedPageRepository_)
          .updatePage(id, data, resetCache)
      })
    }
    return this.retrievePage(id)
  }

  async deletePage(id: string): Promise<void> {
    await this.retrievePage(id)
    await this.atomicPhase_(async (manager) => {
      await manager
        .withRepository(this.watchedPageRepository_)
        .softDeletePage(id)
    })
  }

  async retrievePage(id: string): Promise<WatchedPageView> {
    const page = await this.pages().findView(id)
    if (!page) {
      throw notFound(`Watched page ${id} was not found`)
    }
    return page
  }

  /**
   * Watched pages with what the admin list shows: our variant (product and variant titles), the last
   * observation (`last_observation`, amount in minor units as a number) and the count of open alerts.
   */
  async listPages(
    filter: WatchedPageFilter,
    page: { limit: number; offset: number }
  ): Promise<[WatchedPageView[], number]> {
    return await this.pages().listViews(filter, page)
  }

  /** Refuses (NOT_FOUND, naming them) the ids of `page_ids` that are no watched page. */
  async assertExist(ids: string[]): Promise<void> {
    const found = await this.pages().existingIds(ids)
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length) {
      throw notFound(`page_ids: no watched page with id ${missing.join(", ")}`)
    }
  }
}
