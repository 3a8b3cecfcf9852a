/**
 * The store's anonymous reads (listing, product page, search) are answered before Medusa's session,
 * passport and routers (plugins/search api/read-path-first.ts); a request with a cookie or an
 * Authorization header takes Medusa's usual way through the same middleware. Both ways give the same
 * answers, and the store's CORS headers on every one of them, errors included.
 */
import { sql } from "../helpers/env"
import { send, type StoreRequest } from "./helpers"

const ORIGIN = "http://localhost:8000"
let productId: string

beforeAll(async () => {
  ;[{ id: productId }] = await sql(
    `SELECT id FROM product WHERE status = 'published' AND deleted_at IS NULL ORDER BY id LIMIT 1`
  )
})

const reads = (): Array<[string, StoreRequest, number]> => [
  [
    "listing",
    { name: "listing", method: "GET", path: "/store/products?limit=3" },
    200,
  ],
  [
    "product page",
    { name: "product", method: "GET", path: `/store/products/${productId}` },
    200,
  ],
  [
    "search",
    {
      name: "search",
      method: "POST",
      path: "/store/products/search",
      body: { q: "plaquettes", limit: 3 },
    },
    200,
  ],
  [
    "listing with a bad limit",
    { name: "bad listing", method: "GET", path: "/store/products?limit=-1" },
    400,
  ],
  [
    "search with a bad body",
    {
      name: "bad search",
      method: "POST",
      path: "/store/products/search",
      body: { q: 42 },
    },
    400,
  ],
]

describe("the store read path first", () => {
  it.each([
    "listing",
    "product page",
    "search",
    "listing with a bad limit",
    "search with a bad body",
  ])(
    "%s: the same answer anonymous and with a cookie, with the store's CORS headers",
    async (name) => {
      const [, req, status] = reads().find(([n]) => n === name)!
      const anonymous = await send(req, false, { origin: ORIGIN })
      // a cookie that holds no session: Medusa's way, as a signed-out shopper's browser sends it
      const withCookie = await send(req, false, {
        origin: ORIGIN,
        cookie: "storefront_theme=dark",
      })
      for (const answer of [anonymous, withCookie]) {
        expect(answer.status).toBe(status)
        expect(answer.headers.get("access-control-allow-origin")).toBe(ORIGIN)
        expect(answer.headers.get("access-control-allow-credentials")).toBe(
          "true"
        )
      }
      expect(anonymous.json).toEqual(withCookie.json)
      if (status === 400) {
        expect(anonymous.json.type).toBe("invalid_data")
      }
    }
  )

  it("an origin the store does not allow gets no CORS header", async () => {
    const [, req] = reads()[2]
    const answer = await send(req, false, {
      origin: "https://elsewhere.example",
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get("access-control-allow-origin")).toBeNull()
  })
})
