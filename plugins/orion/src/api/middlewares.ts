import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewaresConfig } from "@medusajs/medusa"
import multer from "multer"

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 50 * 1024 * 1024, files: 1 } }).single("file")

/** Multipart upload of a CSV file (sales, weather), field "file"; multer errors become 400 with the reason. */
function csvUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload(req as any, res as any, (err: unknown) => {
    if (err) {
      res.status(400).json({ type: "invalid_data", message: `upload failed: ${(err as Error).message} (send multipart/form-data with a "file" field)` })
      return
    }
    next()
  })
}

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
