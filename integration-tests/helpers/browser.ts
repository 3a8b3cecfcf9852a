import fs from "fs"
import path from "path"
import { chromium, type Browser, type Page } from "playwright-core"
import { adminHeaders, testEnv } from "./env"

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
 * Logs the owner (the seeded admin user) into the admin at /app, in the given page. The data-sharing
 * prompt is answered beforehand through the API (opt out), so it never covers the screen under test.
 */
export async function loginAsOwner(page: Page): Promise<void> {
  const env = testEnv()
  const headers = { ...(await adminHeaders()), "content-type": "application/json" }
  // answered already, or the prompt is switched off (feature flag): either way nothing to do
  await fetch(`${env.baseUrl}/admin/analytics-configs`, { method: "POST", headers, body: JSON.stringify({ opt_out: true, anonymize: false }) })
  await page.goto(`${env.baseUrl}/app/login`, { waitUntil: "domcontentloaded" })
  await page.fill('input[name="email"]', env.adminEmail)
  await page.fill('input[name="password"]', env.adminPassword)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/a\//, { timeout: 60000 })
}

/**
 * Collects the console errors and uncaught exceptions of a page (assert the list is empty). Requests to
 * other origins than the test server are answered 204 and listed: the admin must render without them.
 */
export async function watchConsole(page: Page): Promise<{ errors: string[]; outside: string[] }> {
  const env = testEnv()
  const seen = { errors: [] as string[], outside: [] as string[] }
  page.on("console", (m) => {
    if (m.type() === "error") {
      seen.errors.push(`${m.text()} (${m.location().url})`)
    }
  })
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e.message}`))
  await page.route(
    (url) => url.origin !== new URL(env.baseUrl).origin && url.protocol.startsWith("http"),
    (route) => {
      seen.outside.push(route.request().url())
      return route.fulfill({ status: 204, body: "" })
    }
  )
  return seen
}

/** Saves a full-page screenshot as .tmp/screenshots/<area>-<step>.png (git-ignored). */
export async function screenshot(page: Page, area: string, step: string): Promise<string> {
  const dir = path.join(__dirname, "..", "..", ".tmp", "screenshots")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${area}-${step}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
