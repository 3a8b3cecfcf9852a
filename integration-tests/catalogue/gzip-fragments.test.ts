/**
 * Gzip answers joined from the products' kept fragments (plugins/search/src/lib/gzip-parts.ts): each
 * rendered body is stored with its raw deflate form, its CRC-32 and its length, and a listing or a
 * product page is the products' fragments joined into one gzip stream; its plain JSON is made only
 * for a client that does not take gzip. Checked as a client sees it (plain node:http, the bytes as
 * sent): the stream decompresses to the answer sent plain, with the products asked. Our joined
 * streams say "unknown OS" in their header (byte 9 = 255; zlib's own say Unix, 3). Bodies rendered
 * before fragments were kept (set to NULL here, as an older version left them) are compressed on
 * the spot, and get their fragments from the next server that starts (its one-time backfill).
 * The JSON itself is compared with core's, field for field, by differential.test.ts.
 */
import zlib from "zlib"
import { sql } from "../helpers/env"
import { startInstance } from "../helpers/instances"
import { until } from "../helpers/poll"
import { admin } from "../fitment/helpers"
import { rawGet, storeGet, visibleWithin } from "./helpers"

const tag = `gz${Date.now().toString(36)}`
const ids: string[] = []
let regionId: string

const JOINED = 0xff

/** The gzip answer and the plain one of a store read, checked to be the same JSON. */
async function gzipped(path: string): Promise<Buffer> {
  const gz = await rawGet(path, { "accept-encoding": "gzip" })
  expect(gz.status).toBe(200)
  expect(gz.headers["content-encoding"]).toBe("gzip")
  const plain = await rawGet(path)
  expect(plain.headers["content-encoding"]).toBeUndefined()
  expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true)
  return gz.body
}

const listing = (limit: number, offset: number) =>
  `/store/products?collection_id[]=${collectionId}&limit=${limit}&offset=${offset}&region_id=${regionId}`
let collectionId: string

beforeAll(async () => {
  ;[{ id: regionId }] = await sql(
    `SELECT id FROM region WHERE currency_code = 'tnd' LIMIT 1`
  )
  const collection = await admin("POST", "/admin/collections", {
    title: `Fragments ${tag}`,
    handle: `fragments-${tag}`,
  })
  expect(collection.status).toBe(200)
  collectionId = collection.body.collection.id
  for (const n of [1, 2, 3, 4]) {
    const res = await admin("POST", "/admin/products", {
      title: `Filtre à huile ${n} – فلتر زيت ${tag}`,
      handle: `fragments-${n}-${tag}`,
      status: "published",
      collection_id: collectionId,
      options: [{ title: "Version" }],
      variants: [
        {
          title: "Standard",
          sku: `GZ-${n}-${tag}`,
          inventory_quantity: 5,
          prices: [{ currency_code: "tnd", amount: 12500 * n }],
          options: [{ value: "Standard" }],
        },
      ],
    })
    expect(res.status).toBe(200)
    ids.push(res.body.product.id)
  }
  await visibleWithin(
    "the collection's four products",
    Date.now(),
    async () =>
      (await storeGet(listing(10, 0))).json?.count === 4 &&
      (await storeGet(`/store/products/${ids[3]}`)).status === 200,
    { deadline: 10000 }
  )
  // every body rendered in the region's context (a miss renders what it lacks)
  await storeGet(listing(4, 0))
})

describe("gzip answers joined from fragments", () => {
  it("a listing page and a product page are joined from the bodies' fragments", async () => {
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM catalogue_body WHERE product_id = ANY($1) AND body_deflated IS NOT NULL`,
      [ids]
    )
    expect(n).toBeGreaterThanOrEqual(4)
    const page = await gzipped(listing(3, 1))
    expect(page[9]).toBe(JOINED)
    const json = JSON.parse(zlib.gunzipSync(page).toString("utf8"))
    expect(json.products).toHaveLength(3)
    expect(json.count).toBe(4)
    expect(json.products[0].title).toContain("فلتر زيت")
    const product = await gzipped(
      `/store/products/${ids[0]}?region_id=${regionId}`
    )
    expect(product[9]).toBe(JOINED)
  })

  it("bodies without fragments are compressed on the spot, and get them from the next server that starts", async () => {
    await sql(
      `UPDATE catalogue_body SET body_deflated = NULL WHERE product_id = ANY($1)`,
      [ids]
    )
    const spot = await gzipped(listing(2, 0))
    expect(spot[9]).toBe(JOINED)
    expect(JSON.parse(zlib.gunzipSync(spot).toString()).products).toHaveLength(
      2
    )

    const next = await startInstance("fragments")
    try {
      await until(
        "the fragments of the four bodies",
        async () => {
          const [{ n }] = await sql(
            `SELECT count(*)::int AS n FROM catalogue_body
              WHERE product_id = ANY($1) AND body <> '' AND body_deflated IS NULL`,
            [ids]
          )
          return n === 0
        },
        { within: 60000 }
      )
    } finally {
      await next.stop()
    }
    const joined = await gzipped(listing(2, 2))
    expect(joined[9]).toBe(JOINED)
  }, 600000)
})
