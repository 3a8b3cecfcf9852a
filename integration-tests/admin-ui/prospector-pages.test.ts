/**
 * The prospector screens in Chromium, as the owner, each result checked through the API:
 * Prospects (a lead search started from the admin, filters, a status change with a note, the
 * "Exporter CSV" button), Veille prix (a watched page added with our variant, "Vérifier maintenant",
 * an alert acknowledged), Rapports (built, read inline, CSV). 10,000 leads loading one page only:
 * prospector-many-leads.test.ts.
 * Outside services are the prospector's local stand-ins (Places, supplier site).
 */
import { parse } from "csv-parse/sync"
import type { Browser, BrowserContext, Page } from "playwright-core"

import { PlacesServer } from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import {
  SupplierSite,
  startSupplierSite,
} from "../../plugins/prospector/src/lib/__fixtures__/supplier-site"
import {
  adminUrl,
  collectConsoleErrors,
  downloadFrom,
  gotoAdmin,
  launchBrowser,
  loginAsOwner,
  screenshot,
  settled,
  whenShown,
} from "../helpers/browser"
import { sql } from "../helpers/env"
import {
  api,
  createPricedVariant,
  placesFixture,
  startPlacesStandIn,
  stopPlacesStandIn,
} from "../prospector/helpers"
import {
  ARABIC_ADDRESS,
  ARABIC_NAME,
  leadsResponse,
  SOUSSE,
} from "./prospector-screens"

let places: PlacesServer
let site: SupplierSite
let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]
let variantId: string

beforeAll(async () => {
  places = await startPlacesStandIn(SOUSSE)
  site = await startSupplierSite({ robots: "allow" })
  ;({ variantId } = await createPricedVariant({
    title: "Plaquettes avant Sousse (test admin)",
    variant: "Standard",
    sku: "UI-PW-208",
    amount: 95000,
  }))
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
  await context?.close()
  await browser?.close()
  await stopPlacesStandIn(places)
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
    await gotoAdmin(page, adminUrl("/a/prospects?onglet=recherches"))
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
    await gotoAdmin(page, adminUrl("/a/prospects"))
    await whenShown(page, page.getByTestId("leads-table"))
    let wait = leadsResponse(page, { city: "Sousse" })
    await page.selectOption('select[name="city"]', "Sousse")
    await wait
    wait = leadsResponse(page, { city: "Sousse", kind: "lead" })
    await page.selectOption('select[name="kind"]', "lead")
    await wait
    wait = leadsResponse(page, { city: "Sousse", kind: "lead", order: "name" })
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
    wait = leadsResponse(page, { city: "Sousse", q: "النجاح" })
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
    wait = leadsResponse(page, { status: "contacted" })
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
    await gotoAdmin(
      page,
      adminUrl("/a/prospects?city=Sousse&status=new&order=name")
    )
    await whenShown(page, page.getByTestId("leads-table"))
    const { name, bytes } = await downloadFrom(
      page,
      page.getByRole("button", { name: "Exporter CSV" })
    )
    expect(name).toMatch(/^prospects-\d{4}-\d{2}-\d{2}\.csv$/)
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
    await gotoAdmin(page, adminUrl("/a/veille-prix"))
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
    await gotoAdmin(page, adminUrl("/a/rapports"))
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
    const csv = (
      await downloadFrom(
        page,
        page
          .locator(`tr[data-report-id="${id}"]`)
          .getByRole("button", { name: "Télécharger CSV" })
      )
    ).bytes.toString("utf8")
    const fromApi = await api(
      "GET",
      `/admin/prospector/reports/${id}?format=csv`
    )
    expect(csv).toBe(fromApi.text)
  })
})
