import { sql, storeClient, testEnv } from "../helpers/env"
import { adminCall, call } from "../helpers/http"

describe("foundation: the real server over HTTP", () => {
  it("answers /health", async () => {
    const res = await call("GET", "/health")
    expect(res.status).toBe(200)
    expect(res.text).toBe("OK")
  })

  it("offers the Tunisia region in TND with 19 % VAT through medusa-js", async () => {
    const { regions } = await storeClient().regions.list()
    const tunisia = regions.find((r) => r.currency_code === "tnd")
    expect(tunisia).toBeDefined()
    expect(tunisia!.tax_rate).toBe(19)
    expect(tunisia!.countries.map((c) => c.iso_2)).toContain("tn")
    expect(tunisia!.payment_providers.map((p) => p.id)).toContain("manual")
  })

  it("lists at least 300 published products with TND prices in millimes", async () => {
    const { products, count } = await storeClient().products.list({ limit: 50 })
    expect(count).toBeGreaterThanOrEqual(300)
    expect(products).toHaveLength(50)
    for (const product of products) {
      expect(product.variants.length).toBeGreaterThan(0)
      for (const variant of product.variants) {
        expect(variant.sku).toMatch(/\S/)
        const tnd = variant.prices.find((p) => p.currency_code === "tnd")
        expect(tnd).toBeDefined()
        expect(Number.isInteger(tnd!.amount)).toBe(true)
        expect(tnd!.amount).toBeGreaterThan(1000) // at least 1 dinar
      }
    }
  })

  it("serves the French category tree with Arabic names", async () => {
    const { product_categories, count } =
      await storeClient().productCategories.list({ limit: 100 })
    expect(count).toBeGreaterThanOrEqual(30)
    const freinage = product_categories.find((c) => /freinage/i.test(c.name))
    expect(freinage).toBeDefined()
    expect(freinage!.metadata?.name_ar).toMatch(/[\u0600-\u06FF]/)
  })

  it("filters products by category and text with the core filters", async () => {
    const { product_categories } = await storeClient().productCategories.list({
      q: "plaquettes",
      limit: 5,
    })
    expect(product_categories.length).toBeGreaterThan(0)
    const categoryId = product_categories[0].id
    const { products, count } = await storeClient().products.list({
      category_id: [categoryId],
      limit: 100,
    })
    expect(count).toBeGreaterThan(0)
    const rows = await sql<{ n: number }>(
      `SELECT count(DISTINCT p.id)::int AS n FROM product p
         JOIN product_category_product pcp ON pcp.product_id = p.id
        WHERE pcp.product_category_id = $1 AND p.status = 'published' AND p.deleted_at IS NULL`,
      [categoryId]
    )
    expect(count).toBe(rows[0].n)
    expect(products.length).toBe(Math.min(100, count))
  })

  it("exposes the shop identity on /store/shop", async () => {
    const res = await call("GET", "/store/shop")
    expect(res.status).toBe(200)
    expect(res.body.shop).toMatchObject({
      name: "Shabou Auto Pièces",
      currency_code: "tnd",
    })
  })

  it("logs the admin in with the configured credentials, and refuses a wrong password", async () => {
    const env = testEnv()
    const ok = await call("POST", "/admin/auth/token", {
      email: env.adminEmail,
      password: env.adminPassword,
    })
    expect(ok.status).toBe(200)
    expect(ok.body.access_token).toEqual(expect.any(String))
    const bad = await call("POST", "/admin/auth/token", {
      email: env.adminEmail,
      password: "wrong",
    })
    expect(bad.status).toBe(401)
    const me = await adminCall("GET", "/admin/auth")
    expect(me.body.user.email).toBe(env.adminEmail)
  })

  it.each(["fitment", "price-history", "prospector", "orion"])(
    "loads the %s plugin: its admin health route requires auth",
    async (plugin) => {
      const anonymous = await call("GET", `/admin/${plugin}/health`)
      expect(anonymous.status).toBe(401)
      const authed = await adminCall("GET", `/admin/${plugin}/health`)
      expect(authed.status).toBe(200)
      expect(authed.body).toEqual({ plugin, status: "ok" })
    }
  )

  it("seeded the shipping options of a Tunisian shop", async () => {
    const { regions } = await storeClient().regions.list()
    const tunisia = regions.find((r) => r.currency_code === "tnd")!
    const rows = await sql<{ name: string; amount: number }>(
      "SELECT name, amount FROM shipping_option WHERE region_id = $1 AND deleted_at IS NULL ORDER BY name",
      [tunisia.id]
    )
    const names = rows.map((r) => r.name).join(" | ")
    expect(names).toMatch(/Grand Tunis/)
    expect(names).toMatch(/autres gouvernorats/)
    expect(names).toMatch(/Retrait au magasin/)
  })
})
