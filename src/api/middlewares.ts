import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewaresConfig,
} from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import { SHOP_LOGO_SVG } from "../lib/shop-logo"

/**
 * Drafts and deleted products are invisible to the Store API, core routes included: Medusa 1.20 answers
 * GET /store/products/:id and GET /store/variants/:id for a draft and lets a cart take its variants.
 * These guards run before every store route (core and plugins) and answer 404 / 400 in Medusa's error shape.
 */

type Query = (
  sql: string,
  params: unknown[]
) => Promise<Array<Record<string, unknown>>>

const manager = (req: MedusaRequest) =>
  req.scope.resolve<EntityManager>("manager") as unknown as { query: Query }

// sub-routes of /store/products that are not product ids
const NOT_A_PRODUCT = new Set(["search"])

/** GET /store/products/:id (id or handle) and everything under it: 404 unless the product is published and not deleted. */
export async function publishedProduct(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const id = req.params.id
    if (!id || NOT_A_PRODUCT.has(id)) {
      return next()
    }
    const rows = await manager(req).query(
      `SELECT bool_or(status = 'published' AND deleted_at IS NULL) AS visible, count(*)::int AS found
       FROM product WHERE id = $1 OR handle = $1`,
      [id]
    )
    if (Number(rows[0].found) > 0 && !rows[0].visible) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Product with id: ${id} was not found`
      )
    }
    next()
  } catch (e) {
    next(e)
  }
}

/** Ids of the given variants whose product is a draft, proposed, rejected or deleted (or the variant itself is deleted). */
async function hiddenVariants(
  req: MedusaRequest,
  ids: string[]
): Promise<string[]> {
  if (!ids.length) {
    return []
  }
  const rows = await manager(req).query(
    `SELECT v.id FROM product_variant v JOIN product p ON p.id = v.product_id
     WHERE v.id = ANY($1) AND (p.status <> 'published' OR p.deleted_at IS NOT NULL OR v.deleted_at IS NOT NULL)`,
    [ids]
  )
  return rows.map((r) => String(r.id))
}

/** GET /store/variants/:id: 404 for a variant of a product the store does not show. */
export async function publishedVariant(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    if ((await hiddenVariants(req, [req.params.id])).length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Variant with id: ${req.params.id} was not found`
      )
    }
    next()
  } catch (e) {
    next(e)
  }
}

/** GET /store/variants?ids=: drops variants of hidden products from the answer. */
export async function publishedVariantList(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    const variants: any[] = Array.isArray(body?.variants) ? body.variants : []
    if (!variants.length || res.statusCode >= 400) {
      return json(body)
    }
    hiddenVariants(
      req,
      variants
        .map((v) => v?.id)
        .filter((id): id is string => typeof id === "string")
    )
      .then((hidden) => {
        body.variants = variants.filter((v) => !hidden.includes(v.id))
        json(body)
      })
      .catch((e) => next(e))
    return res
  }) as typeof res.json
  next()
}

/** POST /store/carts ({ items }) and POST /store/carts/:id/line-items ({ variant_id }): a hidden product's variant is refused. */
export async function publishedCartItems(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const body = (req.body ?? {}) as Record<string, any>
    const items: Array<{ field: string; id: unknown }> = req.params.id
      ? [{ field: "variant_id", id: body.variant_id }]
      : (Array.isArray(body.items) ? body.items : []).map(
          (item: any, i: number) => ({
            field: `items[${i}].variant_id`,
            id: item?.variant_id,
          })
        )
    const ids = items
      .map((i) => i.id)
      .filter((id): id is string => typeof id === "string")
    const hidden = await hiddenVariants(req, ids)
    const refused = items.find((i) => hidden.includes(i.id as string))
    if (refused) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${refused.field}: variant ${refused.id} is not for sale (its product is not published)`
      )
    }
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * GET /logo.svg — the shop's logo, where the admin UI asks for its favicon (index.html) and where
 * the login page's brand widget shows it. Public. A middleware rather than a file route: the
 * file router drops the ".svg" of a folder name.
 */
function shopLogo(
  _req: MedusaRequest,
  res: MedusaResponse,
  _next: MedusaNextFunction
) {
  res.setHeader("Content-Type", "image/svg+xml; charset=utf-8")
  res.setHeader("Cache-Control", "public, max-age=86400")
  res.send(SHOP_LOGO_SVG)
}

export const config: MiddlewaresConfig = {
  routes: [
    { matcher: "/logo.svg", method: "GET", middlewares: [shopLogo] },
    {
      matcher: "/store/products/:id",
      method: "GET",
      middlewares: [publishedProduct],
    },
    {
      matcher: "/store/products/:id/*",
      method: "GET",
      middlewares: [publishedProduct],
    },
    {
      matcher: "/store/variants/:id",
      method: "GET",
      middlewares: [publishedVariant],
    },
    {
      matcher: "/store/variants",
      method: "GET",
      middlewares: [publishedVariantList],
    },
    {
      matcher: "/store/carts",
      method: "POST",
      middlewares: [publishedCartItems],
    },
    {
      matcher: "/store/carts/:id/line-items",
      method: "POST",
      middlewares: [publishedCartItems],
    },
  ],
}
