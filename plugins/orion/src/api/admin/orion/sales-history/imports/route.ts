import { csvImportRoute } from "../../../../utils/csv-import"

/**
 * POST /admin/orion/sales-history/imports — multipart field "file", CSV `sku,date,qty`.
 * All-or-nothing: 400 with every bad row (row, column, reason), else 200 with the counts.
 * Importing the same file again changes nothing (inserted = updated = 0).
 */
export const POST = csvImportRoute("orionSalesHistoryService")
