import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewaresConfig,
} from "@medusajs/medusa"
import { requireCustomerAuthentication } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { asValue } from "awilix"
import { Raw } from "typeorm"
import { fileUpload, list } from "@shabou/api-params"
import CartFitmentService from "../services/cart-fitment"
import { brandOf } from "../lib/fitment-shape"
import { productCondition } from "../lib/product-condition"
import FitmentProductService from "../services/fitment-product"

const FILTER_KEYS = ["vehicle_id", "brand_id"] as const

/**
 * GET /store/products?vehicle_id=…&brand_id=… (single, comma list, or medusa-js' `vehicle_id[0]=…`).
 *
 * The core validator refuses unknown keys, so they are taken out of the query here. The filter then becomes one
 * SQL condition on `product.id` (a sub-select on the fitment indexes), added by a per-request wrapper of
 * productService: the core query keeps its own count, ordering, pagination, `q`, category and collection
 * filters, and no id list is ever sent (the car-parts demo put every fitting id into `id`).
 */
export async function vehicleBrandFilter(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const query = req.query as Record<string, unknown>
    if (!FILTER_KEYS.some((k) => k in query)) {
      return next()
    }
    for (const k of FILTER_KEYS) {
      // `vehicle_id=` is a mistake, not "no filter"
      if (
        k in query &&
        (query[k] === "" ||
          (Array.isArray(query[k]) && !(query[k] as unknown[]).length))
      ) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `${k}: is empty`)
      }
    }
    const vehicleIds = list(query.vehicle_id, "vehicle_id")
    const brandIds = list(query.brand_id, "brand_id")
    for (const k of FILTER_KEYS) {
      delete query[k]
    }
    req.url = withoutParams(req.url, FILTER_KEYS)
    if (!vehicleIds && !brandIds) {
      return next()
    }
    if (vehicleIds) {
      const manager = req.scope.resolve("manager") as {
        query: (
          sql: string,
          params: unknown[]
        ) => Promise<Array<{ id: string }>>
      }
      const found = new Set(
        (
          await manager.query(`SELECT id FROM vehicle WHERE id = ANY($1)`, [
            vehicleIds,
          ])
        ).map((r) => r.id)
      )
      const missing = vehicleIds.filter((id) => !found.has(id))
      if (missing.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `vehicle_id: no vehicle with id ${missing.join(", ")}`
        )
      }
    }
    const productService = req.scope.resolve("productService") as {
      listAndCount: (
        selector: Record<string, unknown>,
        config?: unknown
      ) => Promise<unknown>
    }
    const wrapper = Object.create(productService)
    wrapper.listAndCount = (
      selector: Record<string, unknown>,
      config?: unknown
    ) => {
      const condition = productCondition("__ALIAS__", {
        vehicleIds,
        brandIds,
      })
      const params: Record<string, unknown> = { ...condition.params }
      let sql = condition.sql
      const ids =
        selector.id === undefined
          ? undefined
          : Array.isArray(selector.id)
            ? selector.id
            : [selector.id]
      if (ids) {
        params.fitmentRequestedIds = ids
        sql = `__ALIAS__ = ANY(:fitmentRequestedIds) AND ${sql}`
      }
      const id = Raw((alias) => sql.split("__ALIAS__").join(alias), params)
      return productService.listAndCount({ ...selector, id }, config)
    }
    req.scope.register({ productService: asValue(wrapper) })
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * The core API re-parses the query string from `req.url` before its routes (loaders/api.js, a workaround for
 * expressjs/express#3454), so the keys must go from the URL itself, in every spelling (`x`, `x[]`, `x[0]`).
 */
export function withoutParams(url: string, keys: readonly string[]): string {
  const at = url.indexOf("?")
  if (at < 0) {
    return url
  }
  const kept = url
    .slice(at + 1)
    .split("&")
    .filter((pair) => {
      if (!pair) return false
      let name = pair.split("=")[0]
      try {
        name = decodeURIComponent(name.replace(/\+/g, " "))
      } catch {
        // keep undecodable names as written
      }
      const base = name.split("[")[0]
      return !keys.includes(base)
    })
  return kept.length
    ? `${url.slice(0, at)}?${kept.join("&")}`
    : url.slice(0, at)
}

/** Adds `brand` ({ id, name, handle, logo_url, country } or null) to each product of store product responses, in one query. */
export async function attachBrands(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    const products: any[] = Array.isArray(body?.products)
      ? body.products
      : body?.product
        ? [body.product]
        : []
    const ids = products
      .map((p) => p?.id)
      .filter((id): id is string => typeof id === "string")
    if (!ids.length || res.statusCode >= 400) {
      return json(body)
    }
    req.scope
      .resolve<FitmentProductService>("fitmentProductService")
      .brandsOfProducts(ids)
      .then((brands) => {
        for (const p of products) {
          const row = brands.get(p.id)
          p.brand = brandOf(row)
          p.is_universal = Boolean(row?.is_universal)
        }
        json(body)
      })
      .catch((e) => next(e))
    return res
  }) as typeof res.json
  next()
}

