import type { MiddlewaresConfig } from "@medusajs/medusa"
import { fileUpload } from "@shabou/api-params"

/** Multipart upload of a CSV file (sales, weather), field "file", at most 50 MB (400/413 answers: @shabou/api-params fileUpload). */
export const csvUpload = fileUpload({ maxBytes: 50 * 1024 * 1024 })
/** The sales-history import's upload: the same middleware under its former name. */
export const salesUpload = csvUpload

export const config: MiddlewaresConfig = {
  routes: [
    {
      matcher: "/admin/orion/sales-history/imports",
      method: "POST",
      bodyParser: false,
      middlewares: [csvUpload],
    },
    {
      matcher: "/admin/orion/weather/imports",
      method: "POST",
      bodyParser: false,
      middlewares: [csvUpload],
    },
  ],
}
