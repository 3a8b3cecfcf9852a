/**
 * The admin UI works under the Content-Security-Policy: Chromium loads /app/login, the owner logs in and opens
 * the products list, and the browser reports no CSP violation (console or securitypolicyviolation event).
 */
import { launchBrowser } from "../helpers/browser"
import { testEnv } from "../helpers/env"

jest.setTimeout(300000)

describe("the admin UI under the content security policy", () => {
  it("logs in and shows the products with no CSP violation", async () => {
    const env = testEnv()
    const browser = await launchBrowser()
    const violations: string[] = []
    try {
      const context = await browser.newContext()
      // the page reports violations to us through this binding (installed before any script of the page)
      await context.exposeBinding("__cspViolation", (_source, v: string) =>
        violations.push(v)
      )
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          (window as any).__cspViolation(
            `${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`
          )
        )
      })
      const page = await context.newPage()
      page.on("console", (m) => {
        if (
          /Content.Security.Policy|Refused to (load|execute|apply|connect|frame)/i.test(
            m.text()
          )
        ) {
          violations.push(`console: ${m.text()}`)
        }
      })
      const login = await page.goto(`${env.baseUrl}/app/login`, {
        waitUntil: "domcontentloaded",
      })
      expect(login!.headers()["content-security-policy"]).toContain(
        "script-src 'self'"
      )
      await page.fill('input[name="email"]', env.adminEmail)
      await page.fill('input[name="password"]', env.adminPassword)
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/app\/a\//, { timeout: 60000 })
      await page.goto(`${env.baseUrl}/app/a/products`, {
        waitUntil: "networkidle",
      })
      await page.locator("table tbody tr").first().waitFor({ timeout: 60000 })
      expect(violations).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
