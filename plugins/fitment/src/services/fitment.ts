import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { compactReference } from "@shabou/text"
import { normalizePartNumber } from "../lib/part-number"
import { parsePosition } from "../lib/values"
import { decideVerdict, VerdictLink } from "../lib/verdict"
import { LinkInput, Pagination, ProductFilter, Row } from "../types"
import { generateEntityId } from "@medusajs/utils"

type InjectedDependencies = { manager: EntityManager }

const LINK_COLUMNS = `f.id, f.product_id, f.variant_id, f.vehicle_id, f.position, f.quantity, f.engine_code,
  f.from_ym, f.to_ym, f.note_fr, f.note_ar, f.source, f.created_at, f.updated_at`

const VEHICLE_COLUMNS = `v.id AS v_id, v.make_id, mk.name AS make_name, mk.handle AS make_handle, v.model_id,
  md.name AS model_name, md.handle AS model_handle, v.generation, v.body, v.year_from, v.month_from, v.year_to,
  v.month_to, v.engine, v.engine_code AS vehicle_engine_code, v.displacement_cc, v.power_kw, v.power_hp, v.fuel, v.ktype`

/**
 * Part ↔ vehicle links, per-product facts (brand, universal), the fitment verdict, part-number lookup,
 * the coverage report, and the SQL used to narrow GET /store/products to one vehicle or brand.
 */
/** A link whose product still exists (alias f2); Medusa soft-deletes products, so their links stay behind. */
const LIVE_LINK = `SELECT 1 FROM fitment f2 JOIN product p2 ON p2.id = f2.product_id AND p2.deleted_at IS NULL WHERE true`

/**
 * Part-number matches ($1 normalised number, $2 compacted SKU): the shop's SKUs first (rank 0, through the
 * expression index IDX_product_variant_sku_compact), then MPN, OE and cross-references.
 */
const PART_NUMBER_MATCHES = `
  SELECT pv.product_id, 'sku' AS type, NULL AS brand, pv.sku AS raw, 0 AS rank FROM product_variant pv
   WHERE $2 <> '' AND upper(regexp_replace(pv.sku, '[^A-Za-z0-9]', '', 'g')) = $2 AND pv.deleted_at IS NULL
  UNION ALL
  SELECT pn.product_id, pn.type, NULLIF(pn.brand_name, ''), pn.raw, CASE pn.type WHEN 'mpn' THEN 1 WHEN 'oe' THEN 2 ELSE 3 END
    FROM part_number pn WHERE pn.normalized = $1`

