import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { compactReference } from "@shabou/text"
import { ParsedFile, parseFitmentCsv, parseVehicleCsv } from "../lib/csv-import"
import {
  CsvFormatError,
  invalidRowsToCsv,
  InvalidRow,
  RowError,
} from "../lib/csv-table"
import { FitmentRow } from "../lib/fitment-row"
import { canonicalMake } from "../lib/normalize"
import {
  FitmentImportPlan,
  planFitmentImport,
  planVehicleImport,
  VehicleImportPlan,
} from "../lib/plan"
import { VehicleRecord } from "../lib/vehicle-match"
import { VehicleRow } from "../lib/vehicle-row"
import { Row } from "../types"

type InjectedDependencies = { manager: EntityManager }

export type ImportType = "vehicles" | "fitments"

export interface ImportOptions {
  dryRun?: boolean
  skipInvalid?: boolean
  fileName?: string | null
  actor?: string | null
  source?: "import" | "staff" | "supplier"
  /** How many created/updated/unchanged entries to list in the result (the summary always counts all). */
  detailsLimit?: number
  onProgress?: (stage: string, done: number, total: number) => void
  now?: Date
  /** The id to log the import under (a background import announces it before it runs). */
  id?: string
}

export interface ImportResult {
  id: string
  type: ImportType
  file_name: string | null
  dry_run: boolean
  skip_invalid: boolean
  /** True when rows were written. */
  applied: boolean
  /** Why nothing was written, when it was not a dry run. */
  stopped_reason: string | null
  summary: Row
  delimiter: string
  bom: boolean
  encoding: string
  columns: Record<string, string>
  ignored_columns: string[]
  invalid_rows: Array<{
    row: number
    errors: Array<{
      column: string | null
      value: string | null
      reason: string
    }>
  }>
  duplicates: Array<{ row: number; same_as: number }>
  created: Row[]
  updated: Row[]
  unchanged: Row[]
  truncated: boolean
  invalid_rows_csv_url: string | null
  duration_ms: number
}

const CHUNK = 5000

/**
 * CSV imports of vehicles and fitment links. A dry run and a real run share one path: parse (lib/csv-import),
 * snapshot what is stored, plan (lib/plan), then, for a real run, apply the plan in one transaction.
 * Without `skipInvalid`, any invalid row stops the import before anything is written (all or nothing).
 */