/**
 * Cart responses (`{ cart }`) of the core store routes get each line's verdict for the cart's vehicle under
 * `item.fitment` ({ verdict, reason, vehicle_id, checked_at }, null without a vehicle). With `refresh`, the lines
 * are checked again first (a line was added, changed or removed).
 */
export function cartLineFitment({ refresh }: { refresh: boolean }) {
  return (
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    const json = res.json.bind(res)
    res.json = ((body: any) => {
      const cart = body?.cart
      if (!cart?.id || !Array.isArray(cart.items) || res.statusCode >= 400) {
        return json(body)
      }
      const service = req.scope.resolve(
        "cartFitmentService"
      ) as CartFitmentService
      ;(refresh ? service.refresh(cart.id) : service.linesOf(cart.id))
        .then((lines) => {
          for (const item of cart.items) {
            item.fitment = lines.get(item.id) ?? null
          }
          json(body)
        })
        .catch((e) => next(e))
      return res
    }) as typeof res.json
    next()
  }
}

/** Checks the lines once more just before checkout, so that the order keeps the verdicts of that moment. */
export async function refreshBeforeCheckout(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    await (
      req.scope.resolve("cartFitmentService") as CartFitmentService
    ).refresh(req.params.id)
    next()
  } catch (e) {
    next(e)
  }
}

/** Multipart upload of an import's CSV, field "file", at most 64 MB (400/413 answers: @shabou/api-params fileUpload). */
const uploadFile = fileUpload({ maxBytes: 64 * 1024 * 1024 })

export const config: MiddlewaresConfig = {
  routes: [
    {
      matcher: "/store/products",
      method: "GET",
      middlewares: [vehicleBrandFilter, attachBrands],
    },
    {
      matcher: "/store/products/:id",
      method: "GET",
      middlewares: [attachBrands],
    },
    {
      matcher: "/admin/fitment/imports",
      method: "POST",
      bodyParser: false,
      middlewares: [uploadFile],
    },
    {
      matcher: "/store/customers/me/garage",
      method: ["GET", "POST"],
      middlewares: [requireCustomerAuthentication()],
    },
    {
      matcher: "/store/customers/me/garage/:id",
      method: ["GET", "POST", "DELETE"],
      middlewares: [requireCustomerAuthentication()],
    },
    {
      matcher: "/store/carts/:id",
      method: "GET",
      middlewares: [cartLineFitment({ refresh: false })],
    },
    {
      matcher: "/store/carts/:id",
      method: "POST",
      middlewares: [cartLineFitment({ refresh: false })],
    },
    {
      matcher: "/store/carts/:id/line-items",
      method: "POST",
      middlewares: [cartLineFitment({ refresh: true })],
    },
    {
      matcher: "/store/carts/:id/line-items/:line_id",
      method: "POST",
      middlewares: [cartLineFitment({ refresh: true })],
    },
    {
      matcher: "/store/carts/:id/line-items/:line_id",
      method: "DELETE",
      middlewares: [cartLineFitment({ refresh: true })],
    },
    {
      matcher: "/store/carts/:id/complete",
      method: "POST",
      middlewares: [refreshBeforeCheckout],
    },
  ],
}