export default class FitmentService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
  }

  /**
   * SQL condition on a product id column (`alias`) for the store filter: the product fits one of the
   * vehicles (or is universal) and has one of the brands. Uses the (vehicle_id, product_id) index and the
   * partial universal index; no id list is ever sent to the database.
   */
  static productCondition(
    alias: string,
    filter: ProductFilter,
    paramPrefix = "fitment"
  ): { sql: string; params: Record<string, unknown> } {
    const parts: string[] = []
    const params: Record<string, unknown> = {}
    if (filter.vehicleIds?.length) {
      params[`${paramPrefix}VehicleIds`] = filter.vehicleIds
      parts.push(
        `${alias} IN (SELECT fitment_products_for_vehicles(CAST(:${paramPrefix}VehicleIds AS text[])))`
      )
    }
    if (filter.brandIds?.length) {
      params[`${paramPrefix}BrandIds`] = filter.brandIds
      parts.push(
        `${alias} IN (SELECT fb.product_id FROM fitment_product fb WHERE fb.brand_id = ANY(:${paramPrefix}BrandIds))`
      )
    }
    return { sql: parts.join(" AND "), params }
  }

  // ------------------------------------------------------------------ product facts

  async getProductFacts(productId: string): Promise<{
    product_id: string
    brand_id: string | null
    is_universal: boolean
  }> {
    const [row] = await this.activeManager_.query(
      `SELECT product_id, brand_id, is_universal FROM fitment_product WHERE product_id = $1`,
      [productId]
    )
    return row ?? { product_id: productId, brand_id: null, is_universal: false }
  }

  /** 404 unless the product exists (and, for the store, is published: drafts are invisible there). */
  async assertProduct(
    productId: string,
    { published = false }: { published?: boolean } = {}
  ): Promise<void> {
    const rows = await this.activeManager_.query(
      `SELECT id FROM product WHERE id = $1 AND deleted_at IS NULL${published ? ` AND status = 'published'` : ""}`,
      [productId]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Product with id: ${productId} was not found`
      )
    }
  }

  /** Sets a product's brand (null removes it) and/or its universal flag. */
  async setProductFacts(
    productId: string,
    facts: { brand_id?: string | null; is_universal?: boolean }
  ): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      await this.withTransaction(manager).assertProduct(productId)
      if (facts.brand_id) {
        const brand = await manager.query(
          `SELECT id FROM brand WHERE id = $1`,
          [facts.brand_id]
        )
        if (!brand.length) {
          throw new MedusaError(
            MedusaError.Types.NOT_FOUND,
            `Brand with id: ${facts.brand_id} was not found`
          )
        }
      }
      const current =
        await this.withTransaction(manager).getProductFacts(productId)
      const brandId =
        facts.brand_id === undefined ? current.brand_id : facts.brand_id
      const universal =
        facts.is_universal === undefined
          ? current.is_universal
          : facts.is_universal
      await manager.query(
        `INSERT INTO fitment_product (product_id, brand_id, is_universal) VALUES ($1, $2, $3)
         ON CONFLICT (product_id) DO UPDATE SET brand_id = EXCLUDED.brand_id, is_universal = EXCLUDED.is_universal, updated_at = now()`,
        [productId, brandId, universal]
      )
      return {
        product_id: productId,
        brand_id: brandId,
        is_universal: universal,
      }
    })
  }

  /** Brands of many products in one query (for the store product responses). */
  async brandsOfProducts(productIds: string[]): Promise<Map<string, Row>> {
    const map = new Map<string, Row>()
    if (!productIds.length) {
      return map
    }
    const rows = await this.activeManager_.query(
      `SELECT fp.product_id, fp.is_universal, b.id, b.name, b.handle, b.logo_url, b.country
       FROM fitment_product fp LEFT JOIN brand b ON b.id = fp.brand_id WHERE fp.product_id = ANY($1)`,
      [productIds]
    )
    for (const r of rows) {
      map.set(r.product_id, r)
    }
    return map
  }

  // ------------------------------------------------------------------ links

  async listLinks(
    productId: string,
    page: Pagination
  ): Promise<[Row[], number]> {
    const rows = await this.activeManager_.query(
      `SELECT ${LINK_COLUMNS}, ${VEHICLE_COLUMNS}
       FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id
       JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id
       WHERE f.product_id = $1
       ORDER BY mk.name, md.name, v.year_from, v.engine NULLS FIRST, f.id
       LIMIT $2 OFFSET $3`,
      [productId, page.limit, page.offset]
    )
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM fitment WHERE product_id = $1`,
      [productId]
    )
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
  ): Promise<[Row[], number]> {
    const params: unknown[] = [vehicleId]
    let search = ""
    if (filter.q) {
      params.push(`%${filter.q}%`)
      search = `AND (p.title ILIKE $2 OR p.handle ILIKE $2)`
    }
    const rows = await this.activeManager_.query(
      `SELECT ${LINK_COLUMNS}, p.title AS product_title, p.handle AS product_handle, p.thumbnail AS product_thumbnail, p.status AS product_status
       FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL
       WHERE f.vehicle_id = $1 ${search}
       ORDER BY p.title, p.id, f.id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL WHERE f.vehicle_id = $1 ${search}`,
      params
    )
    return [
      rows.map((r: Row) => ({
        ...qualifiers(r),
        product: {
          id: r.product_id,
          title: r.product_title,
          handle: r.product_handle,
          thumbnail: r.product_thumbnail,
          status: r.product_status,
        },
      })),
      count,
    ]
  }

  async retrieveLink(productId: string, linkId: string): Promise<Row> {
    const rows = await this.activeManager_.query(
      `SELECT ${LINK_COLUMNS}, ${VEHICLE_COLUMNS}
       FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id
       JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id
       WHERE f.product_id = $1 AND f.id = $2`,
      [productId, linkId]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Fitment link ${linkId} of product ${productId} was not found`
      )
    }
    return shapeLink(rows[0])
  }

  /** Adds a link; the same link (product, variant, vehicle, position, engine code, months) is updated instead of duplicated. */
  async addLink(
    productId: string,
    input: LinkInput
  ): Promise<{ link: Row; created: boolean }> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      await self.assertProduct(productId)
      const clean = await self.validateLink(productId, input)
      const id = generateEntityId(undefined, "fit")
      const [row] = await manager.query(
        `INSERT INTO fitment (id, product_id, variant_id, vehicle_id, position, quantity, engine_code, from_ym, to_ym, note_fr, note_ar, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (link_key) DO UPDATE SET
           quantity = EXCLUDED.quantity, note_fr = COALESCE(EXCLUDED.note_fr, fitment.note_fr),
           note_ar = COALESCE(EXCLUDED.note_ar, fitment.note_ar), updated_at = now()
         RETURNING id, (xmax = 0) AS inserted`,
        [
          id,
          productId,
          clean.variant_id,
          clean.vehicle_id,
          clean.position,
          clean.quantity,
          clean.engine_code,
          clean.from_ym,
          clean.to_ym,
          clean.note_fr,
          clean.note_ar,
          clean.source,
        ]
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
  ): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const current = await self.retrieveLink(productId, linkId)
      const merged: LinkInput = {
        vehicle_id: input.vehicle_id ?? current.vehicle_id,
        variant_id:
          input.variant_id !== undefined
            ? input.variant_id
            : current.variant_id,
        position:
          input.position !== undefined ? input.position : current.position,
        quantity:
          input.quantity !== undefined ? input.quantity : current.quantity,
        engine_code:
          input.engine_code !== undefined
            ? input.engine_code
            : current.engine_code,
        from_ym: input.from_ym !== undefined ? input.from_ym : current.from_ym,
        to_ym: input.to_ym !== undefined ? input.to_ym : current.to_ym,
        note_fr: input.note_fr !== undefined ? input.note_fr : current.note_fr,
        note_ar: input.note_ar !== undefined ? input.note_ar : current.note_ar,
        source: input.source ?? current.source,
      }
      const clean = await self.validateLink(productId, merged)
      try {
        await manager.query(
          `UPDATE fitment SET variant_id = $3, vehicle_id = $4, position = $5, quantity = $6, engine_code = $7, from_ym = $8,
             to_ym = $9, note_fr = $10, note_ar = $11, source = $12, updated_at = now()
           WHERE id = $1 AND product_id = $2`,
          [
            linkId,
            productId,
            clean.variant_id,
            clean.vehicle_id,
            clean.position,
            clean.quantity,
            clean.engine_code,
            clean.from_ym,
            clean.to_ym,
            clean.note_fr,
            clean.note_ar,
            clean.source,
          ]
        )
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
      await this.withTransaction(manager).retrieveLink(productId, linkId)
      await manager.query(
        `DELETE FROM fitment WHERE id = $1 AND product_id = $2`,
        [linkId, productId]
      )
    })
  }

  private async validateLink(
    productId: string,
    input: LinkInput
  ): Promise<Required<LinkInput>> {
    const bad = (field: string, reason: string) =>
      new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${reason}`)
    if (!input.vehicle_id || typeof input.vehicle_id !== "string") {
      throw bad("vehicle_id", "is required")
    }
    const vehicle = await this.activeManager_.query(
      `SELECT id FROM vehicle WHERE id = $1`,
      [input.vehicle_id]
    )
    if (!vehicle.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Vehicle with id: ${input.vehicle_id} was not found`
      )
    }
    if (input.variant_id) {
      const variant = await this.activeManager_.query(
        `SELECT id FROM product_variant WHERE id = $1 AND product_id = $2 AND deleted_at IS NULL`,
        [input.variant_id, productId]
      )
      if (!variant.length) {
        throw bad(
          "variant_id",
          `variant ${input.variant_id} is not a variant of product ${productId}`
        )
      }
    }
    let position: string | null = null
    if (input.position) {
      const p = parsePosition(String(input.position))
      if (p.error !== undefined) {
        throw bad("position", p.error)
      }
      position = p.value
    }
    const quantity = input.quantity ?? 1
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000) {
      throw bad(
        "quantity",
        `must be a whole number between 1 and 1000, got ${input.quantity}`
      )
    }
    for (const field of ["from_ym", "to_ym"] as const) {
      const v = input[field]
      if (
        v !== null &&
        v !== undefined &&
        (!Number.isInteger(v) ||
          v % 100 < 1 ||
          v % 100 > 12 ||
          v < 195001 ||
          v > 210012)
      ) {
        throw bad(
          field,
          `must be a month written YYYYMM (e.g. 201403), got ${v}`
        )
      }
    }
    if (input.from_ym && input.to_ym && input.to_ym < input.from_ym) {
      throw bad("to_ym", `${input.to_ym} is before from_ym ${input.from_ym}`)
    }
    const source = input.source ?? "staff"
    if (!["import", "staff", "supplier"].includes(source)) {
      throw bad("source", `must be import, staff or supplier, got ${source}`)
    }
    return {
      vehicle_id: input.vehicle_id,
      variant_id: input.variant_id ?? null,
      position,
      quantity,
      engine_code: input.engine_code
        ? String(input.engine_code).trim().toUpperCase()
        : null,
      from_ym: input.from_ym ?? null,
      to_ym: input.to_ym ?? null,
      note_fr: input.note_fr?.trim() || null,
      note_ar: input.note_ar?.trim() || null,
      source,
    }
  }

  // ------------------------------------------------------------------ store: fitment of a product, verdict

  async productFitment(productId: string, page: Pagination): Promise<Row> {
    await this.assertProduct(productId, { published: true })
    const facts = await this.getProductFacts(productId)
    const [links, count] = await this.listLinks(productId, page)
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
  async verdict(productId: string, vehicleId: string): Promise<Row> {
    await this.assertProduct(productId, { published: true })
    const vehicle = await this.retrieveStoreVehicle(vehicleId)
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

  /** A vehicle with its make and model (404 when there is none). */
  async retrieveStoreVehicle(vehicleId: string): Promise<Row> {
    const rows = await this.activeManager_.query(
      `SELECT ${VEHICLE_COLUMNS} FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id WHERE v.id = $1`,
      [vehicleId]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Vehicle with id: ${vehicleId} was not found`
      )
    }
    return shapeVehicle(rows[0])
  }

  /**
   * Verdicts of many parts for one vehicle (as shaped by retrieveStoreVehicle), in four queries whatever the
   * number of parts (a 60-line cart): `[{ product_id, verdict, reason, universal, fitments, excluded }]` in the
   * order of `productIds`.
   */
  async verdicts(productIds: string[], vehicle: Row): Promise<Row[]> {
    const ids = [...new Set(productIds)]
    const facts = new Map<string, boolean>(
      (
        await this.activeManager_.query(
          `SELECT product_id, is_universal FROM fitment_product WHERE product_id = ANY($1)`,
          [ids]
        )
      ).map((r: Row) => [r.product_id, r.is_universal])
    )
    const links = new Map<string, Row[]>()
    for (const l of await this.activeManager_.query(
      `SELECT ${LINK_COLUMNS} FROM fitment f WHERE f.product_id = ANY($1) AND f.vehicle_id = $2 ORDER BY f.position NULLS FIRST, f.id`,
      [ids, vehicle.id]
    )) {
      links.set(l.product_id, [
        ...(links.get(l.product_id) ?? []),
        qualifiers(l),
      ])
    }
    const totals = new Map<string, number>(
      (
        await this.activeManager_.query(
          `SELECT product_id, count(*)::int AS total FROM fitment WHERE product_id = ANY($1) GROUP BY product_id`,
          [ids]
        )
      ).map((r: Row) => [r.product_id, r.total])
    )
    const [{ vehicle_links }] = await this.activeManager_.query(
      `SELECT count(*)::int AS vehicle_links FROM (${LIVE_LINK} AND f2.vehicle_id = $1 LIMIT 1) AS l`,
      [vehicle.id]
    )
    const answers = new Map<string, Row>()
    for (const id of ids) {
      const universal = facts.get(id) ?? false
      const answer = decideVerdict<Row & VerdictLink>({
        universal,
        links: (links.get(id) ?? []) as Array<Row & VerdictLink>,
        vehicleEngineCode: vehicle.engine_code,
        productLinks: totals.get(id) ?? 0,
        vehicleLinks: vehicle_links,
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

  // ------------------------------------------------------------------ part numbers

  /**
   * Products whose own number, OE number or cross-reference normalises to the same key as `number`, or one of whose
   * variants has the shop's SKU written the same way (letters and digits compared, case and separators ignored).
   */
  async lookupPartNumber(number: string, page: Pagination): Promise<Row> {
    const normalized = normalizePartNumber(number)
    if (!normalized) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `number: "${number}" holds no part number (letters or digits)`
      )
    }
    const sku = compactReference(number)
    const rows = await this.activeManager_.query(
      `WITH matches AS (${PART_NUMBER_MATCHES})
       SELECT p.id, p.title, p.handle, p.thumbnail, p.status,
              json_agg(json_build_object('type', m.type, 'brand', m.brand, 'number', m.raw) ORDER BY m.rank, m.raw) AS matches,
              count(*) OVER ()::int AS total
       FROM matches m JOIN product p ON p.id = m.product_id
       WHERE p.deleted_at IS NULL AND p.status = 'published'
       GROUP BY p.id
       ORDER BY min(m.rank), p.title, p.id
       LIMIT $3 OFFSET $4`,
      [normalized, sku, page.limit, page.offset]
    )
    const brands = await this.brandsOfProducts(rows.map((r: Row) => r.id))
    return {
      number,
      normalized,
      products: rows.map(({ total: _t, ...r }: Row) => ({
        ...r,
        brand: brandOf(brands.get(r.id)),
      })),
      count:
        rows[0]?.total ??
        (page.offset > 0 ? await this.countPartNumber(normalized, sku) : 0),
      limit: page.limit,
      offset: page.offset,
    }
  }

  private async countPartNumber(
    normalized: string,
    sku: string
  ): Promise<number> {
    const [{ count }] = await this.activeManager_.query(
      `WITH matches AS (${PART_NUMBER_MATCHES})
       SELECT count(DISTINCT p.id)::int AS count FROM matches m JOIN product p ON p.id = m.product_id
       WHERE p.deleted_at IS NULL AND p.status = 'published'`,
      [normalized, sku]
    )
    return count
  }

  async listPartNumbers(productId: string): Promise<Row[]> {
    return await this.activeManager_.query(
      `SELECT id, product_id, variant_id, type, NULLIF(brand_name, '') AS brand_name, raw, normalized FROM part_number WHERE product_id = $1 ORDER BY type, raw`,
      [productId]
    )
  }

  /**
   * Adds numbers (idempotent on product + type + brand + normalised number). Returns how many were new.
   * With `refuseDuplicates` (the admin API), a number the product already has, or the same number twice in
   * the request, is refused with a DUPLICATE_ERROR naming it, and nothing is written.
   */
  async addPartNumbers(
    productId: string,
    numbers: Array<{
      type: string
      raw: string
      brand_name?: string | null
      variant_id?: string | null
    }>,
    options: { refuseDuplicates?: boolean } = {}
  ): Promise<number> {
    if (!numbers.length) {
      return 0
    }
    if (options.refuseDuplicates) {
      return await this.atomicPhase_(async (manager) => {
        const self = this.withTransaction(manager)
        const existing: Row[] = await self.listPartNumbers(productId)
        const seen = new Map(
          existing.map((e) => [
            partNumberKey(e.type, e.brand_name, e.normalized),
            e,
          ])
        )
        numbers.forEach((n, i) => {
          const key = partNumberKey(
            n.type,
            n.brand_name,
            normalizePartNumber(String(n.raw ?? ""), {
              make: n.brand_name ?? undefined,
            })
          )
          const same = seen.get(key)
          if (same) {
            const brand = n.brand_name?.trim()
              ? ` (${n.brand_name.trim()})`
              : ""
            throw new MedusaError(
              MedusaError.Types.DUPLICATE_ERROR,
              `numbers[${i}]: ${String(n.type).toUpperCase()} number "${String(n.raw).trim()}"${brand} is already recorded for this product` +
                (same.id ? ` as "${same.raw}"` : " earlier in the request")
            )
          }
          seen.set(key, { type: n.type, raw: n.raw })
        })
        const added = await self.addPartNumbers(productId, numbers)
        if (added !== numbers.length) {
          throw new MedusaError(
            MedusaError.Types.DUPLICATE_ERROR,
            "numbers: one of the numbers was recorded for this product at the same time"
          )
        }
        return added
      })
    }
    const ids: string[] = []
    const types: string[] = []
    const brands: string[] = []
    const raws: string[] = []
    const normalized: string[] = []
    const variants: (string | null)[] = []
    for (const n of numbers) {
      if (!["mpn", "oe", "cross"].includes(n.type)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `type: must be mpn, oe or cross, got "${n.type}"`
        )
      }
      const key = normalizePartNumber(String(n.raw ?? ""), {
        make: n.brand_name ?? undefined,
      })
      if (!key) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `raw: "${n.raw}" holds no part number`
        )
      }
      ids.push(generateEntityId(undefined, "pnum"))
      types.push(n.type)
      brands.push(n.brand_name?.trim() ?? "")
      raws.push(String(n.raw).trim())
      normalized.push(key)
      variants.push(n.variant_id ?? null)
    }
    const res = await this.activeManager_.query(
      `INSERT INTO part_number (id, product_id, type, brand_name, raw, normalized, variant_id)
       SELECT u.id, $1, u.type, u.brand, u.raw, u.norm, u.variant FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS u(id, type, brand, raw, norm, variant)
       ON CONFLICT (product_id, type, brand_name, normalized) DO NOTHING RETURNING id`,
      [productId, ids, types, brands, raws, normalized, variants]
    )
    return res.length
  }

  async deletePartNumber(productId: string, id: string): Promise<void> {
    // TypeORM answers DELETE … RETURNING with [rows, affected count]
    const [deleted]: [Row[], number] = await this.activeManager_.query(
      `DELETE FROM part_number WHERE id = $1 AND product_id = $2 RETURNING id`,
      [id, productId]
    )
    if (!deleted.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Part number ${id} of product ${productId} was not found`
      )
    }
  }

  // ------------------------------------------------------------------ coverage

  /**
   * Paged coverage for the admin screen (the full report of `coverage()` lists every vehicle without parts, too
   * much at 20,000 vehicles). Totals, then per make/model: vehicles, vehicles without parts, parts fitting it and
   * units of those parts sold in completed/pending orders of the last `days` days (Medusa's orders and line items),
   * narrowed to models with at most `max_parts` parts when given.
   */
  async coverageModels(
    filter: {
      make_id?: string
      max_parts?: number
      q?: string
      days?: number
      sort?: (typeof COVERAGE_MODEL_SORTS)[number]
    },
    page: Pagination
  ): Promise<[Row[], number, Row]> {
    const params: unknown[] = [filter.days ?? 365]
    const where: string[] = []
    if (filter.make_id) {
      params.push(filter.make_id)
      where.push(`make_id = $${params.length}`)
    }
    if (filter.q) {
      params.push(`%${filter.q}%`)
      where.push(`(make || ' ' || model) ILIKE $${params.length}`)
    }
    if (filter.max_parts !== undefined) {
      params.push(filter.max_parts)
      where.push(`parts <= $${params.length}`)
    }
    const order =
      filter.sort === "vehicles_without_parts"
        ? "vehicles_without_parts DESC, sold DESC"
        : filter.sort === "parts"
          ? "parts ASC, sold DESC"
          : "sold DESC, parts ASC, vehicles DESC"
    // set-based (one pass over vehicles, links and order lines), not one sub-query per model: 20,000 vehicles stay fast
    const base = `WITH veh AS (
        SELECT v.model_id, count(*)::int AS vehicles,
               count(*) FILTER (WHERE NOT EXISTS (${LIVE_LINK} AND f2.vehicle_id = v.id))::int AS vehicles_without_parts
        FROM vehicle v GROUP BY v.model_id),
      model_parts AS (
        SELECT DISTINCT v.model_id, f.product_id FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id
        JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL),
      parts AS (SELECT model_id, count(*)::int AS parts FROM model_parts GROUP BY model_id),
      product_sold AS (
        SELECT pv.product_id, sum(li.quantity)::int AS sold FROM line_item li
        JOIN "order" o ON o.id = li.order_id AND o.status IN ('pending', 'completed') AND o.created_at >= now() - make_interval(days => $1::int)
        JOIN product_variant pv ON pv.id = li.variant_id GROUP BY pv.product_id),
      sold AS (SELECT mp.model_id, sum(ps.sold)::int AS sold FROM model_parts mp JOIN product_sold ps ON ps.product_id = mp.product_id GROUP BY mp.model_id),
      per_model AS (
        SELECT mk.id AS make_id, mk.name AS make, md.id AS model_id, md.name AS model,
               COALESCE(veh.vehicles, 0) AS vehicles, COALESCE(veh.vehicles_without_parts, 0) AS vehicles_without_parts,
               COALESCE(parts.parts, 0) AS parts, COALESCE(sold.sold, 0) AS sold
        FROM vehicle_model md JOIN vehicle_make mk ON mk.id = md.make_id
        LEFT JOIN veh ON veh.model_id = md.id LEFT JOIN parts ON parts.model_id = md.id LEFT JOIN sold ON sold.model_id = md.id)
      SELECT *, count(*) OVER ()::int AS total_count FROM per_model ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`
    const found: Row[] = await this.activeManager_.query(
      `${base} ORDER BY ${order}, make, model, model_id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const count = found.length
      ? found[0].total_count
      : page.offset > 0
        ? (
            await this.activeManager_.query(
              `SELECT count(*)::int AS count FROM (${base}) AS m`,
              params
            )
          )[0].count
        : 0
    const rows = found.map(({ total_count: _t, ...r }) => r)
    const [totals] = await this.activeManager_.query(
      `SELECT (SELECT count(*)::int FROM vehicle) AS vehicles,
              (SELECT count(*)::int FROM vehicle v WHERE NOT EXISTS (${LIVE_LINK} AND f2.vehicle_id = v.id)) AS vehicles_without_parts,
              (SELECT count(*)::int FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL) AS links,
              (SELECT count(DISTINCT f.product_id)::int FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL) AS linked_products,
              (SELECT count(*)::int FROM fitment_product fp JOIN product p ON p.id = fp.product_id WHERE fp.is_universal AND p.deleted_at IS NULL) AS universal_products,
              (SELECT count(*)::int FROM product WHERE deleted_at IS NULL) AS products`
    )
    return [rows, count, totals]
  }

  /** Vehicles no live product fits, paged (optionally for one make or model, or matching `q`). */
  async vehiclesWithoutParts(
    filter: { make_id?: string; model_id?: string; q?: string },
    page: Pagination
  ): Promise<[Row[], number]> {
    const params: unknown[] = []
    const where = [`NOT EXISTS (${LIVE_LINK} AND f2.vehicle_id = v.id)`]
    if (filter.make_id) {
      params.push(filter.make_id)
      where.push(`v.make_id = $${params.length}`)
    }
    if (filter.model_id) {
      params.push(filter.model_id)
      where.push(`v.model_id = $${params.length}`)
    }
    if (filter.q) {
      params.push(`%${filter.q}%`)
      where.push(
        `(mk.name || ' ' || md.name || ' ' || coalesce(v.engine, '') || ' ' || coalesce(v.engine_code, '')) ILIKE $${params.length}`
      )
    }
    const from = `FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id WHERE ${where.join(" AND ")}`
    const rows = await this.activeManager_.query(
      `SELECT ${VEHICLE_COLUMNS} ${from} ORDER BY mk.name, md.name, v.year_from, v.engine NULLS FIRST, v.id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count ${from}`,
      params
    )
    return [rows.map(shapeVehicle), count]
  }

  /**
   * For each make/model: vehicles, vehicles without any linked part, distinct fitting parts, and fitting parts
   * per category. Universal parts are reported apart (they fit every vehicle). Links of deleted products
   * (Medusa soft-deletes them and the link rows stay) count for nothing: such a vehicle has no part to sell.
   */
  async coverage(): Promise<Row> {
    const models = await this.activeManager_.query(
      `SELECT mk.id AS make_id, mk.name AS make, md.id AS model_id, md.name AS model,
              count(DISTINCT v.id)::int AS vehicles,
              count(DISTINCT v.id) FILTER (WHERE NOT EXISTS (${LIVE_LINK} AND f2.vehicle_id = v.id))::int AS vehicles_without_parts,
              (SELECT count(DISTINCT f.product_id)::int FROM fitment f JOIN vehicle v3 ON v3.id = f.vehicle_id
               JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL WHERE v3.model_id = md.id) AS parts
       FROM vehicle_model md JOIN vehicle_make mk ON mk.id = md.make_id LEFT JOIN vehicle v ON v.model_id = md.id
       GROUP BY mk.id, mk.name, md.id, md.name ORDER BY mk.name, md.name`
    )
    const perCategory = await this.activeManager_.query(
      `SELECT v.model_id, COALESCE(pc.id, 'uncategorized') AS category_id, COALESCE(pc.name, 'Uncategorized') AS category,
              count(DISTINCT f.product_id)::int AS parts
       FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL
       LEFT JOIN product_category_product pcp ON pcp.product_id = f.product_id
       LEFT JOIN product_category pc ON pc.id = pcp.product_category_id
       GROUP BY v.model_id, pc.id, pc.name ORDER BY v.model_id, parts DESC, category`
    )
    const byModel = new Map<string, Row[]>()
    for (const r of perCategory) {
      const list = byModel.get(r.model_id) ?? []
      list.push({
        category_id: r.category_id,
        category: r.category,
        parts: r.parts,
      })
      byModel.set(r.model_id, list)
    }
    const vehiclesWithoutParts = await this.activeManager_.query(
      `SELECT v.id, mk.name AS make, md.name AS model, v.generation, v.body, v.year_from, v.year_to, v.engine, v.engine_code, v.fuel
       FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id
       WHERE NOT EXISTS (${LIVE_LINK} AND f2.vehicle_id = v.id)
       ORDER BY mk.name, md.name, v.year_from, v.engine NULLS FIRST`
    )
    const [{ universal }] = await this.activeManager_.query(
      `SELECT count(*)::int AS universal FROM fitment_product fp JOIN product p ON p.id = fp.product_id WHERE fp.is_universal AND p.deleted_at IS NULL`
    )
    const [totals] = await this.activeManager_.query(
      `SELECT (SELECT count(*)::int FROM vehicle) AS vehicles,
              (SELECT count(*)::int FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL) AS links,
              (SELECT count(DISTINCT f.product_id)::int FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL) AS linked_products,
              (SELECT count(*)::int FROM product WHERE deleted_at IS NULL) AS products`
    )
    return {
      totals: {
        ...totals,
        universal_products: universal,
        vehicles_without_parts: vehiclesWithoutParts.length,
      },
      models: models.map((m: Row) => ({
        ...m,
        categories: byModel.get(m.model_id) ?? [],
      })),
      vehicles_without_parts: vehiclesWithoutParts,
    }
  }
}

