import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import type { RunLease } from "@shabou/ops"

import { AlertRules, evaluatePriceAlerts } from "../lib/alerts"
import { extractPrice } from "../lib/extract-price"
import { PageFetcher } from "../lib/fetch-page"
import { HostThrottle } from "../lib/politeness"
import { Currency, normalizeCurrencyCode } from "../lib/price-parser"
import { RobotsPolicy } from "../lib/robots"
import { ProspectorOptions, resolveOptions } from "../options"
import type { ProspectorPriceAlertRepository } from "../repositories/prospector-price-alert"
import type {
  ObservationInput,
  ProspectorPriceObservationRepository,
} from "../repositories/prospector-price-observation"
import type { RunRow, RunTrigger } from "../repositories/prospector-run"
import type {
  ProspectorWatchedPageRepository,
  WatchedPageRow,
} from "../repositories/prospector-watched-page"
import type ProspectorRunLogService from "./prospector-run-log"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  prospectorRunLogService: ProspectorRunLogService
  prospectorWatchedPageRepository: typeof ProspectorWatchedPageRepository
  prospectorPriceObservationRepository: typeof ProspectorPriceObservationRepository
  prospectorPriceAlertRepository: typeof ProspectorPriceAlertRepository
}

type PassInput = {
  trigger: RunTrigger
  page_ids?: string[]
  onProgress?: (
    done: number,
    total: number,
    url: string,
    status: string
  ) => void
}

export interface WatchSummary {
  pages: number
  ok: number
  not_modified: number
  disallowed: number
  no_price: number
  errors: number
  observations: number
  alerts: number
}

/** One polite price-watch pass over the watched pages: fetch, extract, observe, alert. */
export default class PriceWatchService extends TransactionBaseService {
  protected readonly logger_: Logger
  protected readonly container_: InjectedDependencies
  protected readonly pluginOptions_: Record<string, unknown>
  private robots_: { key: string; policy: RobotsPolicy } | null = null
  private throttle_: { key: string; throttle: HostThrottle } | null = null

  constructor(
    container: InjectedDependencies,
    options: Record<string, unknown>
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.logger_ = container.logger
    this.container_ = container
    this.pluginOptions_ = options ?? {}
  }

  options(): ProspectorOptions {
    return resolveOptions(this.pluginOptions_, process.env)
  }

  private pages() {
    return this.activeManager_.withRepository(
      this.container_.prospectorWatchedPageRepository
    )
  }

  /** Our price for a variant: its TND price outside price lists (millimes), or null. */
  async ourPrice(
    variantId: string | null
  ): Promise<{ amount: number; currency: Currency } | null> {
    if (!variantId) {
      return null
    }
    const amount = await this.pages().ourTndPrice(variantId)
    return amount === null ? null : { amount, currency: "TND" }
  }

  private politeness(opts: ProspectorOptions): {
    robots: RobotsPolicy
    throttle: HostThrottle
  } {
    // kept between passes (the service is a singleton): robots.txt cached up to 24 h, gaps per host
    const rKey = `${opts.robotsProductToken}|${opts.userAgent}`
    if (!this.robots_ || this.robots_.key !== rKey) {
      this.robots_ = {
        key: rKey,
        policy: new RobotsPolicy({
          productToken: opts.robotsProductToken,
          userAgent: opts.userAgent,
        }),
      }
    }
    const tKey = `${opts.minGapMs}|${opts.jitterMs}`
    if (!this.throttle_ || this.throttle_.key !== tKey) {
      this.throttle_ = {
        key: tKey,
        throttle: new HostThrottle({
          minGapMs: opts.minGapMs,
          jitterMs: opts.jitterMs,
        }),
      }
    }
    return { robots: this.robots_.policy, throttle: this.throttle_.throttle }
  }

  async runPass(input: PassInput): Promise<RunRow> {
    return await this.container_.prospectorRunLogService.withLease(
      "watch",
      "A price-watch pass",
      input.trigger,
      async (lease) => {
        return await this.passLocked(input, lease)
      }
    )
  }

