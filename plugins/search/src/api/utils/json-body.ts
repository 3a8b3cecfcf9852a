import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/medusa"
import { json } from "express"

const parseJson = json({ limit: "16kb" })

/**
 * The search body, parsed so that malformed JSON gets a clear 400 in Medusa's error shape instead
 * of body-parser's bare SyntaxError.
 */
export function jsonBody(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  parseJson(req, res, (err?: any) => {
    if (err) {
      const reason =
        err.type === "entity.too.large"
          ? "the body is larger than 16 kB"
          : `it is not valid JSON (${err.message})`
      res.status(400).json({
        type: "invalid_data",
        message: `Invalid search body: ${reason}`,
      })
      return
    }
    next()
  })
}
