import fs from "fs"
import path from "path"
import { isDeepStrictEqual } from "util"
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from "playwright-core"
import { adminHeaders, testEnv } from "./env"
import { sleep } from "./poll"

/** Debian's Chromium driven by playwright-core (no downloaded browser). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`
    )
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  })
}

/**
 * Logs the seeded owner into the admin (`/app/login`), answering the data-sharing prompt beforehand
 * through the API (POST /admin/analytics-configs, opt out) when the analytics feature is on.
 */
export async function loginAsOwner(page: Page): Promise<void> {
  const env = testEnv()
  // answered already, or the prompt is switched off (feature flag): either way nothing to do
  await fetch(`${env.baseUrl}/admin/analytics-configs`, {
    method: "POST",
    headers: { ...(await adminHeaders()), "content-type": "application/json" },
    body: JSON.stringify({ opt_out: true, anonymize: true }),
  })
  await page.goto(`${env.baseUrl}/app/login`, { waitUntil: "domcontentloaded" })
  await page.fill('input[name="email"]', env.adminEmail)
  await page.fill('input[name="password"]', env.adminPassword)
  await page.click('button[type="submit"]')
  await page.waitForURL(
    (url) =>
      url.pathname.startsWith("/app/") &&
      !url.pathname.startsWith("/app/login"),
    { timeout: 60000 }
  )
}

