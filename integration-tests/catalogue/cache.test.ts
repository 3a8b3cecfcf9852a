/**
 * The cache in front of the catalogue read model (issue 10): a repeated store read is served from the cache
 * (`x-catalogue: cache`) with the same body; `ETag` + `If-None-Match` give 304; large JSON answers are
 * compressed with gzip or br when the client accepts it (raw HTTP, so the encoding is seen as sent); a change
 * drops exactly the entries it affects: those are fresh on the next read, the others stay cached.
 */
import zlib from "zlib"
import { sql } from "../helpers/env"
import { admin } from "../fitment/helpers"
import { rawGet, send, storeGet, visibleWithin } from "./helpers"

const tag = `ca${Date.now().toString(36)}`
let regionId: string
const products: Array<{ id: string; variantId: string; handle: string }> = []

beforeAll(async () => {
  ;[{ id: regionId }] = await sql(
    `SELECT id FROM region WHERE currency_code = 'tnd' LIMIT 1`
  )
  for (const n of [1, 2]) {
    const res = await admin("POST", "/admin/products", {
      title: `Cache ${n} ${tag}`,
      handle: `cache-${n}-${tag}`,
      status: "published",
      options: [{ title: "Version" }],
      variants: [
        {
          title: "Standard",
          sku: `CACHE-${n}-${tag}`,
          inventory_quantity: 3,
          prices: [{ currency_code: "tnd", amount: 10000 * n }],
          options: [{ value: "Standard" }],
        },
      ],
    })
    expect(res.status).toBe(200)
    products.push({
      id: res.body.product.id,
      variantId: res.body.product.variants[0].id,
      handle: res.body.product.handle,
    })
  }
  for (const p of products) {
    await visibleWithin(
      `product ${p.id}`,
      Date.now(),
      async () => (await storeGet(`/store/products/${p.id}`)).status === 200,
      { deadline: 5000 }
    )
  }
})

describe("repeated reads come from the cache (needs the read model)", () => {
  // REGION and PRODUCT are filled in once the fixtures exist (it.each's table is built before beforeAll runs)
  const reads = [
    "/store/products?limit=12&region_id=REGION",
    "/store/products?limit=12&order=title&offset=24",
    "/store/products/PRODUCT?region_id=REGION",
    "/store/products?handle=HANDLE",
    "/store/vehicles/makes",
    "/store/brands?limit=50",
    "/store/product-categories?limit=100",
  ]

  it.each(reads)(
    "%s: the second answer is x-catalogue: cache with the same body",
    async (template) => {
      const path = template
        .replace("REGION", regionId)
        .replace("PRODUCT", products[0].id)
        .replace("HANDLE", products[1].handle)
      const first = await storeGet(path)
      expect(first.status).toBe(200)
      expect(["model", "cache"]).toContain(first.catalogue)
      const second = await storeGet(path)
      expect(second.status).toBe(200)
      expect(second.catalogue).toBe("cache")
      expect(second.text).toBe(first.text)
    }
  )

  it("the search route too", async () => {
    const req = {
      name: "search",
      method: "POST" as const,
      path: "/store/products/search",
      body: { q: "plaquettes", limit: 20 },
    }
    const first = await send(req)
    const second = await send(req)
    expect(second.status).toBe(200)
    expect(second.catalogue).toBe("cache")
    expect(second.text).toBe(first.text)
  })

  it("keys on the customer context: a cached anonymous answer is not served to another region or currency", async () => {
    const anonymous = await storeGet(`/store/products/${products[0].id}`)
    await storeGet(`/store/products/${products[0].id}`)
    const regional = await storeGet(
      `/store/products/${products[0].id}?region_id=${regionId}`
    )
    expect(regional.text).not.toBe(anonymous.text)
    expect(regional.json.product.variants[0].calculated_price_incl_tax).toBe(
      Math.round(10000 * 1.19)
    )
    expect(anonymous.json.product.variants[0].calculated_price).toBeNull()
  })
})

