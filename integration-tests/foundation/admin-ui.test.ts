import { launchBrowser } from "../helpers/browser"
import { sql, testEnv } from "../helpers/env"

describe("the admin UI at /app in a real browser", () => {
  it("logs the owner in with the configured credentials and shows a demo product", async () => {
    const env = testEnv()
    const [product] = await sql<{ id: string; title: string }>(
      "SELECT id, title FROM product WHERE handle LIKE 'plaquettes-%' AND deleted_at IS NULL ORDER BY handle LIMIT 1"
    )
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      await page.goto(`${env.baseUrl}/app/login`, {
        waitUntil: "domcontentloaded",
      })
      await page.fill('input[name="email"]', env.adminEmail)
      await page.fill('input[name="password"]', env.adminPassword)
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/app\/a\//, { timeout: 60000 })
      await page.goto(`${env.baseUrl}/app/a/products/${product.id}`, {
        waitUntil: "domcontentloaded",
      })
      await page.getByText(product.title).first().waitFor({ timeout: 60000 })
      expect(await page.title()).toMatch(/Admin/)
    } finally {
      await browser.close()
    }
  })
})
