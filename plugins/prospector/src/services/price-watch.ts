import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import type { RunLease } from "@shabou/ops"

import { AlertRules, evaluatePriceAlerts } from "../lib/alerts"
import { extractPrice } from "../lib/extract-price"
import { PageFetcher } from "../lib/fetch-page"
import { ProspectorOptions } from "../options"
import { HostThrottle } from "../lib/politeness"
import { Currency, normalizeCurrencyCode } from "../lib/price-parser"
import { RobotsPolicy } from "../lib/robots"
import ProspectorRunService, { RunTrigger } from "./prospector-run"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  prospectorRunService: ProspectorRunService
}

export type Row = Record<string, any>

const PAGE_FIELDS = [
  "url",
  "supplier",
  "kind",
  "variant_id",
  "sku",
  "offer_sku",
  "offer_mpn",
  "offer_gtin",
  "selector",
  "stock_selector",
  "needs_js",
  "currency",
  "threshold_percent",
  "margin_percent",
  "active",
] as const

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

/** A watched page with its variant's titles, its last observation (lo_* columns) and its open alerts. */
const PAGE_SELECT = `SELECT p.*, v.title AS variant_title, v.product_id, pr.title AS product_title,
  lo.id AS lo_id, lo.observed_at AS lo_observed_at, lo.amount AS lo_amount, lo.currency AS lo_currency,
  lo.in_stock AS lo_in_stock, lo.method AS lo_method,
  (SELECT count(*)::int FROM prospector_price_alert a WHERE a.watched_page_id = p.id AND a.acknowledged_at IS NULL) AS open_alerts
  FROM prospector_watched_page p
  LEFT JOIN product_variant v ON v.id = p.variant_id
  LEFT JOIN product pr ON pr.id = v.product_id
  LEFT JOIN LATERAL (
    SELECT o.id, o.observed_at, o.amount, o.currency, o.in_stock, o.method FROM prospector_price_observation o
    WHERE o.watched_page_id = p.id ORDER BY o.observed_at DESC, o.created_at DESC LIMIT 1
  ) lo ON true`

function withLastObservation(row: Row): Row {
  const {
    lo_id,
    lo_observed_at,
    lo_amount,
    lo_currency,
    lo_in_stock,
    lo_method,
    ...page
  } = row
  return {
    ...page,
    last_observation: lo_id
      ? {
          id: lo_id,
          observed_at: lo_observed_at,
          amount: Number(lo_amount),
          currency: lo_currency,
          in_stock: lo_in_stock,
          method: lo_method,
        }
      : null,
  }
}

