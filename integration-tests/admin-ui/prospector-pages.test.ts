/**
 * The prospector screens in Chromium, as the owner, each result checked through the API:
 * Prospects (a lead search started from the admin, filters, a status change with a note, the
 * "Exporter CSV" button), Veille prix (a watched page added with our variant, "Vérifier maintenant",
 * an alert acknowledged), Rapports (built, read inline, CSV), and 10,000 leads loading one page only.
 * Outside services are the prospector's local stand-ins (Places, supplier site).
 */
import { parse } from "csv-parse/sync"
import fs from "fs"
import type { Browser, BrowserContext, Page } from "playwright-core"

import {
  FakePlace,
  PlacesServer,
  startPlacesServer,
} from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import {
  SupplierSite,
  startSupplierSite,
} from "../../plugins/prospector/src/lib/__fixtures__/supplier-site"
import {
  collectConsoleErrors,
  settled,
  launchBrowser,
  loginAsOwner,
  screenshot,
  whenShown,
  gotoAdmin,
} from "../helpers/browser"
import { sql, testEnv } from "../helpers/env"
import { api, placesFixture, usePlaces } from "../prospector/helpers"

const ARABIC_NAME = "ورشة النجاح لميكانيك السيارات"
const ARABIC_ADDRESS = "نهج الحبيب بورقيبة، سوسة"

// inside the Sousse rectangle (35.78..35.87, 10.56..10.66)
const SOUSSE: FakePlace[] = [
  [
    "ui-arabic",
    ARABIC_NAME,
    35.82,
    10.6,
    {
      formattedAddress: ARABIC_ADDRESS,
      internationalPhoneNumber: "+216 73 222 333",
      rating: 4.7,
      userRatingCount: 210,
    },
  ],
  [
    "ui-body",
    "Carrosserie Sahel Élite",
    35.821,
    10.601,
    {
      internationalPhoneNumber: "+216 73 444 555",
      rating: 4.2,
      userRatingCount: 35,
    },
  ],
  ["ui-small", "Mécanique Générale Khezama", 35.83, 10.61, {}],
  [
    "ui-parts",
    "Pièces Auto Sousse Centre",
    35.831,
    10.611,
    { types: ["auto_parts_store", "store"], primaryType: "auto_parts_store" },
  ],
].map(([id, name, lat, lng, extra]) => ({
  id: id as string,
  displayName: { text: name as string },
  location: { latitude: lat as number, longitude: lng as number },
  types: ["car_repair"],
  primaryType: "car_repair",
  businessStatus: "OPERATIONAL",
  googleMapsUri: `https://maps.google.com/?cid=${id}`,
  ...(extra as Partial<FakePlace>),
}))

const BULK = 10_000

let places: PlacesServer
let site: SupplierSite
let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]
let variantId: string

const app = (path: string) => `${testEnv().baseUrl}/app${path}`

/** Waits for the admin's list call whose query string contains every `expected` pair. */
function leadsResponse(expected: Record<string, string>) {
  return page.waitForResponse((r) => {
    const url = new URL(r.url())
    return (
      url.pathname === "/admin/prospector/leads" &&
      Object.entries(expected).every(([k, v]) => url.searchParams.get(k) === v)
    )
  })
}

beforeAll(async () => {
  places = await startPlacesServer({
    apiKey: placesFixture().apiKey,
    places: SOUSSE,
  })
  await usePlaces(places.baseUrl)
  site = await startSupplierSite({ robots: "allow" })
  const product = await api("POST", "/admin/products", {
    title: "Plaquettes avant Sousse (test admin)",
    options: [{ title: "Modèle" }],
    variants: [
      {
        title: "Standard",
        sku: "UI-PW-208",
        prices: [{ currency_code: "tnd", amount: 95000 }],
        options: [{ value: "Standard" }],
      },
    ],
  })
  if (product.status !== 200) {
    throw new Error(
      `cannot create the test product: ${product.status} ${product.text}`
    )
  }
  variantId = product.json.product.variants[0].id
  browser = await launchBrowser()
  context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1440, height: 1000 },
    locale: "fr-FR",
  })
  page = await context.newPage()
  await loginAsOwner(page)
  errors = collectConsoleErrors(page)
})

