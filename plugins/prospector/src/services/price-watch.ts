import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import type { RunLease } from "@shabou/ops"

import { PageFetcher } from "../lib/fetch-page"
import { KeptByKey } from "../lib/kept-by-key"
import { HostThrottle } from "../lib/politeness"
import { RobotsPolicy } from "../lib/robots"
import {
  WatchSummary,
  emptyWatchSummary,
  errorMessage,
} from "../lib/watch-check"
import { optionsReader, ProspectorOptions } from "../options"
import type { RunRow, RunTrigger } from "../repositories/prospector-run"
import type { ProspectorWatchedPageRepository } from "../repositories/prospector-watched-page"
import type ProspectorRunLogService from "./prospector-run-log"
import type WatchedPageCheckService from "./watched-page-check"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  prospectorRunLogService: ProspectorRunLogService
  prospectorWatchedPageRepository: typeof ProspectorWatchedPageRepository
  watchedPageCheckService: WatchedPageCheckService
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

export type { WatchSummary }

/**
 * One polite price-watch pass over the watched pages: the run and its lease, the robots.txt cache
 * and per-host gaps, the fetcher; each page is checked by watchedPageCheckService.
 */
export default class PriceWatchService extends TransactionBaseService {
  protected readonly logger_: Logger
  /** the plugin options, resolved at each call */
  readonly options: () => ProspectorOptions
  protected readonly runLog_: ProspectorRunLogService
  protected readonly watchedPageRepository_: typeof ProspectorWatchedPageRepository
  protected readonly pageCheck_: WatchedPageCheckService
  private readonly robots_ = new KeptByKey<RobotsPolicy>()
  private readonly throttle_ = new KeptByKey<HostThrottle>()

  constructor(
    container: InjectedDependencies,
    options: Record<string, unknown>
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.logger_ = container.logger
    this.options = optionsReader(options)
    this.runLog_ = container.prospectorRunLogService
    this.watchedPageRepository_ = container.prospectorWatchedPageRepository
    this.pageCheck_ = container.watchedPageCheckService
  }

  private politeness(opts: ProspectorOptions): {
    robots: RobotsPolicy
    throttle: HostThrottle
  } {
    // kept between passes (the service is a singleton): robots.txt cached up to 24 h, gaps per host
    const robots = this.robots_.get(
      `${opts.robotsProductToken}|${opts.userAgent}`,
      () =>
        new RobotsPolicy({
          productToken: opts.robotsProductToken,
          userAgent: opts.userAgent,
        })
    )
    const throttle = this.throttle_.get(
      `${opts.minGapMs}|${opts.jitterMs}`,
      () =>
        new HostThrottle({ minGapMs: opts.minGapMs, jitterMs: opts.jitterMs })
    )
    return { robots, throttle }
  }

  async runPass(input: PassInput): Promise<RunRow> {
    return await this.runLog_.withLease(
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
    const pages = await this.activeManager_
      .withRepository(this.watchedPageRepository_)
      .activePages(input.page_ids)
    const runId = await this.runLog_.startRun("watch", input.trigger, {
      pages: pages.length,
      page_ids: input.page_ids ?? null,
    })
    await lease.attachRun(runId)
    const summary = emptyWatchSummary(pages.length)
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
          status = await this.pageCheck_.check(
            page,
            fetcher,
            opts,
            runId,
            summary
          )
        } catch (e) {
          summary.errors += 1
          errors.push({
            watched_page_id: page.id,
            url: page.url,
            message: errorMessage(e),
          })
          await this.pageCheck_.markChecked(
            page.id,
            "error",
            errorMessage(e).slice(0, 2000)
          )
        }
        done += 1
        input.onProgress?.(done, pages.length, page.url, status)
      }
    } catch (e) {
      fatal = true
      errors.push({ message: errorMessage(e) })
    } finally {
      await fetcher.close().catch(() => undefined)
    }
    return await this.runLog_.finishRun(
      runId,
      fatal ? "failed" : "completed",
      summary,
      errors
    )
  }
}