export default class FitmentImportService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
  }

  async import(
    type: ImportType,
    input: Buffer | string,
    options: ImportOptions = {}
  ): Promise<ImportResult> {
    if (type !== "vehicles" && type !== "fitments") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `type: must be "vehicles" or "fitments", got "${type}"`
      )
    }
    const started = Date.now()
    const progress = options.onProgress ?? (() => undefined)
    let parsed: ParsedFile<VehicleRow> | ParsedFile<FitmentRow>
    try {
      parsed =
        type === "vehicles"
          ? parseVehicleCsv(input, { now: options.now })
          : parseFitmentCsv(input, { now: options.now })
    } catch (e) {
      if (e instanceof CsvFormatError) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `file${e.line ? ` line ${e.line}` : ""}: ${e.message}`
        )
      }
      throw e
    }
    const headerErrors = parsed.errors.filter((e) => e.row === 1)
    if (headerErrors.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        headerErrors
          .map((e) => `header, column ${e.column}: ${e.reason}`)
          .join("; ")
      )
    }
    progress("parsed", parsed.total_rows, parsed.total_rows)

    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const plan =
        type === "vehicles"
          ? planVehicleImport(
              parsed as ParsedFile<VehicleRow>,
              await self.vehicleSnapshot()
            )
          : planFitmentImport(
              parsed as ParsedFile<FitmentRow>,
              await self.fitmentSnapshot(parsed as ParsedFile<FitmentRow>),
              { now: options.now }
            )
      progress("planned", parsed.total_rows, parsed.total_rows)

      const invalid = plan.invalid
      let applied = false
      let stopped: string | null = null
      if (options.dryRun) {
        stopped = null
      } else if (invalid.length && !options.skipInvalid) {
        stopped = `${invalid.length} invalid row(s): nothing was written (fix them, or import with skip_invalid to write only the valid rows)`
      } else {
        if (type === "vehicles") {
          await self.applyVehicles(plan as VehicleImportPlan, progress)
        } else {
          await self.applyFitments(
            plan as FitmentImportPlan,
            options.source ?? "import",
            progress
          )
        }
        applied = true
      }

      const limit = options.detailsLimit ?? 1000
      const lists =
        type === "vehicles"
          ? vehicleLists(plan as VehicleImportPlan)
          : fitmentLists(plan as FitmentImportPlan)
      const truncated =
        lists.created.length > limit ||
        lists.updated.length > limit ||
        lists.unchanged.length > limit
      const summary: Row = { ...plan.summary }
      if (type === "vehicles") {
        summary.makes_created = (
          plan as VehicleImportPlan
        ).makes_to_create.length
        summary.models_created = (
          plan as VehicleImportPlan
        ).models_to_create.length
      } else {
        summary.links_created = (plan as FitmentImportPlan).create.length
        summary.universal_set = (plan as FitmentImportPlan).universal.set.length
      }
      const id = options.id ?? generateEntityId(undefined, "fimp")
      const invalidCsv = invalid.length
        ? invalidRowsToCsv(parsed.headers, invalid, parsed.delimiter)
        : null
      await manager.query(
        `INSERT INTO fitment_import (id, type, file_name, dry_run, skip_invalid, applied, summary, invalid_csv, actor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          type,
          options.fileName ?? null,
          Boolean(options.dryRun),
          Boolean(options.skipInvalid),
          applied,
          JSON.stringify(summary),
          invalidCsv,
          options.actor ?? null,
        ]
      )
      return {
        id,
        type,
        file_name: options.fileName ?? null,
        dry_run: Boolean(options.dryRun),
        skip_invalid: Boolean(options.skipInvalid),
        applied,
        stopped_reason: stopped,
        summary,
        delimiter: parsed.delimiter,
        bom: parsed.bom,
        encoding: parsed.encoding,
        columns: parsed.columns,
        ignored_columns: parsed.ignored_columns,
        invalid_rows: invalid.map(shapeInvalid),
        duplicates: plan.duplicates,
        created: lists.created.slice(0, limit),
        updated: lists.updated.slice(0, limit),
        unchanged: lists.unchanged.slice(0, limit),
        truncated,
        invalid_rows_csv_url: invalidCsv
          ? `/admin/fitment/imports/${id}/invalid-rows`
          : null,
        duration_ms: Date.now() - started,
      }
    })
  }

  async retrieve(id: string): Promise<Row> {
    const rows = await this.activeManager_.query(
      `SELECT id, type, file_name, dry_run, skip_invalid, applied, summary, actor, created_at, invalid_csv IS NOT NULL AS has_invalid_rows
       FROM fitment_import WHERE id = $1`,
      [id]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Import ${id} was not found`
      )
    }
    return rows[0]
  }

  async list(limit: number, offset: number): Promise<[Row[], number]> {
    const rows = await this.activeManager_.query(
      `SELECT id, type, file_name, dry_run, skip_invalid, applied, summary, actor, created_at, invalid_csv IS NOT NULL AS has_invalid_rows
       FROM fitment_import ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
      [limit, offset]
    )
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM fitment_import`
    )
    return [rows, count]
  }

  async invalidRowsCsv(id: string): Promise<string | null> {
    const rows = await this.activeManager_.query(
      `SELECT invalid_csv FROM fitment_import WHERE id = $1`,
      [id]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Import ${id} was not found`
      )
    }
    return rows[0].invalid_csv
  }

  // ------------------------------------------------------------------ snapshots

  async vehicleRecords(): Promise<VehicleRecord[]> {
    const rows = await this.activeManager_.query(
      `SELECT v.id, mk.name AS make, md.name AS model, v.generation, v.body, v.year_from, v.year_to, v.month_from, v.month_to,
              v.engine, v.engine_code, v.displacement_cc, v.power_hp::float8 AS power_hp, v.power_kw::float8 AS power_kw, v.fuel, v.ktype
       FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id`
    )
    return rows
  }

  private async vehicleSnapshot() {
    const makes = await this.activeManager_.query(
      `SELECT id, name, aliases FROM vehicle_make`
    )
    const models = await this.activeManager_.query(
      `SELECT id, make_id, name, aliases FROM vehicle_model`
    )
    return { makes, models, vehicles: await this.vehicleRecords() }
  }

  private async fitmentSnapshot(parsed: ParsedFile<FitmentRow>) {
    const skus = new Set<string>()
    const handles = new Set<string>()
    const ids = new Set<string>()
    for (const r of parsed.rows) {
      if (r.product.sku) skus.add(compactReference(r.product.sku))
      if (r.product.handle) handles.add(r.product.handle.toLowerCase())
      if (r.product.product_id) ids.add(r.product.product_id)
    }
    const products: Row[] = await this.activeManager_.query(
      `WITH wanted AS (
         SELECT pv.product_id AS id FROM product_variant pv
         WHERE pv.deleted_at IS NULL AND pv.sku IS NOT NULL AND upper(regexp_replace(pv.sku, '[^A-Za-z0-9]', '', 'g')) = ANY($1)
         UNION SELECT p.id FROM product p WHERE lower(p.handle) = ANY($2) OR p.id = ANY($3)
       )
       SELECT p.id, p.handle, COALESCE(fp.is_universal, false) AS universal,
              COALESCE(array_agg(pv.sku) FILTER (WHERE pv.sku IS NOT NULL), '{}') AS skus
       FROM wanted w JOIN product p ON p.id = w.id AND p.deleted_at IS NULL
       LEFT JOIN product_variant pv ON pv.product_id = p.id AND pv.deleted_at IS NULL
       LEFT JOIN fitment_product fp ON fp.product_id = p.id
       GROUP BY p.id, p.handle, fp.is_universal`,
      [[...skus], [...handles], [...ids]]
    )
    const links = products.length
      ? await this.activeManager_.query(
          `SELECT id, product_id, vehicle_id, position, engine_code, from_ym AS month_from, to_ym AS month_to, quantity, note_fr, note_ar
           FROM fitment WHERE product_id = ANY($1) AND variant_id IS NULL`,
          [products.map((p) => p.id)]
        )
      : []
    return {
      products: products as Array<{
        id: string
        handle: string
        skus: string[]
        universal: boolean
      }>,
      vehicles: await this.vehicleRecords(),
      links,
    }
  }

  // ------------------------------------------------------------------ apply

  private async applyVehicles(
    plan: VehicleImportPlan,
    progress: (stage: string, done: number, total: number) => void
  ): Promise<void> {
    const manager = this.activeManager_
    const makeIds = new Map<string, string>()
    for (const m of await manager.query(
      `SELECT id, name, key FROM vehicle_make`
    )) {
      makeIds.set(m.key, m.id)
      makeIds.set(canonicalMake(m.name).key, m.id)
    }
    for (const m of plan.makes_to_create) {
      const id = generateEntityId(undefined, "vmake")
      const handle = await uniqueHandle(manager, "vehicle_make", m.handle)
      await manager.query(
        `INSERT INTO vehicle_make (id, name, handle, key) VALUES ($1, $2, $3, $4)`,
        [id, m.name, handle, m.key]
      )
      makeIds.set(m.key, id)
    }
    const modelIds = new Map<string, string>()
    for (const m of plan.models_to_create) {
      const makeId = makeIds.get(m.make_key)
      if (!makeId) {
        throw new Error(
          `import plan: make ${m.make_key} of model ${m.name} (row ${m.row}) was neither found nor created`
        )
      }
      const id = generateEntityId(undefined, "vmodel")
      await manager.query(
        `INSERT INTO vehicle_model (id, make_id, name, handle, key) VALUES ($1, $2, $3, $4, $5)`,
        [id, makeId, m.name, m.handle, m.key]
      )
      modelIds.set(`${m.make_key}|${m.key}`, id)
    }
    const total = plan.create.length + plan.update.length
    let done = 0
    for (let i = 0; i < plan.create.length; i += CHUNK) {
      const chunk = plan.create.slice(i, i + CHUNK)
      const cols: Record<string, unknown[]> = {
        id: [],
        make_id: [],
        model_id: [],
        generation: [],
        body: [],
        year_from: [],
        month_from: [],
        year_to: [],
        month_to: [],
        engine: [],
        engine_code: [],
        displacement_cc: [],
        power_kw: [],
        power_hp: [],
        fuel: [],
        ktype: [],
        natural_key: [],
      }
      for (const c of chunk) {
        const v = c.vehicle
        const makeId = c.make_id ?? makeIds.get(v.make_key)
        const modelId =
          c.model_id ?? modelIds.get(`${v.make_key}|${v.model_key}`)
        if (!makeId || !modelId) {
          throw new Error(`import plan: row ${c.row} has no make or model id`)
        }
        cols.id.push(generateEntityId(undefined, "veh"))
        cols.make_id.push(makeId)
        cols.model_id.push(modelId)
        for (const f of [
          "generation",
          "body",
          "year_from",
          "month_from",
          "year_to",
          "month_to",
          "engine",
          "engine_code",
          "displacement_cc",
          "power_kw",
          "power_hp",
          "fuel",
          "ktype",
        ] as const) {
          cols[f].push(v[f] ?? null)
        }
        cols.natural_key.push(v.key)
      }
      await manager.query(
        `INSERT INTO vehicle (id, make_id, model_id, generation, body, year_from, month_from, year_to, month_to, engine, engine_code,
           displacement_cc, power_kw, power_hp, fuel, ktype, natural_key)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[],
           $10::text[], $11::text[], $12::int[], $13::numeric[], $14::numeric[], $15::text[], $16::int[], $17::text[])`,
        Object.values(cols)
      )
      done += chunk.length
      progress("writing", done, total)
    }
    for (let i = 0; i < plan.update.length; i += CHUNK) {
      const chunk = plan.update.slice(i, i + CHUNK)
      await manager.query(
        `UPDATE vehicle v SET year_to = COALESCE(u.year_to, v.year_to), month_from = COALESCE(u.month_from, v.month_from),
           month_to = COALESCE(u.month_to, v.month_to), displacement_cc = COALESCE(u.cc, v.displacement_cc),
           power_hp = COALESCE(u.hp, v.power_hp), power_kw = COALESCE(u.kw, v.power_kw), ktype = COALESCE(u.ktype, v.ktype), updated_at = now()
         FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::numeric[], $7::numeric[], $8::int[])
           AS u(id, year_to, month_from, month_to, cc, hp, kw, ktype)
         WHERE v.id = u.id`,
        [
          chunk.map((u) => u.id),
          chunk.map((u) => u.vehicle.year_to),
          chunk.map((u) => u.vehicle.month_from),
          chunk.map((u) => u.vehicle.month_to),
          chunk.map((u) => u.vehicle.displacement_cc),
          chunk.map((u) => u.vehicle.power_hp),
          chunk.map((u) => u.vehicle.power_kw),
          chunk.map((u) => u.vehicle.ktype),
        ]
      )
      done += chunk.length
      progress("writing", done, total)
    }
  }

  private async applyFitments(
    plan: FitmentImportPlan,
    source: string,
    progress: (stage: string, done: number, total: number) => void
  ): Promise<void> {
    const manager = this.activeManager_
    const total =
      plan.create.length + plan.update.length + plan.universal.set.length
    let done = 0
    for (let i = 0; i < plan.create.length; i += CHUNK) {
      const chunk = plan.create.slice(i, i + CHUNK)
      await manager.query(
        `INSERT INTO fitment (id, product_id, vehicle_id, position, quantity, engine_code, from_ym, to_ym, note_fr, note_ar, source)
         SELECT u.id, u.product_id, u.vehicle_id, u.position, COALESCE(u.quantity, 1), u.engine_code, u.from_ym, u.to_ym, u.note_fr, u.note_ar, $11
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[], $8::int[], $9::text[], $10::text[])
           AS u(id, product_id, vehicle_id, position, quantity, engine_code, from_ym, to_ym, note_fr, note_ar)
         ON CONFLICT (link_key) DO UPDATE SET quantity = COALESCE(EXCLUDED.quantity, fitment.quantity),
           note_fr = COALESCE(EXCLUDED.note_fr, fitment.note_fr), note_ar = COALESCE(EXCLUDED.note_ar, fitment.note_ar), updated_at = now()`,
        [
          chunk.map(() => generateEntityId(undefined, "fit")),
          chunk.map((l) => l.product_id),
          chunk.map((l) => l.vehicle_id),
          chunk.map((l) => l.position),
          chunk.map((l) => l.quantity),
          chunk.map((l) => l.engine_code),
          chunk.map((l) => l.month_from),
          chunk.map((l) => l.month_to),
          chunk.map((l) => l.note_fr),
          chunk.map((l) => l.note_ar),
          source,
        ]
      )
      done += chunk.length
      progress("writing", done, total)
    }
    for (let i = 0; i < plan.update.length; i += CHUNK) {
      const chunk = plan.update.slice(i, i + CHUNK)
      await manager.query(
        `UPDATE fitment f SET quantity = COALESCE(u.quantity, f.quantity), note_fr = COALESCE(u.note_fr, f.note_fr),
           note_ar = COALESCE(u.note_ar, f.note_ar), updated_at = now()
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS u(id, quantity, note_fr, note_ar) WHERE f.id = u.id`,
        [
          chunk.map((u) => u.id),
          chunk.map((u) => u.link.quantity),
          chunk.map((u) => u.link.note_fr),
          chunk.map((u) => u.link.note_ar),
        ]
      )
      done += chunk.length
      progress("writing", done, total)
    }
    if (plan.universal.set.length) {
      await manager.query(
        `INSERT INTO fitment_product (product_id, is_universal) SELECT unnest($1::text[]), true
         ON CONFLICT (product_id) DO UPDATE SET is_universal = true, updated_at = now()`,
        [plan.universal.set.map((u) => u.product_id)]
      )
      done += plan.universal.set.length
      progress("writing", done, total)
    }
  }
}

async function uniqueHandle(
  manager: EntityManager,
  table: string,
  handle: string
): Promise<string> {
  let candidate = handle
  for (let n = 2; ; n++) {
    const rows = await manager.query(
      `SELECT 1 FROM ${table} WHERE handle = $1`,
      [candidate]
    )
    if (!rows.length) {
      return candidate
    }
    candidate = `${handle}-${n}`
  }
}

function shapeInvalid(r: InvalidRow) {
  return {
    row: r.row,
    errors: r.errors.map((e: RowError) => ({
      column: e.column,
      value: e.value,
      reason: e.reason,
    })),
  }
}

function vehicleLists(plan: VehicleImportPlan) {
  return {
    created: plan.create.map((c) => ({
      row: c.row,
      make: c.vehicle.make,
      model: c.vehicle.model,
      year_from: c.vehicle.year_from,
      year_to: c.vehicle.year_to,
      engine: c.vehicle.engine,
      engine_code: c.vehicle.engine_code,
    })),
    updated: plan.update.map((u) => ({
      row: u.row,
      id: u.id,
      changes: u.changes,
    })),
    unchanged: plan.unchanged.map((u) => ({ row: u.row, id: u.id })),
  }
}

function fitmentLists(plan: FitmentImportPlan) {
  return {
    created: [
      ...plan.create.map((l) => ({
        row: l.row,
        product_id: l.product_id,
        vehicle_id: l.vehicle_id,
        position: l.position,
        engine_code: l.engine_code,
      })),
      ...plan.universal.set.map((u) => ({
        row: u.row,
        product_id: u.product_id,
        universal: true,
      })),
    ],
    updated: plan.update.map((u) => ({
      row: u.link.row,
      id: u.id,
      changes: u.changes,
    })),
    unchanged: [
      ...plan.unchanged.map((u) => ({ row: u.row, id: u.id })),
      ...plan.universal.unchanged.map((u) => ({
        row: u.row,
        product_id: u.product_id,
        universal: true,
      })),
    ],
  }
}
