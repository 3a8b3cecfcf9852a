import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { download, invalidParam, oneOf, onlyKnown } from "@shabou/api-params"
import FitmentExportService, {
  EXPORT_TYPES,
  ExportType,
} from "../../../../services/fitment-export"

/**
 * GET /admin/fitment/export?type=vehicles|fitments[&format=csv] → the vehicle base or the links as CSV, in the
 * columns POST /admin/fitment/imports reads (semicolons, UTF-8 with BOM), streamed. Header
 * `x-variant-links-skipped`: links bound to one variant, which the CSV importer cannot write back, are left out.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.query as Record<string, unknown>
  onlyKnown(query, ["type", "format"])
  if (query.format !== undefined && query.format !== "csv") {
    throw invalidParam(
      "format",
      `only csv is offered, got "${String(query.format)}"`
    )
  }
  if (query.type === undefined) {
    throw invalidParam(
      "type",
      "is required: vehicles or fitments (import the vehicles first, then the fitments)"
    )
  }
  const type = oneOf(query.type, "type", EXPORT_TYPES) as ExportType
  const service = req.scope.resolve<FitmentExportService>(
    "fitmentExportService"
  )
  const day = new Date().toISOString().slice(0, 10)
  download(res, {
    filename: `${type === "vehicles" ? "vehicules" : "compatibilites"}-${day}.csv`,
  })
  // headers go before the first row: the variant links are counted first
  const manager = req.scope.resolve("manager") as {
    query: (sql: string) => Promise<Array<{ n: number }>>
  }
  if (type === "fitments") {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL WHERE f.variant_id IS NOT NULL`
    )
    res.setHeader("x-variant-links-skipped", String(n))
  }
  await service.export(type, (chunk) => {
    if (!res.write(chunk)) {
      return new Promise<void>((resolve) => res.once("drain", () => resolve()))
    }
  })
  res.end()
}
