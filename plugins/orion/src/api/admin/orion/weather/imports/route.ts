import { csvImportRoute } from "../../../../utils/csv-import"

/**
 * POST /admin/orion/weather/imports — multipart field "file", CSV `date,governorate,temperature,rain`
 * (daily mean °C, rain mm). All-or-nothing: 400 with every bad row (row, column, reason), else 200 with the
 * counts. A day already stored for a governorate is replaced; the same file again changes nothing.
 */
export const POST = csvImportRoute("orionWeatherService")