afterAll(async () => {
  await sql(
    `DELETE FROM prospector_lead WHERE place_id LIKE 'ui-bulk-%'`
  ).catch(() => undefined)
  await context?.close()
  await browser?.close()
  await usePlaces(null)
  await places?.close()
  await site?.close()
})

let step = 0
afterEach(async () => {
  step += 1
  // the screen as the step left it (for a failure's diagnosis)
  await screenshot(page, `prospector-end-of-step-${step}`).catch(
    () => undefined
  )
  // no console error on any screen of the step
  expect(errors).toEqual([])
})

describe("prospector pages in the admin", () => {
  it("starts a lead search for a city from the Recherches tab, with the request budget shown", async () => {
    await gotoAdmin(page, app("/a/prospects?onglet=recherches"))
    const budget = page.getByTestId("places-budget")
    await budget.waitFor()
    const { budgetPerRun, budgetPerMonth } = placesFixture()
    await expect(budget.textContent()).resolves.toMatch(
      new RegExp(`${budgetPerRun} par recherche,\\s+${budgetPerMonth} par mois`)
    )
    await page.selectOption('select[name="search-city"]', "sousse")
    await page.fill('input[name="search-query"]', "garage")
    await page.getByRole("button", { name: "Lancer la recherche" }).click()
    await page.getByText(/^Recherche terminée :/).waitFor({ timeout: 60000 })
    await screenshot(page, "prospector-01-search-run")

    const found = await sql(
      `SELECT place_id FROM prospector_lead WHERE city = 'Sousse' AND place_id LIKE 'ui-%' ORDER BY place_id`
    )
    expect(found.map((r) => r.place_id)).toEqual(SOUSSE.map((p) => p.id).sort())
    const runs = await api("GET", "/admin/prospector/runs?kind=search&limit=1")
    expect(runs.json.runs[0]).toMatchObject({
      trigger: "api",
      status: "completed",
      params: { query: "garage", cities: ["sousse"] },
    })
    await page.getByTestId("runs-table").getByText("sousse").first().waitFor()
  })

  it("filters the leads, opens one and changes its status with a note and an assignee", async () => {
    await gotoAdmin(page, app("/a/prospects"))
    await whenShown(page, page.getByTestId("leads-table"))
    let wait = leadsResponse({ city: "Sousse" })
    await page.selectOption('select[name="city"]', "Sousse")
    await wait
    wait = leadsResponse({ city: "Sousse", kind: "lead" })
    await page.selectOption('select[name="kind"]', "lead")
    await wait
    wait = leadsResponse({ city: "Sousse", kind: "lead", order: "name" })
    await page.selectOption('select[name="order"]', "name")
    await wait
    const expected = await api(
      "GET",
      "/admin/prospector/leads?city=Sousse&kind=lead&order=name"
    )
    expect(expected.json.count).toBeLessThanOrEqual(50)
    expect(expected.json.leads.map((l: any) => l.place_id)).toEqual(
      expect.arrayContaining(["ui-arabic", "ui-body", "ui-small"])
    )
    const shown = page.getByTestId("leads-table").locator("tbody tr")
    const names = expected.json.leads.map((l: any) => l.name)
    await expect(
      settled(() => shown.locator("td:first-child a").allTextContents(), names)
    ).resolves.toEqual(names)

    // free text, Arabic
    wait = leadsResponse({ city: "Sousse", q: "النجاح" })
    await page.fill('input[name="q"]', "النجاح")
    await wait
    await expect(settled(() => shown.count(), 1)).resolves.toBe(1)
    const link = shown.first().locator("td:first-child a")
    await expect(link.locator("span").getAttribute("dir")).resolves.toBe("rtl")
    await screenshot(page, "prospector-02-leads-filtered")

    await link.click()
    await page.getByTestId("score-breakdown").waitFor()
    await expect(page.locator("h1 span[dir=rtl]").textContent()).resolves.toBe(
      ARABIC_NAME
    )
    await expect(
      page.getByTestId("map-link").getAttribute("href")
    ).resolves.toBe("https://maps.google.com/?cid=ui-arabic")
    await expect(
      page.getByTestId("score-breakdown").textContent()
    ).resolves.toMatch(/Distance de la boutique.*km de Tunis/)
    await page.selectOption('select[name="status"]', "contacted")
    await page.fill(
      'input[name="status_note"]',
      "Premier appel, rappeler lundi — اتصل يوم الإثنين"
    )
    await page.fill('input[name="assignee"]', "Sami")
    await page.getByRole("button", { name: "Enregistrer" }).click()
    await page.getByText("Modifications enregistrées.").waitFor()
    await page.getByTestId("status-history").getByText("Contacté").waitFor()
    await screenshot(page, "prospector-03-lead-detail")

    const [{ id }] = await sql(
      `SELECT id FROM prospector_lead WHERE place_id = 'ui-arabic'`
    )
    const lead = await api("GET", `/admin/prospector/leads/${id}`)
    expect(lead.json.lead).toMatchObject({
      status: "contacted",
      assignee: "Sami",
    })
    expect(lead.json.lead.status_history).toEqual([
      expect.objectContaining({
        from_status: "new",
        to_status: "contacted",
        note: "Premier appel, rappeler lundi — اتصل يوم الإثنين",
        changed_by: expect.stringMatching(/^usr_/),
      }),
    ])

    // back to the list: its filters are kept; the status filter finds the lead
    await page.getByRole("button", { name: "← Prospects" }).click()
    await whenShown(page, page.getByTestId("leads-table"))
    wait = leadsResponse({ status: "contacted" })
    await page.fill('input[name="q"]', "")
    await page.selectOption('select[name="status"]', "contacted")
    await wait
    await expect(
      settled(
        () => page.getByTestId("lead-status").allTextContents(),
        ["Contacté"]
      )
    ).resolves.toEqual(["Contacté"])
  })

  it('downloads exactly the filtered list from "Exporter CSV" (BOM, Arabic intact)', async () => {
    await gotoAdmin(page, app("/a/prospects?city=Sousse&status=new&order=name"))
    await whenShown(page, page.getByTestId("leads-table"))
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exporter CSV" }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(
      /^prospects-\d{4}-\d{2}-\d{2}\.csv$/
    )
    const bytes = fs.readFileSync((await download.path()) as string)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows: Array<Record<string, string>> = parse(
      bytes.subarray(3).toString("utf8"),
      { columns: true, delimiter: ";" }
    )
    const expected = await api(
      "GET",
      "/admin/prospector/leads?city=Sousse&status=new&order=name&limit=200"
    )
    expect(expected.json.leads.map((l: any) => l.place_id)).toEqual(
      expect.arrayContaining(["ui-body", "ui-small", "ui-parts"])
    )
    expect(rows.map((r) => r["Nom"])).toEqual(
      expected.json.leads.map((l: any) => l.name)
    )
    // the lead now "contacted" is not in the file; the others are, Arabic text intact
    const text = bytes.toString("utf8")
    expect(text).not.toContain(ARABIC_NAME)
    const all = await page.evaluate(async () => {
      const res = await fetch(
        "/admin/prospector/leads/export?format=csv&delimiter=%3B&city=Sousse",
        { credentials: "include" }
      )
      return res.text()
    })
    expect(all).toContain(ARABIC_NAME)
    expect(all).toContain(ARABIC_ADDRESS)
    await screenshot(page, "prospector-04-export")
  })

  it("adds a watched supplier page for our variant, checks it now and acknowledges its alert", async () => {
    await gotoAdmin(page, app("/a/veille-prix"))
    await page.getByTestId("watched-pages-table").waitFor()
    await page.getByRole("button", { name: "Ajouter une page" }).click()
    const form = page.getByTestId("watched-page-form")
    await form.locator('input[name="url"]').fill(`${site.baseUrl}/p/jsonLd`)
    await form.locator('input[name="supplier"]').fill("Fournisseur Sahel")
    await form
      .getByLabel("Chercher un de nos articles")
      .fill("Plaquettes avant Sousse")
    await form
      .getByRole("option", {
        name: /Plaquettes avant Sousse \(test admin\) — Standard \(UI-PW-208\)/,
      })
      .click()
    await form.getByTestId("picked-variant").waitFor()
    await form.getByRole("button", { name: "Enregistrer" }).click()
    await page.getByText("Page de Fournisseur Sahel enregistrée.").waitFor()

    const created = await api(
      "GET",
      `/admin/prospector/watched-pages?variant_id=${variantId}`
    )
    expect(created.json.count).toBe(1)
    const pageId = created.json.watched_pages[0].id
    expect(created.json.watched_pages[0]).toMatchObject({
      supplier: "Fournisseur Sahel",
      sku: "UI-PW-208",
      active: true,
    })

    const row = page.locator(`tr[data-page-id="${pageId}"]`)
    await row.getByRole("button", { name: "Vérifier maintenant" }).click()
    await page
      .getByText(/^Vérification terminée : 1 page\(s\), 1 prix lu\(s\)/)
      .waitFor({ timeout: 60000 })
    // the row shows the price once the screen has reloaded its list after the check (not at the same instant)
    await row
      .getByTestId("last-price")
      .filter({ hasText: /^89,900\sDT$/ })
      .waitFor({ timeout: 15000 })

    const alerts = await api(
      "GET",
      `/admin/prospector/alerts?watched_page_id=${pageId}`
    )
    expect(alerts.json.alerts.map((a: any) => a.kind)).toEqual([
      "below_our_price",
    ])
    const alertRow = page.locator(
      `tr[data-alert-id="${alerts.json.alerts[0].id}"]`
    )
    await expect(alertRow.textContent()).resolves.toMatch(
      /Moins cher que nous : 89,900\sDT contre 95,000\sDT chez nous/
    )
    await screenshot(page, "prospector-05-veille-prix")
    await alertRow.getByRole("button", { name: "Acquitter" }).click()
    await alertRow.waitFor({ state: "detached" })

    const after = await api(
      "GET",
      `/admin/prospector/alerts?watched_page_id=${pageId}`
    )
    expect(after.json.alerts[0].acknowledged_at).toBeTruthy()
    await expect(
      api(
        "GET",
        `/admin/prospector/alerts?watched_page_id=${pageId}&acknowledged=false`
      ).then((r) => r.json.count)
    ).resolves.toBe(0)

    // disable: no longer checked, kept in the list of disabled pages
    await row.getByRole("button", { name: "Désactiver" }).click()
    await page
      .getByText("Page désactivée : elle ne sera plus vérifiée.")
      .waitFor()
    await expect(
      api("GET", `/admin/prospector/watched-pages/${pageId}`).then(
        (r) => r.json.watched_page.active
      )
    ).resolves.toBe(false)
  })

  it("builds the weekly report, reads it inline and downloads its CSV", async () => {
    await gotoAdmin(page, app("/a/rapports"))
    await whenShown(page, page.getByRole("heading", { name: "Rapports" }))
    await page
      .getByRole("button", {
        name: "Construire le rapport de la semaine dernière",
      })
      .click()
    await page
      .getByText(/^Rapport prêt : Semaine du/)
      .waitFor({ timeout: 60000 })
    const reports = await api("GET", "/admin/prospector/reports?limit=200")
    expect(reports.json.count).toBeGreaterThan(0)
    const frame = page.frameLocator('iframe[data-testid="report-frame"]')
    await frame.locator("h1").first().waitFor()
    // the page opens the report it just built (its row's button reads "Fermer"); other suites may have
    // built reports of other periods since, so the list's first is not necessarily this one
    const openRow = page
      .locator("tr[data-report-id]")
      .filter({ has: page.getByRole("button", { name: "Fermer" }) })
    const openId = await openRow.getAttribute("data-report-id")
    expect(reports.json.reports.map((r: { id: string }) => r.id)).toContain(
      openId
    )
    const html = await api(
      "GET",
      `/admin/prospector/reports/${openId}?format=html`
    )
    const title = await frame.locator("h1").first().textContent()
    expect(title).toMatch(/^Rapport hebdomadaire du /)
    expect(html.text).toContain(`<h1>${title}</h1>`)
    await screenshot(page, "prospector-06-report")

    const id = await page
      .locator("tr[data-report-id]")
      .first()
      .getAttribute("data-report-id")
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .locator(`tr[data-report-id="${id}"]`)
        .getByRole("button", { name: "Télécharger CSV" })
        .click(),
    ])
    const csv = fs.readFileSync((await download.path()) as string, "utf8")
    const fromApi = await api(
      "GET",
      `/admin/prospector/reports/${id}?format=csv`
    )
    expect(csv).toBe(fromApi.text)
  })

  it(`with ${BULK.toLocaleString("en")} leads the list loads one page of 50, and pages on the server`, async () => {
    await sql(
      `INSERT INTO prospector_lead (id, place_id, name, name_folded, city, governorate, first_seen_at, last_seen_at, fetched_at,
         score, score_band, score_breakdown, kind)
       SELECT 'plead_uibulk_' || g, 'ui-bulk-' || g, 'Garage Kairouan ' || g, 'garage kairouan ' || g, 'Kairouan', 'Kairouan', now(), now(), now(),
         g % 101, CASE WHEN g % 101 >= 70 THEN 'high' WHEN g % 101 >= 40 THEN 'medium' ELSE 'low' END, '[]'::jsonb, 'lead'
       FROM generate_series(1, ${BULK}) g`
    )
    // each answer is recorded the moment it arrives; its size is read later (reading the body is
    // asynchronous, and a record pushed only after it could miss the checks below)
    const seen: Array<{
      url: URL
      bytes: number
      ms: number
      body: Promise<Buffer>
    }> = []
    const started = new Map<string, number>()
    page.on("request", (r) => started.set(r.url(), Date.now()))
    const onResponse = (r: any) => {
      const url = new URL(r.url())
      if (url.pathname.startsWith("/admin/prospector/leads")) {
        seen.push({
          url,
          bytes: 0,
          ms: Date.now() - (started.get(r.url()) ?? Date.now()),
          body: r.body(),
        })
      }
    }
    page.on("response", onResponse)
    const t0 = Date.now()
    await gotoAdmin(page, app("/a/prospects"))
    await page.getByTestId("leads-table").locator("tbody tr").nth(49).waitFor()
    const loadMs = Date.now() - t0
    await expect(
      page.getByTestId("leads-table").locator("tbody tr").count()
    ).resolves.toBe(50)
    const [{ total }] = await sql(
      `SELECT count(*)::int AS total FROM prospector_lead`
    )
    expect(total).toBeGreaterThanOrEqual(BULK)
    await expect(page.getByTestId("pager").textContent()).resolves.toContain(
      `1–50 sur ${total.toLocaleString("fr-FR")}`
    )

    await Promise.all([
      page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname === "/admin/prospector/leads" &&
          new URL(r.url()).searchParams.get("offset") === "50"
      ),
      page.getByRole("button", { name: "Suivant" }).click(),
    ])
    await expect(page.getByTestId("pager").textContent()).resolves.toContain(
      "51–100 sur"
    )
    page.off("response", onResponse)
    for (const s of seen) {
      s.bytes = (await s.body).length
    }

    const lists = seen.filter(
      (s) => s.url.pathname === "/admin/prospector/leads"
    )
    expect(lists.length).toBeGreaterThanOrEqual(2)
    expect(lists.every((s) => s.url.searchParams.get("limit") === "50")).toBe(
      true
    )
    // nothing downloads the whole table: no export call, every answer small
    expect(seen.some((s) => s.url.pathname.endsWith("/export"))).toBe(false)
    expect(Math.max(...seen.map((s) => s.bytes))).toBeLessThan(200_000)
    await screenshot(page, "prospector-07-ten-thousand-leads")
    process.stdout.write(
      `[prospector-pages] ${total} leads: first screen in ${loadMs} ms, list calls ${lists.map((s) => `${s.ms} ms / ${s.bytes} B`).join(", ")}\n`
    )
  })
})
