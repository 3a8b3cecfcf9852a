import { TransactionBaseService } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"

import { evaluatePriceAlerts } from "../lib/alerts"
import { extractPrice } from "../lib/extract-price"
import type { PageFetcher } from "../lib/fetch-page"
import type { Currency } from "../lib/price-parser"
import {
  WatchSummary,
  comparableObservation,
  disallowedMessage,
  pageAlertRules,
  pageExtractOptions,
  pageFetchOptions,
  skippedMessage,
} from "../lib/watch-check"
import type { ProspectorOptions } from "../options"
import type { ProspectorPriceAlertRepository } from "../repositories/prospector-price-alert"
import type {
  ObservationInput,
  ProspectorPriceObservationRepository,
} from "../repositories/prospector-price-observation"
import type {
  ProspectorWatchedPageRepository,
  WatchedPageRow,
} from "../repositories/prospector-watched-page"

type InjectedDependencies = {
  manager: EntityManager
  prospectorWatchedPageRepository: typeof ProspectorWatchedPageRepository
  prospectorPriceObservationRepository: typeof ProspectorPriceObservationRepository
  prospectorPriceAlertRepository: typeof ProspectorPriceAlertRepository
}

/** The status a page check ends with (the page's `last_status`). */
export type CheckStatus =
  "ok" | "not_modified" | "disallowed" | "no_price" | "error"

/**
 * One watched page's check in a price-watch pass (priceWatchService runs the pass): fetch through the
 * pass's fetcher, extract the price, record the observation and the alerts against the previous one
 * and our price, and store the page's status and validators. Each write is its own transaction.
 */
export default class WatchedPageCheckService extends TransactionBaseService {
  protected readonly watchedPageRepository_: typeof ProspectorWatchedPageRepository
  protected readonly observationRepository_: typeof ProspectorPriceObservationRepository
  protected readonly priceAlertRepository_: typeof ProspectorPriceAlertRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.watchedPageRepository_ = container.prospectorWatchedPageRepository
    this.observationRepository_ = container.prospectorPriceObservationRepository
    this.priceAlertRepository_ = container.prospectorPriceAlertRepository
  }

  /** Our price for a variant: its TND price outside price lists (millimes), or null. */
  async ourPrice(
    variantId: string | null
  ): Promise<{ amount: number; currency: Currency } | null> {
    if (!variantId) {
      return null
    }
    const amount = await this.activeManager_
      .withRepository(this.watchedPageRepository_)
      .ourTndPrice(variantId)
    return amount === null ? null : { amount, currency: "TND" }
  }

  /** Stores the page's status after a check, with the error or note (null when none). */
  async markChecked(
    pageId: string,
    status: CheckStatus,
    error: string | null
  ): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      await manager
        .withRepository(this.watchedPageRepository_)
        .markChecked(pageId, status, error)
    })
  }

  /** Checks one page and counts what it found in `summary`; throws what the pass records as the page's error. */
  async check(
    page: WatchedPageRow,
    fetcher: PageFetcher,
    opts: ProspectorOptions,
    runId: string,
    summary: WatchSummary
  ): Promise<CheckStatus> {
    const result = await fetcher.fetchPage(page.url, pageFetchOptions(page))
    const mark = (status: CheckStatus, error: string | null) =>
      this.markChecked(page.id, status, error)
    if (result.status === "disallowed") {
      summary.disallowed += 1
      await mark("disallowed", disallowedMessage(result))
      return "disallowed"
    }
    if (result.status === "error") {
      summary.errors += 1
      await mark("error", result.message)
      return "error"
    }
    const previous = await this.activeManager_
      .withRepository(this.observationRepository_)
      .latestOf(page.id)
    if (result.status === "not_modified") {
      summary.not_modified += 1
      if (previous) {
        // unchanged since the last fetch: the previous price is observed again now
        await this.insertObservation(page.id, runId, {
          amount: Number(previous.amount),
          currency: previous.currency,
          in_stock: previous.in_stock,
          method: "not_modified",
          matched_by: previous.matched_by,
          via: "http",
        })
        summary.observations += 1
      }
      await mark("not_modified", null)
      return "not_modified"
    }
    const extraction = extractPrice(result.html, pageExtractOptions(page))
    await this.atomicPhase_(async (manager) => {
      await manager
        .withRepository(this.watchedPageRepository_)
        .saveValidators(
          page.id,
          result.via === "http" ? result.etag : null,
          result.via === "http" ? result.last_modified : null
        )
    })
    if (!extraction.found) {
      summary.no_price += 1
      await mark("no_price", extraction.reason)
      return "no_price"
    }
    summary.ok += 1
    const obsId = await this.insertObservation(page.id, runId, {
      amount: extraction.amount,
      currency: extraction.currency,
      in_stock: extraction.in_stock,
      method: extraction.method,
      matched_by: extraction.matched_by ?? null,
      via: result.via,
    })
    summary.observations += 1
    const evaluation = evaluatePriceAlerts({
      previous: comparableObservation(previous),
      current: {
        amount: extraction.amount,
        currency: extraction.currency,
        in_stock: extraction.in_stock,
      },
      our_price: await this.ourPrice(page.variant_id),
      rules: pageAlertRules(page, opts),
    })
    for (const alert of evaluation.alerts) {
      const { kind, message, ...details } = alert
      await this.atomicPhase_(async (manager) => {
        await manager.withRepository(this.priceAlertRepository_).record({
          id: generateEntityId(undefined, "palert"),
          watched_page_id: page.id,
          observation_id: obsId,
          kind,
          message,
          details,
        })
      })
      summary.alerts += 1
    }
    await mark("ok", skippedMessage(evaluation.skipped))
    return "ok"
  }

  private async insertObservation(
    pageId: string,
    runId: string,
    o: Omit<ObservationInput, "id" | "watched_page_id" | "run_id">
  ): Promise<string> {
    const id = generateEntityId(undefined, "pobs")
    await this.atomicPhase_(async (manager) => {
      await manager
        .withRepository(this.observationRepository_)
        .record({ id, watched_page_id: pageId, run_id: runId, ...o })
    })
    return id
  }
}
