import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import fs from "fs"
import path from "path"
import { slugify } from "../lib/normalize"
import { Row } from "../types"
import BrandService from "./brand"
import FitmentPartNumberService from "./fitment-part-number"
import FitmentProductService from "./fitment-product"
import FitmentImportService, { ImportResult } from "./fitment-import"

type InjectedDependencies = {
  manager: EntityManager
  brandService: BrandService
  fitmentProductService: FitmentProductService
  fitmentPartNumberService: FitmentPartNumberService
  fitmentImportService: FitmentImportService
}

export interface DemoProduct {
  handle: string
  brand?: string
  mpn?: string
  oe_numbers?: string[]
  cross_references?: Array<{ brand: string; number: string }>
  universal?: boolean
  variants?: Array<{ sku: string }>
}

export interface SeedInput {
  manager: EntityManager
  products: DemoProduct[]
  productIds: Record<string, string>
  variantIds: Record<string, string>
  dataDir: string
  log?: (message: string) => void
}

/**
 * Loads the fitment part of the demo catalogue (called by scripts/lib/seed.js inside the seed's transaction):
 * data/brands.json, data/vehicles.csv, each product's brand, universal flag and part numbers, then
 * data/fitments.csv, all through the same services as the Admin API and the CLI.
 */
export default class FitmentDemoSeederService extends TransactionBaseService {
  protected readonly brandService_: BrandService
  protected readonly fitmentProductService_: FitmentProductService
  protected readonly fitmentPartNumberService_: FitmentPartNumberService
  protected readonly fitmentImportService_: FitmentImportService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.brandService_ = container.brandService
    this.fitmentProductService_ = container.fitmentProductService
    this.fitmentPartNumberService_ = container.fitmentPartNumberService
    this.fitmentImportService_ = container.fitmentImportService
  }

  async seed(input: SeedInput): Promise<Row> {
    const log = input.log ?? (() => undefined)
    return await this.atomicPhase_(async (manager) => {
      const brands = this.brandService_.withTransaction(manager)
      const facts = this.fitmentProductService_.withTransaction(manager)
      const partNumbers =
        this.fitmentPartNumberService_.withTransaction(manager)
      const imports = this.fitmentImportService_.withTransaction(manager)
      const result: Row = {
        brands: 0,
        vehicles: null,
        fitments: null,
        products_with_brand: 0,
        universal: 0,
        part_numbers: 0,
      }

      const brandIds = new Map<string, { id: string; name: string }>()
      const brandFile = path.join(input.dataDir, "brands.json")
      if (fs.existsSync(brandFile)) {
        const raw = JSON.parse(fs.readFileSync(brandFile, "utf8"))
        const list: Row[] = Array.isArray(raw) ? raw : (raw.brands ?? [])
        list.forEach((b, i) => {
          if (!b || typeof b.name !== "string" || !b.name.trim()) {
            throw new Error(
              `data/brands.json entry ${i + 1}: "name" is missing`
            )
          }
        })
        for (const b of list) {
          const { brand } = await brands.upsert({
            name: b.name,
            handle: b.handle ?? slugify(b.name),
            logo_url: b.logo_url ?? null,
            country: b.country ?? null,
            description: b.description ?? null,
            metadata:
              b.metadata ??
              (b.description_ar ? { description_ar: b.description_ar } : null),
          })
          brandIds.set(brand.handle, { id: brand.id, name: brand.name })
          result.brands++
        }
      }

      const vehiclesFile = path.join(input.dataDir, "vehicles.csv")
      if (fs.existsSync(vehiclesFile)) {
        const r = await imports.import(
          "vehicles",
          fs.readFileSync(vehiclesFile),
          { fileName: "data/vehicles.csv", actor: "demo-seed" }
        )
        failOnInvalid("data/vehicles.csv", r)
        result.vehicles = r.summary
        log(
          `fitment: ${r.summary.created} vehicles (${r.summary.makes_created} makes, ${r.summary.models_created} models) from data/vehicles.csv`
        )
      }

      for (const [i, p] of input.products.entries()) {
        const productId = input.productIds[p.handle]
        if (!productId) {
          throw new Error(
            `data/products.json product ${i + 1} (${p.handle}) was not created by the seed`
          )
        }
        let brand: { id: string; name: string } | undefined
        if (p.brand) {
          brand = brandIds.get(p.brand) ?? brandIds.get(slugify(p.brand))
          if (!brand) {
            throw new Error(
              `data/products.json product ${i + 1} (${p.handle}): brand "${p.brand}" is not in data/brands.json`
            )
          }
        }
        if (brand || p.universal) {
          await facts.setProductFacts(productId, {
            brand_id: brand?.id ?? null,
            is_universal: Boolean(p.universal),
          })
          if (brand) result.products_with_brand++
          if (p.universal) result.universal++
        }
        const numbers: Array<{
          type: string
          raw: string
          brand_name?: string | null
        }> = []
        if (p.mpn)
          numbers.push({
            type: "mpn",
            raw: p.mpn,
            brand_name: brand?.name ?? null,
          })
        for (const oe of p.oe_numbers ?? [])
          numbers.push({ type: "oe", raw: oe })
        for (const x of p.cross_references ?? [])
          numbers.push({ type: "cross", raw: x.number, brand_name: x.brand })
        result.part_numbers += await partNumbers.addPartNumbers(
          productId,
          numbers
        )
      }

      const fitmentsFile = path.join(input.dataDir, "fitments.csv")
      if (fs.existsSync(fitmentsFile)) {
        // Our own demo data: any invalid row (unknown product or vehicle, two rows contradicting each other
        // about one link) is a bug in data/ and fails the seed, so nothing is half-loaded.
        const r = await imports.import(
          "fitments",
          fs.readFileSync(fitmentsFile),
          {
            fileName: "data/fitments.csv",
            actor: "demo-seed",
            skipInvalid: true,
          }
        )
        failOnInvalid("data/fitments.csv", r)
        result.fitments = r.summary
        log(
          `fitment: ${r.summary.links_created} links, ${r.summary.universal_set} universal products from data/fitments.csv`
        )
      }
      log(
        `fitment: ${result.brands} brands, ${result.products_with_brand} branded products, ${result.part_numbers} part numbers`
      )
      return result
    })
  }
}

function failOnInvalid(file: string, r: ImportResult): void {
  if (r.invalid_rows.length) {
    const lines = r.invalid_rows
      .slice(0, 10)
      .map(
        (row) =>
          `  row ${row.row}: ${row.errors.map((e) => `${e.column ?? "row"}: ${e.reason}`).join("; ")}`
      )
    throw new Error(
      `${file}: ${r.invalid_rows.length} invalid row(s), nothing seeded:\n${lines.join("\n")}`
    )
  }
}