/** How the models of the coverage report can be ordered: the models that sell most first, or the least covered. */
export const COVERAGE_MODEL_SORTS = [
  "sold",
  "vehicles_without_parts",
  "parts",
] as const

export function brandOf(row: Row | undefined): Row | null {
  if (!row || !row.id) {
    return null
  }
  return {
    id: row.id,
    name: row.name,
    handle: row.handle,
    logo_url: row.logo_url,
    country: row.country,
  }
}

export function shapeVehicle(r: Row): Row {
  return {
    id: r.v_id,
    make: { id: r.make_id, name: r.make_name, handle: r.make_handle },
    model: { id: r.model_id, name: r.model_name, handle: r.model_handle },
    generation: r.generation,
    body: r.body,
    year_from: r.year_from,
    month_from: r.month_from,
    year_to: r.year_to,
    month_to: r.month_to,
    engine: r.engine,
    engine_code: r.vehicle_engine_code,
    displacement_cc: r.displacement_cc,
    power_kw: r.power_kw === null ? null : Number(r.power_kw),
    power_hp: r.power_hp === null ? null : Number(r.power_hp),
    fuel: r.fuel,
    ktype: r.ktype,
  }
}

function qualifiers(r: Row): Row {
  return {
    id: r.id,
    product_id: r.product_id,
    variant_id: r.variant_id,
    vehicle_id: r.vehicle_id,
    position: r.position,
    quantity: r.quantity,
    engine_code: r.engine_code,
    from_ym: r.from_ym,
    to_ym: r.to_ym,
    note_fr: r.note_fr,
    note_ar: r.note_ar,
    source: r.source,
  }
}

function shapeLink(r: Row): Row {
  return {
    ...qualifiers(r),
    created_at: r.created_at,
    updated_at: r.updated_at,
    vehicle: shapeVehicle(r),
  }
}

/** Store shape: the vehicle with its make and model, plus the link's qualifiers. */
function storeLink(l: Row): Row {
  const {
    vehicle,
    id,
    product_id: _p,
    vehicle_id: _v,
    created_at: _c,
    updated_at: _u,
    ...q
  } = l
  return { ...vehicle, link_id: id, ...q }
}

/** The identity of a part number of a product: type, maker (case-insensitive) and normalised number. */
function partNumberKey(
  type: string,
  brand: string | null | undefined,
  normalized: string
): string {
  return `${type}|${(brand ?? "").trim().toLowerCase()}|${normalized}`
}
