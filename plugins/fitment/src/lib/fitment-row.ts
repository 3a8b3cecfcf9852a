/**
 * One fitment per CSV row: a product (by SKU, handle or id) and either "universal" or a vehicle selector
 * (vehicle id, KType, or make + model narrowed by generation, body, years, engine, fuel), with qualifiers.
 */
import { createHash } from "crypto"
import { ColumnSpec, RowError, rowCells } from "./csv-table"
import {
  Body,
  canonicalMake,
  normalizeBody,
  normalizeKey,
  parseModel,
} from "./normalize"
import {
  Fuel,
  parseBoolean,
  parseFuel,
  parseNumber,
  parsePosition,
  parseYearMonth,
  Position,
} from "./values"
import { VEHICLE_COLUMNS } from "./vehicle-row"

const VEHICLE_SELECTOR_FIELDS = [
  "make",
  "model",
  "generation",
  "body",
  "year_from",
  "year_to",
  "engine",
  "fuel",
  "ktype",
]

/** The columns that qualify a link (a universal row carries none of them), in the export's order. */
export const LINK_QUALIFIER_COLUMNS = [
  "position",
  "quantity",
  "engine_code",
  "month_from",
  "month_to",
  "note_fr",
  "note_ar",
] as const

export const FITMENT_COLUMNS: ColumnSpec[] = [
  {
    field: "sku",
    aliases: ["variant_sku", "reference", "ref", "article", "code_article"],
  },
  { field: "handle", aliases: ["product_handle", "slug"] },
  { field: "product_id", aliases: ["id_produit"] },
  { field: "vehicle_id", aliases: ["id_vehicule", "vehicule_id"] },
  { field: "universal", aliases: ["universel", "universelle", "is_universal"] },
  { field: "position", aliases: ["emplacement", "cote", "side"] },
  { field: "quantity", aliases: ["qty", "quantite", "qte", "nombre"] },
  {
    field: "note_fr",
    aliases: ["note", "remarque", "commentaire", "notes", "comment"],
  },
  {
    field: "note_ar",
    aliases: ["remarque_ar", "commentaire_ar", "note_arabe"],
  },
  ...VEHICLE_COLUMNS.filter(
    (c) =>
      c.field !== "displacement_cc" &&
      c.field !== "power_hp" &&
      c.field !== "power_kw"
  ),
]

export interface VehicleSelector {
  vehicle_id: string | null
  ktype: number | null
  make: string | null
  make_key: string | null
  model: string | null
  model_key: string | null
  generation: string | null
  body: Body | null
  year_from: number | null
  year_to: number | null
  engine: string | null
  engine_code: string | null
  fuel: Fuel | null
}

export interface ProductRef {
  sku: string | null
  handle: string | null
  product_id: string | null
}

export interface FitmentRow {
  row: number
  product: ProductRef
  universal: boolean
  /** Null for universal rows. */
  vehicle: VehicleSelector | null
  position: Position | null
  quantity: number | null
  /** Engine code the part needs; also narrows the vehicles matched. */
  engine_code: string | null
  /** Production months the part covers, as YYYYMM numbers (201403). */
  month_from: number | null
  month_to: number | null
  note_fr: string | null
  note_ar: string | null
}

export type FitmentRowResult =
  { ok: true; fitment: FitmentRow } | { ok: false; errors: RowError[] }

export interface FitmentRowOptions {
  now?: Date
}

