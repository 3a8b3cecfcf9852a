import fs from "fs"
import { chromium, type Browser } from "playwright-core"

/** Debian's Chromium driven by playwright-core (no downloaded browser). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`)
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  })
}

/**
 * Logs the seeded owner into the admin at /app (the login form, as a person would) and waits for the first
 * admin page. The owner's data-sharing choice is recorded first through the API when the analytics feature
 * is on, so its prompt does not cover the pages under test.
 */
export async function loginAsOwner(page: import("playwright-core").Page): Promise<void> {
  const { adminHeaders, testEnv } = await import("./env")
  const env = testEnv()
  const headers = { ...(await adminHeaders()), "content-type": "application/json" }
  const existing = await fetch(`${env.baseUrl}/admin/analytics-configs`, { headers })
  if (existing.status === 404) {
    await fetch(`${env.baseUrl}/admin/analytics-configs`, { method: "POST", headers, body: JSON.stringify({ opt_out: true, anonymize: true }) })
  }
  await page.goto(`${env.baseUrl}/app/login`, { waitUntil: "domcontentloaded" })
  await page.fill('input[name="email"]', env.adminEmail)
  await page.fill('input[name="password"]', env.adminPassword)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/a\//, { timeout: 60000 })
}

/** Collects the console errors and uncaught page errors of a page (to assert there are none). */
export function collectPageErrors(page: import("playwright-core").Page): string[] {
  const errors: string[] = []
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`)
  })
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`))
  return errors
}

/** Saves a full-page screenshot to .tmp/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: import("playwright-core").Page, name: string): Promise<string> {
  const path = require("path") as typeof import("path")
  const dir = path.resolve(__dirname, "..", "..", ".tmp", "screenshots")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