/** Supplier/competitor price watch: watched pages, one polite pass, observations and alerts. */
export default class PriceWatchService extends TransactionBaseService {
  protected readonly logger_: Logger
  protected readonly container_: InjectedDependencies
  private robots_: { key: string; policy: RobotsPolicy } | null = null
  private throttle_: { key: string; throttle: HostThrottle } | null = null

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.logger_ = container.logger
    this.container_ = container
  }

  private get runs(): ProspectorRunService {
    return this.container_.prospectorRunService
  }

  // ---------------------------------------------------------------- watched pages

  private async validate(input: Row, existing: Row | null): Promise<Row> {
    const out: Row = {}
    for (const key of Object.keys(input ?? {})) {
      if (!(PAGE_FIELDS as readonly string[]).includes(key)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${key}: unknown field (allowed: ${PAGE_FIELDS.join(", ")})`
        )
      }
    }
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
    for (const k of [
      "variant_id",
      "sku",
      "offer_sku",
      "offer_mpn",
      "offer_gtin",
      "selector",
      "stock_selector",
    ]) {
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
      const [v] = await this.manager_.query(
        `SELECT id, sku FROM product_variant WHERE id = $1 AND deleted_at IS NULL`,
        [input.variant_id]
      )
      if (!v) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `variant_id: no variant ${input.variant_id}`
        )
      }
      out.sku = input.sku ?? v.sku ?? null
    } else if (input.sku) {
      const [v] = await this.manager_.query(
        `SELECT id FROM product_variant WHERE sku = $1 AND deleted_at IS NULL`,
        [input.sku]
      )
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

  async createPage(input: Row): Promise<Row> {
    const data = await this.validate(input, null)
    const id = generateEntityId(undefined, "pwp")
    const cols = Object.keys(data)
    try {
      await this.manager_.query(
        `INSERT INTO prospector_watched_page (id, ${cols.join(", ")}) VALUES ($1, ${cols.map((_, i) => `$${i + 2}`).join(", ")})`,
        [id, ...cols.map((c) => data[c])]
      )
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

  async updatePage(id: string, input: Row): Promise<Row> {
    const existing = await this.retrievePage(id)
    const data = await this.validate(input, existing)
    const cols = Object.keys(data)
    if (cols.length) {
      const resetCache = data.url !== undefined && data.url !== existing.url
      await this.manager_.query(
        `UPDATE prospector_watched_page SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(", ")}
         ${resetCache ? ", etag = NULL, last_modified = NULL" : ""}, updated_at = now() WHERE id = $1`,
        [id, ...cols.map((c) => data[c])]
      )
    }
    return this.retrievePage(id)
  }

  async deletePage(id: string): Promise<void> {
    await this.retrievePage(id)
    await this.manager_.query(
      `UPDATE prospector_watched_page SET deleted_at = now(), active = false WHERE id = $1`,
      [id]
    )
  }

  async retrievePage(id: string): Promise<Row> {
    const [row] = await this.manager_.query(
      `${PAGE_SELECT} WHERE p.id = $1 AND p.deleted_at IS NULL`,
      [id]
    )
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Watched page ${id} was not found`
      )
    }
    return withLastObservation(row)
  }

  /**
   * Watched pages with what the admin list shows: our variant (product and variant titles), the last
   * observation (`last_observation`, amount in minor units as a number) and the count of open alerts.
   */
  async listPages(
    filter: {
      supplier?: string
      kind?: string
      active?: boolean
      variant_id?: string
      product_id?: string
      q?: string
    },
    page: { limit: number; offset: number }
  ): Promise<[Row[], number]> {
    const where = ["p.deleted_at IS NULL"]
    const params: unknown[] = []
    for (const key of ["supplier", "kind", "active", "variant_id"] as const) {
      if (filter[key] !== undefined) {
        params.push(filter[key])
        where.push(`p.${key} = $${params.length}`)
      }
    }
    if (filter.product_id) {
      params.push(filter.product_id)
      where.push(`v.product_id = $${params.length}`)
    }
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      where.push(
        `(p.url ILIKE $${params.length} OR p.supplier ILIKE $${params.length} OR p.sku ILIKE $${params.length} OR pr.title ILIKE $${params.length})`
      )
    }
    const clause = `WHERE ${where.join(" AND ")}`
    const rows = await this.manager_.query(
      `${PAGE_SELECT} ${clause} ORDER BY p.supplier, p.url, p.id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.manager_.query(
      `SELECT count(*)::int AS count FROM prospector_watched_page p
       LEFT JOIN product_variant v ON v.id = p.variant_id LEFT JOIN product pr ON pr.id = v.product_id ${clause}`,
      params
    )
    return [rows.map(withLastObservation), count]
  }

  /**
   * Observations, newest first. `product_id` / `variant_id` keep the pages that point at one of our variants
   * (the product page's price chart); `since` keeps the observations made from that time on.
   */
  async listObservations(
    filter: {
      watched_page_id?: string
      variant_id?: string
      product_id?: string
      since?: Date
    },
    page: { limit: number; offset: number }
  ): Promise<[Row[], number]> {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.watched_page_id) {
      params.push(filter.watched_page_id)
      where.push(`o.watched_page_id = $${params.length}`)
    }
    if (filter.variant_id) {
      params.push(filter.variant_id)
      where.push(`p.variant_id = $${params.length}`)
    }
    if (filter.product_id) {
      params.push(filter.product_id)
      where.push(
        `p.variant_id IN (SELECT pv.id FROM product_variant pv WHERE pv.product_id = $${params.length})`
      )
    }
    if (filter.since) {
      params.push(filter.since)
      where.push(`o.observed_at >= $${params.length}`)
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const rows = await this.manager_.query(
      `SELECT o.*, p.url, p.supplier, p.sku, p.variant_id FROM prospector_price_observation o JOIN prospector_watched_page p ON p.id = o.watched_page_id
       ${clause} ORDER BY o.observed_at DESC, o.created_at DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.manager_.query(
      `SELECT count(*)::int AS count FROM prospector_price_observation o JOIN prospector_watched_page p ON p.id = o.watched_page_id ${clause}`,
      params
    )
    return [rows, count]
  }

  async listAlerts(
    filter: { watched_page_id?: string; kind?: string; acknowledged?: boolean },
    page: { limit: number; offset: number }
  ): Promise<[Row[], number]> {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.watched_page_id) {
      params.push(filter.watched_page_id)
      where.push(`a.watched_page_id = $${params.length}`)
    }
    if (filter.kind) {
      params.push(filter.kind)
      where.push(`a.kind = $${params.length}`)
    }
    if (filter.acknowledged !== undefined) {
      where.push(
        filter.acknowledged
          ? "a.acknowledged_at IS NOT NULL"
          : "a.acknowledged_at IS NULL"
      )
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const rows = await this.manager_.query(
      `SELECT a.*, p.url, p.supplier, p.sku, p.variant_id, v.product_id, v.title AS variant_title, pr.title AS product_title
       FROM prospector_price_alert a JOIN prospector_watched_page p ON p.id = a.watched_page_id
       LEFT JOIN product_variant v ON v.id = p.variant_id LEFT JOIN product pr ON pr.id = v.product_id
       ${clause} ORDER BY a.created_at DESC, a.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.manager_.query(
      `SELECT count(*)::int AS count FROM prospector_price_alert a ${clause}`,
      params
    )
    return [rows, count]
  }

  async acknowledgeAlert(id: string): Promise<Row> {
    const rows = await this.manager_.query(
      `UPDATE prospector_price_alert SET acknowledged_at = COALESCE(acknowledged_at, now()) WHERE id = $1 RETURNING *`,
      [id]
    )
    const row = Array.isArray(rows?.[0]) ? rows[0][0] : rows[0]
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Alert ${id} was not found`
      )
    }
    return row
  }

  /** Our price for a variant: its TND price outside price lists (millimes), or null. */
  async ourPrice(
    variantId: string | null
  ): Promise<{ amount: number; currency: Currency } | null> {
    if (!variantId) {
      return null
    }
    const [row] = await this.manager_.query(
      `SELECT ma.amount FROM product_variant_money_amount pvma
       JOIN money_amount ma ON ma.id = pvma.money_amount_id
       WHERE pvma.variant_id = $1 AND pvma.deleted_at IS NULL AND ma.deleted_at IS NULL
         AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL
       ORDER BY ma.region_id NULLS FIRST, ma.min_quantity NULLS FIRST LIMIT 1`,
      [variantId]
    )
    return row ? { amount: Number(row.amount), currency: "TND" } : null
  }

  // ---------------------------------------------------------------- one pass

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

  async runPass(input: {
    trigger: RunTrigger
    page_ids?: string[]
    onProgress?: (
      done: number,
      total: number,
      url: string,
      status: string
    ) => void
  }): Promise<Row> {
    return await this.runs.withLease(
      "watch",
      "A price-watch pass",
      input.trigger,
      async (lease) => {
        return await this.passLocked(input, lease)
      }
    )
  }

  private async passLocked(
    input: {
      trigger: RunTrigger
      page_ids?: string[]
      onProgress?: (
        done: number,
        total: number,
        url: string,
        status: string
      ) => void
    },
    lease: RunLease
  ): Promise<Row> {
    const opts = this.runs.options()
    const params: unknown[] = []
    let extra = ""
    if (input.page_ids?.length) {
      params.push(input.page_ids)
      extra = `AND id = ANY($1)`
    }
    const pages: Row[] = await this.manager_.query(
      `SELECT * FROM prospector_watched_page WHERE deleted_at IS NULL AND active = true ${extra} ORDER BY url, id`,
      params
    )
    const runId = await this.runs.startRun("watch", input.trigger, {
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
          await this.manager_.query(
            `UPDATE prospector_watched_page SET last_checked_at = now(), last_status = 'error', last_error = $2 WHERE id = $1`,
            [page.id, String(e?.message ?? e).slice(0, 2000)]
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
    return await this.runs.finishRun(
      runId,
      fatal ? "failed" : "completed",
      summary,
      errors
    )
  }

  private async checkPage(
    page: Row,
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
      this.manager_.query(
        `UPDATE prospector_watched_page SET last_checked_at = now(), last_status = $2, last_error = $3 WHERE id = $1`,
        [page.id, status, error]
      )
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
    const [previous] = await this.manager_.query(
      `SELECT * FROM prospector_price_observation WHERE watched_page_id = $1 ORDER BY observed_at DESC, created_at DESC LIMIT 1`,
      [page.id]
    )
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
    await this.manager_.query(
      `UPDATE prospector_watched_page SET etag = $2, last_modified = $3 WHERE id = $1`,
      [
        page.id,
        result.via === "http" ? result.etag : null,
        result.via === "http" ? result.last_modified : null,
      ]
    )
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
            currency: previous.currency,
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
      await this.manager_.query(
        `INSERT INTO prospector_price_alert (id, watched_page_id, observation_id, kind, message, details) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          generateEntityId(undefined, "palert"),
          page.id,
          obsId,
          kind,
          message,
          JSON.stringify(details),
        ]
      )
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
    o: {
      amount: number
      currency: string
      in_stock: boolean | null
      method: string
      matched_by: string | null
      via: string
    }
  ): Promise<string> {
    const id = generateEntityId(undefined, "pobs")
    await this.manager_.query(
      `INSERT INTO prospector_price_observation (id, watched_page_id, observed_at, amount, currency, in_stock, method, matched_by, via, run_id)
       VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        pageId,
        o.amount,
        o.currency,
        o.in_stock,
        o.method,
        o.matched_by,
        o.via,
        runId,
      ]
    )
    return id
  }
}
