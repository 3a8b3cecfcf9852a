import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewaresConfig } from "@medusajs/medusa"
import { json } from "express"

/**
 * The search body is parsed here so that malformed JSON gets a clear 400 in Medusa's error shape
 * instead of body-parser's bare SyntaxError.
 */
const parseJson = json({ limit: "16kb" })

function jsonBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  parseJson(req, res, (err?: any) => {
    if (err) {
      const reason = err.type === "entity.too.large" ? "the body is larger than 16 kB" : `it is not valid JSON (${err.message})`
      res.status(400).json({ type: "invalid_data", message: `Invalid search body: ${reason}` })
      return
    }
    next()
  })
}

export const config: MiddlewaresConfig = {
  routes: [{ matcher: "/store/products/search", method: "POST", bodyParser: false, middlewares: [jsonBody] }],
}
