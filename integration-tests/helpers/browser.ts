import fs from "fs"
import path from "path"
import { chromium, type Browser, type Page } from "playwright-core"
import { testEnv } from "./env"

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

/** What went wrong on a page: console errors, uncaught exceptions, requests that left 127.0.0.1 (blocked). */
export type PageWatch = { errors: string[]; outside: string[] }

/**
 * Records console errors and page errors, and blocks (and records) every request to another host
 * than the test server's: a page must render without any outside CDN.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { errors: [], outside: [] }
  page.on("console", (m) => {
    // the only error allowed: the login page asks for the session (GET /admin/auth) and gets 401
    const sessionCheck = /\/app\/login/.test(page.url()) && /status of 401/.test(m.text())
    if (m.type() === "error" && !sessionCheck) {
      watch.errors.push(`${page.url()}: ${m.text()}`)
    }
  })
  page.on("pageerror", (e) => watch.errors.push(`${page.url()}: ${e.message}`))
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url())
    if ((url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:") && url.hostname !== "127.0.0.1") {
      watch.outside.push(route.request().url())
      return route.abort()
    }
    return route.continue()
  })
  return watch
}

/** Logs in at /app/login as the seeded owner and waits for the first screen (the dashboard). */
export async function loginAsOwner(page: Page): Promise<void> {
  const env = testEnv()
  await page.goto(`${env.baseUrl}/app/login`, { waitUntil: "domcontentloaded" })
  await page.fill('input[name="email"]', env.adminEmail)
  await page.fill('input[name="password"]', env.adminPassword)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/a\//, { timeout: 60000 })
}

/** Saves a screenshot to .tmp/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(__dirname, "..", "..", ".tmp", "screenshots")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