/** Console errors and uncaught page errors, collected from now on (assert the list is empty). */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on("console", (m) => {
    // the only error allowed: the login page asks for the session (GET /admin/auth) and gets 401
    const sessionCheck =
      /\/app\/login/.test(page.url()) && /status of 401/.test(m.text())
    if (m.type() === "error" && !sessionCheck) {
      errors.push(`${m.text()} (${m.location().url})`)
    }
  })
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`))
  return errors
}

/**
 * Console errors (see collectConsoleErrors), and requests to other origins than the test server,
 * answered 204 and listed: the admin must render without them.
 */
export type PageWatch = { errors: string[]; outside: string[] }

export async function watchConsole(page: Page): Promise<PageWatch> {
  const env = testEnv()
  const seen = { errors: collectConsoleErrors(page), outside: [] as string[] }
  await page.route(
    (url) =>
      url.origin !== new URL(env.baseUrl).origin &&
      url.protocol.startsWith("http"),
    (route) => {
      seen.outside.push(route.request().url())
      return route.fulfill({ status: 204, body: "" })
    }
  )
  return seen
}

/** Saves a full-page screenshot as .tmp/screenshots/<area>-<step>.png (or <area>.png; git-ignored). */
export async function screenshot(
  page: Page,
  area: string,
  step?: string
): Promise<string> {
  const dir = path.join(__dirname, "..", "..", ".tmp", "screenshots")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${step ? `${area}-${step}` : area}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** The same watch, by the name the dashboard, Réassort and dinars tests use. */
export const watchPage = watchConsole

/**
 * Waits for what a screen shows once loaded. Opened by URL, the admin (Medusa admin-ui 2.1) now and
 * then stays on its loading spinner (seen in 2 of ~30 direct loads here, cause not found yet): then the
 * page is reloaded once before failing.
 */
export async function whenShown(
  page: Page,
  locator: Locator,
  timeout = 30000
): Promise<void> {
  try {
    await locator.waitFor({ timeout: timeout / 2 })
  } catch {
    await page.reload({ waitUntil: "domcontentloaded" })
    await locator.waitFor({ timeout })
  }
}

/** The address of an admin screen on the test server: adminUrl("/a/prospects") */
export const adminUrl = (path: string) => `${testEnv().baseUrl}/app${path}`

/**
 * Opens an admin screen by URL and waits for the admin's shell (its sidebar links); when the admin
 * stays on its loading spinner (see whenShown), reloads once.
 */
export async function gotoAdmin(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "domcontentloaded" })
  const shell = () =>
    page.waitForFunction(
      () => document.querySelectorAll("a[href*='/a/']").length > 0,
      undefined,
      { timeout: 20000 }
    )
  try {
    await shell()
  } catch {
    await page.reload({ waitUntil: "domcontentloaded" })
    await page.waitForFunction(
      () => document.querySelectorAll("a[href*='/a/']").length > 0,
      undefined,
      { timeout: 40000 }
    )
  }
}

/**
 * Reads what a screen shows until it equals `expected` (or `within` ms have passed) and returns the last
 * reading, for the test's own assertion to compare. A list that keeps its rows on screen while the next
 * ones load (react-query's `keepPreviousData`) changes a moment after its response arrives: a reading
 * taken right after the response can still be the previous list's.
 */
export async function settled<T>(
  read: () => Promise<T>,
  expected: T,
  within = 10000
): Promise<T> {
  let last = await read()
  const deadline = Date.now() + within
  while (!isDeepStrictEqual(last, expected) && Date.now() < deadline) {
    await sleep(50)
    last = await read()
  }
  return last
}

/** Chromium with one page of the admin, the owner logged in, its console and outside requests watched. */
export type OwnerPage = { browser: Browser; page: Page; watch: PageWatch }

export async function openOwnerPage(
  options: BrowserContextOptions = {}
): Promise<OwnerPage> {
  const browser = await launchBrowser()
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    ...options,
  })
  const page = await context.newPage()
  const watch = await watchPage(page)
  await loginAsOwner(page)
  return { browser, page, watch }
}

/**
 * The owner's admin page for the suite (or describe block) it is called in: opened before its tests, checked
 * after each test for console errors and outside requests (expectNothingSeen), closed after them all. Its
 * fields are set once the tests run (read `owner.page` inside them).
 */
export function ownerPageForSuite(
  options: BrowserContextOptions = {}
): OwnerPage {
  const owner = {} as OwnerPage
  beforeAll(async () => {
    Object.assign(owner, await openOwnerPage(options))
  })
  afterEach(() => expectNothingSeen(owner.watch))
  afterAll(async () => {
    await owner.browser?.close()
  })
  return owner
}

/** Fails with what the watch saw since the last call (console errors, requests to other origins). */
export function expectNothingSeen(watch: PageWatch): void {
  const found = {
    outside: watch.outside.splice(0),
    errors: watch.errors.splice(0),
  }
  expect(found).toEqual({ outside: [], errors: [] })
}

/** One answer recorded by recordResponses: its URL, ms since its request, and its body (read later). */
export type RecordedResponse = { url: URL; ms: number; body: Promise<Buffer> }

/**
 * Records the answers whose URL `keep` accepts, each the moment it arrives (reading a body is
 * asynchronous: a record pushed only once it is read could miss the checks that follow). `read()`
 * waits for the bodies of what was recorded so far and gives each with its size in bytes; `clear()`
 * forgets it; `stop()` ends the recording.
 */
export function recordResponses(page: Page, keep: (url: URL) => boolean) {
  const seen: RecordedResponse[] = []
  const started = new Map<string, number>()
  const onRequest = (r: { url(): string }) => started.set(r.url(), Date.now())
  const onResponse = (r: { url(): string; body(): Promise<Buffer> }) => {
    const url = new URL(r.url())
    if (keep(url)) {
      seen.push({
        url,
        ms: Date.now() - (started.get(r.url()) ?? Date.now()),
        body: r.body().catch(() => Buffer.alloc(0)),
      })
    }
  }
  page.on("request", onRequest)
  page.on("response", onResponse)
  return {
    seen,
    stop() {
      page.off("request", onRequest)
      page.off("response", onResponse)
    },
    read: () =>
      Promise.all(
        seen.map(async (s) => ({
          url: s.url,
          ms: s.ms,
          bytes: (await s.body).length,
        }))
      ),
    clear() {
      seen.length = 0
    },
  }
}

/**
 * Waits for what a screen shows; when it does not come, saves a screenshot as `<name>.png` and fails
 * with the page's URL and the start of its text.
 */
export async function waitOrDescribe(
  page: Page,
  locator: Locator,
  name: string
): Promise<void> {
  await locator.waitFor().catch(async (e) => {
    await screenshot(page, name)
    throw new Error(
      `${e.message}\nURL ${page.url()}\nPAGE ${(await page.locator("body").innerText()).slice(0, 3000)}`
    )
  })
}

/** Clicks what starts a download and waits for the file: its suggested name and its bytes. */
export async function downloadFrom(
  page: Page,
  trigger: Locator
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    trigger.click(),
  ])
  return {
    name: download.suggestedFilename(),
    bytes: fs.readFileSync((await download.path()) as string),
  }
}