  private async passLocked(input: PassInput, lease: RunLease): Promise<RunRow> {
    const opts = this.options()
    const pages = await this.pages().activePages(input.page_ids)
    const runLog = this.container_.prospectorRunLogService
    const runId = await runLog.startRun("watch", input.trigger, {
      pages: pages.length,
      page_ids: input.page_ids ?? null,
    })
    await lease.attachRun(runId)
    const summary: WatchSummary = {
      pages: pages.length,
      ok: 0,
      not_modified: 0,
      disallowed: 0,
      no_price: 0,
      errors: 0,
      observations: 0,
      alerts: 0,
    }
    const errors: Array<Record<string, unknown>> = []
    const { robots, throttle } = this.politeness(opts)
    const fetcher = new PageFetcher({
      userAgent: opts.userAgent,
      robots,
      throttle,
      browser: { executablePath: opts.chromiumPath },
    })
    let fatal = false
    try {
      let done = 0
      for (const page of pages) {
        lease.assertHeld() // another instance may have taken over a pass that stopped renewing
        let status = "error"
        try {
          status = await this.checkPage(page, fetcher, opts, runId, summary)
        } catch (e) {
          summary.errors += 1
          errors.push({
            watched_page_id: page.id,
            url: page.url,
            message: String(e?.message ?? e),
          })
          await this.mark(
            page.id,
            "error",
            String(e?.message ?? e).slice(0, 2000)
          )
        }
        done += 1
        input.onProgress?.(done, pages.length, page.url, status)
      }
    } catch (e) {
      fatal = true
      errors.push({ message: String(e?.message ?? e) })
    } finally {
      await fetcher.close().catch(() => undefined)
    }
    return await runLog.finishRun(
      runId,
      fatal ? "failed" : "completed",
      summary,
      errors
    )
  }

  private async mark(
    pageId: string,
    status: string,
    error: string | null
  ): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      await manager
        .withRepository(this.container_.prospectorWatchedPageRepository)
        .markChecked(pageId, status, error)
    })
  }

  private async checkPage(
    page: WatchedPageRow,
    fetcher: PageFetcher,
    opts: ProspectorOptions,
    runId: string,
    summary: WatchSummary
  ): Promise<string> {
    const result = await fetcher.fetchPage(page.url, {
      previous: { etag: page.etag, last_modified: page.last_modified },
      needs_js: page.needs_js,
      waitForSelector: page.needs_js ? page.selector : null,
    })
    const mark = (status: string, error: string | null) =>
      this.mark(page.id, status, error)
    if (result.status === "disallowed") {
      summary.disallowed += 1
      await mark(
        "disallowed",
        `robots.txt: ${result.reason} (${result.blocked_url})`
      )
      return "disallowed"
    }
    if (result.status === "error") {
      summary.errors += 1
      await mark("error", result.message)
      return "error"
    }
    const previous = await this.activeManager_
      .withRepository(this.container_.prospectorPriceObservationRepository)
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
    const extraction = extractPrice(result.html, {
      identifiers: {
        sku: page.offer_sku,
        mpn: page.offer_mpn,
        gtin: page.offer_gtin,
      },
      selector: page.selector,
      stockSelector: page.stock_selector,
      defaultCurrency: (normalizeCurrencyCode(page.currency) ??
        "TND") as Currency,
    })
    await this.atomicPhase_(async (manager) => {
      await manager
        .withRepository(this.container_.prospectorWatchedPageRepository)
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
    const rules: AlertRules = {
      threshold_percent: page.threshold_percent ?? opts.alertThresholdPercent,
      margin_percent: page.margin_percent ?? opts.alertMarginPercent,
      margin_amount: opts.alertMarginAmount,
      notify_restock: true,
    }
    const ourPrice = await this.ourPrice(page.variant_id)
    const evaluation = evaluatePriceAlerts({
      previous: previous
        ? {
            amount: Number(previous.amount),
            currency: previous.currency as Currency,
            in_stock: previous.in_stock,
          }
        : null,
      current: {
        amount: extraction.amount,
        currency: extraction.currency,
        in_stock: extraction.in_stock,
      },
      our_price: ourPrice,
      rules,
    })
    for (const alert of evaluation.alerts) {
      const { kind, message, ...details } = alert
      await this.atomicPhase_(async (manager) => {
        await manager
          .withRepository(this.container_.prospectorPriceAlertRepository)
          .record({
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
    await mark(
      "ok",
      evaluation.skipped.length ? evaluation.skipped.join("; ") : null
    )
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
        .withRepository(this.container_.prospectorPriceObservationRepository)
        .record({ id, watched_page_id: pageId, run_id: runId, ...o })
    })
    return id
  }
}