export function validateFitmentRow(
  record: Record<string, string>,
  row: number,
  headers: Record<string, string>,
  options: FitmentRowOptions = {}
): FitmentRowResult {
  const { errors, fail, cell, take } = rowCells(record, row, headers)

  const product: ProductRef = {
    sku: cell("sku") || null,
    handle: cell("handle") || null,
    product_id: cell("product_id") || null,
  }
  if (!product.sku && !product.handle && !product.product_id) {
    fail(
      headers.sku ? "sku" : headers.handle ? "handle" : "sku",
      "the product is missing: give its sku or handle"
    )
  }

  const universal = take("universal", parseBoolean(cell("universal"))) ?? false
  const position = take("position", parsePosition(cell("position")))
  const quantity = take(
    "quantity",
    parseNumber(cell("quantity"), { integer: true, min: 1, max: 1000 })
  )
  const engineCode = cell("engine_code")
    ? cell("engine_code").toUpperCase()
    : null
  const noteFr = cell("note_fr") || null
  const noteAr = cell("note_ar") || null

  const named = VEHICLE_SELECTOR_FIELDS.filter((f) => cell(f))
  if (universal) {
    for (const field of [
      ...named,
      ...(cell("vehicle_id") ? ["vehicle_id"] : []),
    ]) {
      fail(field, "a universal row fits every vehicle and must not name one")
    }
    for (const field of LINK_QUALIFIER_COLUMNS) {
      if (cell(field)) {
        fail(
          field,
          `${field} applies to a link with a vehicle; a universal row cannot carry it`
        )
      }
    }
    if (errors.length) {
      return { ok: false, errors }
    }
    return {
      ok: true,
      fitment: {
        row,
        product,
        universal: true,
        vehicle: null,
        position: null,
        quantity: null,
        engine_code: null,
        month_from: null,
        month_to: null,
        note_fr: null,
        note_ar: null,
      },
    }
  }

  const yearFrom = take(
    "year_from",
    parseYearMonth(cell("year_from"), { now: options.now })
  )
  const yearTo = take(
    "year_to",
    parseYearMonth(cell("year_to"), { now: options.now, allowOpen: true })
  )
  if (
    yearFrom &&
    yearTo &&
    yearTo.year * 100 + (yearTo.month ?? 12) <
      yearFrom.year * 100 + (yearFrom.month ?? 1)
  ) {
    fail(
      "year_to",
      `year_to ${yearTo.year} is before year_from ${yearFrom.year}`
    )
  }
  const monthFrom = yearMonth(
    "month_from",
    yearFrom?.year ?? null,
    yearFrom?.month ?? null
  )
  const monthTo = yearMonth(
    "month_to",
    yearTo?.year ?? null,
    yearTo?.month ?? null
  )
  if (monthFrom !== null && monthTo !== null && monthTo < monthFrom) {
    fail(
      "month_to",
      `month_to ${fmt(monthTo)} is before month_from ${fmt(monthFrom)}`
    )
  }

  let body: Body | null = null
  if (cell("body")) {
    body = normalizeBody(cell("body"))
    if (!body) {
      fail("body", `unknown body "${cell("body")}"`)
    }
  }
  const fuel = take("fuel", parseFuel(cell("fuel")))
  const ktype = take(
    "ktype",
    parseNumber(cell("ktype"), { integer: true, min: 1, max: 999999999 })
  )
  const vehicleId = cell("vehicle_id") || null

  let makeName: string | null = null
  let makeKey: string | null = null
  if (cell("make")) {
    const make = canonicalMake(cell("make"))
    makeName = make.name
    makeKey = make.key
  }
  const model = cell("model") ? parseModel(cell("model")) : null
  if (!vehicleId && ktype === null) {
    if (
      !cell("make") &&
      !cell("model") &&
      !errors.some((e) => e.column === (headers.ktype ?? "ktype"))
    ) {
      fail(
        "make",
        "the vehicle is missing: give vehicle_id, ktype, or make and model"
      )
    } else if (!cell("make")) {
      fail("make", "make is missing")
    } else if (!cell("model")) {
      fail("model", "model is missing")
    }
  }

  if (errors.length) {
    return { ok: false, errors }
  }
  const vehicle: VehicleSelector = {
    vehicle_id: vehicleId,
    ktype,
    make: makeName,
    make_key: makeKey,
    model: model?.model ?? null,
    model_key: model?.key ?? null,
    generation: cell("generation") || model?.generation || null,
    body: body ?? model?.body ?? null,
    year_from: yearFrom?.year ?? null,
    year_to: yearTo?.year ?? null,
    engine: cell("engine") || null,
    engine_code: engineCode,
    fuel,
  }
  return {
    ok: true,
    fitment: {
      row,
      product,
      universal: false,
      vehicle,
      position,
      quantity,
      engine_code: engineCode,
      month_from: monthFrom,
      month_to: monthTo,
      note_fr: noteFr,
      note_ar: noteAr,
    },
  }

  /** month_from / month_to as YYYYMM: "2014-03", or "3" together with the row's year, or the month written in the year cell. */
  function yearMonth(
    field: string,
    year: number | null,
    monthInYear: number | null
  ): number | null {
    const text = cell(field)
    if (!text) {
      return year !== null && monthInYear !== null
        ? year * 100 + monthInYear
        : null
    }
    if (/^\d{1,2}$/.test(text)) {
      const month = Number(text)
      if (month < 1 || month > 12) {
        fail(field, `month ${month} is not between 1 and 12`)
        return null
      }
      if (year === null) {
        fail(
          field,
          `month ${month} has no year: write it as YYYY-MM (e.g. 2014-0${Math.min(month, 9)}) or fill the year column`
        )
        return null
      }
      return year * 100 + month
    }
    const parsed = parseYearMonth(text, { now: options.now })
    if (parsed.error !== undefined) {
      fail(field, parsed.error)
      return null
    }
    if (!parsed.value || parsed.value.month === null) {
      fail(
        field,
        `"${text}" has no month: write it as YYYY-MM (e.g. ${parsed.value?.year ?? 2014}-03)`
      )
      return null
    }
    return parsed.value.year * 100 + parsed.value.month
  }
}

function fmt(yyyymm: number): string {
  return `${Math.floor(yyyymm / 100)}-${String(yyyymm % 100).padStart(2, "0")}`
}

export interface FitmentLinkKeyInput {
  product_id: string
  vehicle_id: string
  position?: string | null
  engine_code?: string | null
  month_from?: number | null
  month_to?: number | null
}

/** Identity of a link: the same product, vehicle and qualifiers are one link, whatever the notes or quantity. */
export function fitmentLinkKey(link: FitmentLinkKeyInput): string {
  return [
    link.product_id,
    link.vehicle_id,
    link.position ?? "",
    normalizeKey(link.engine_code ?? ""),
    link.month_from ?? "",
    link.month_to ?? "",
  ].join("|")
}

/** Fixed-width form of fitmentLinkKey (sha1 hex, 40 characters) for a unique index. */
export function fitmentLinkHash(link: FitmentLinkKeyInput): string {
  return createHash("sha1").update(fitmentLinkKey(link)).digest("hex")
}
