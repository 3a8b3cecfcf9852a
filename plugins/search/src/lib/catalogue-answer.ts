import type { RenderParams } from "./catalogue-request"

/** Who is asking, as far as a product's JSON depends on it. */
export type Caller = {
  customerId?: string
  /** headers forwarded to core when a body is rendered for this caller */
  forward: Record<string, string>
  /** the publishable key's sales channels, when the request carries a key with some */
  keyChannelIds?: string[]
}

/** A read model's answer to a store read. */
export type Answer = {
  status: number
  productIds: string[]
  expiresAt?: number
} & (
  | {
      /** the JSON, as text or UTF-8 bytes */
      body: string | Buffer
    }
  | {
      /** the gzip form of an answer joined from the bodies' fragments (lib/gzip-parts.ts), and its JSON's length */
      gzip: Buffer
      size: number
    }
)

/** A rendering context resolved against the database (cart → region, customer → groups). */
export type RenderContext = { key: string; params: RenderParams }

/** What the read model counts (GET /admin/catalogue/status `stats`). */
export type CatalogueStats = {
  model: number
  rendered: number
  core: number
  renderErrors: number
}

/**
 * The caller as core's product page sees it once the publishable key is checked: core's listing adds
 * `sales_channels` to every product of a keyed request, its product page does not, so a page is
 * rendered without the key (limited to the product's channels instead).
 */
export function withoutKey(caller: Caller): Caller {
  const forward = { ...caller.forward }
  delete forward["x-publishable-api-key"]
  return { customerId: caller.customerId, forward }
}

/** The earliest of the bodies' expiry times (epoch ms), if any has one. */
export function earliest(times: (string | null)[]): number | undefined {
  const ms = times
    .filter((t): t is string => t !== null)
    .map((t) => new Date(t).getTime())
  return ms.length ? Math.min(...ms) : undefined
}

/** Core's 404 for a product it does not show (a draft, a deleted product, none). */
export function notFound(id: string): Answer {
  return {
    status: 404,
    body: JSON.stringify({
      type: "not_found",
      message: `Product with id: ${id} was not found`,
    }),
    productIds: [],
  }
}