describe("conditional requests", () => {
  it("an answer has an ETag; If-None-Match with it gives 304 and no body, another ETag gives 200", async () => {
    const path = `/store/products?limit=5&region_id=${regionId}`
    const first = await rawGet(path)
    expect(first.status).toBe(200)
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^(W\/)?".+"$/)
    const again = await rawGet(path, { "if-none-match": etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const other = await rawGet(path, { "if-none-match": '"not-this-one"' })
    expect(other.status).toBe(200)
    expect(JSON.parse(other.body.toString("utf8"))).toEqual(
      JSON.parse(first.body.toString("utf8"))
    )
  })

  it("the product page and the storefront lists have ETags too", async () => {
    for (const path of [
      `/store/products/${products[0].id}`,
      "/store/vehicles/makes",
      "/store/product-categories?limit=100",
    ]) {
      const first = await rawGet(path)
      expect(first.headers.etag).toBeDefined()
      expect(
        (await rawGet(path, { "if-none-match": first.headers.etag as string }))
          .status
      ).toBe(304)
    }
  })
})

describe("compression", () => {
  const path = () => `/store/products?limit=50&region_id=${regionId}`

  it("gzips a large JSON answer when the client accepts gzip", async () => {
    const plain = await rawGet(path())
    expect(plain.headers["content-encoding"]).toBeUndefined()
    const json = JSON.parse(plain.body.toString("utf8"))
    expect(json.products).toHaveLength(50)
    const gz = await rawGet(path(), { "accept-encoding": "gzip" })
    expect(gz.status).toBe(200)
    expect(gz.headers["content-encoding"]).toBe("gzip")
    expect(gz.body.length).toBeLessThan(plain.body.length / 3)
    expect(JSON.parse(zlib.gunzipSync(gz.body).toString("utf8"))).toEqual(json)
    expect(String(gz.headers.vary ?? "")).toMatch(/accept-encoding/i)
  })

  it("uses br when the client prefers it", async () => {
    const br = await rawGet(path(), { "accept-encoding": "br" })
    expect(br.status).toBe(200)
    expect(br.headers["content-encoding"]).toBe("br")
    expect(
      JSON.parse(zlib.brotliDecompressSync(br.body).toString("utf8")).products
    ).toHaveLength(50)
  })
})

describe("a change invalidates exactly the affected entries", () => {
  it("a price change: the changed product's page and listing are fresh at once, the other product's page stays cached", async () => {
    const [changed, other] = products
    const changedPage = `/store/products/${changed.id}?region_id=${regionId}`
    const changedList = `/store/products?handle=${changed.handle}&region_id=${regionId}`
    const otherPage = `/store/products/${other.id}?region_id=${regionId}`
    for (const p of [changedPage, changedList, otherPage]) {
      await storeGet(p)
    }
    const before = {
      page: await storeGet(changedPage),
      list: await storeGet(changedList),
      other: await storeGet(otherPage),
    }
    expect(before.page.json.product.variants[0].calculated_price).toBe(10000)

    const res = await admin(
      "POST",
      `/admin/products/${changed.id}/variants/${changed.variantId}`,
      { prices: [{ currency_code: "tnd", amount: 11110 }] }
    )
    expect(res.status).toBe(200)
    const since = Date.now()
    const delay = await visibleWithin(
      "changed product page",
      since,
      async () => {
        const page = await storeGet(changedPage)
        return page.json?.product?.variants?.[0]?.calculated_price === 11110
      }
    )
    const list = await storeGet(changedList)
    expect(list.json.products[0].variants[0].calculated_price).toBe(11110)
    // the old ETag no longer matches
    const conditional = await rawGet(changedPage, {
      "if-none-match": before.page.etag ?? '"none"',
    })
    expect(conditional.status).toBe(200)
    // the unrelated entry was not dropped: still the cached answer, same ETag, same body
    const after = await storeGet(otherPage)
    expect(after.etag).toBe(before.other.etag)
    expect(after.text).toBe(before.other.text)
    expect([before.other.catalogue, after.catalogue]).toEqual([
      "cache",
      "cache",
    ])
    process.stdout.write(
      `[catalogue] cached page fresh ${delay} ms after the price change\n`
    )
  })

  it("unpublishing drops the product's cached page (404 at once) and leaves the other's", async () => {
    const [changed, other] = products
    await storeGet(`/store/products/${changed.id}`)
    await storeGet(`/store/products/${other.id}`)
    const res = await admin("POST", `/admin/products/${changed.id}`, {
      status: "draft",
    })
    expect(res.status).toBe(200)
    await visibleWithin(
      "unpublished",
      Date.now(),
      async () =>
        (await storeGet(`/store/products/${changed.id}`)).status === 404
    )
    expect((await storeGet(`/store/products/${other.id}`)).catalogue).toBe(
      "cache"
    )
  })
})
