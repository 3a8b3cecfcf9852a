/**
 * The fitment screens in Chromium, as the owner: Véhicules (create a make, a model and a vehicle, find it by
 * search), Imports (a fitments CSV with a bad row: the row error in the dry-run table, then applied with
 * skip-invalid), the vehicle page listing the part, and Marques (create, edit, refused delete of a used brand).
 * Every result is checked through the API; no console error on any screen; screenshots in .tmp/screenshots.
 * Then 20,000 vehicles inserted by SQL: the Véhicules page asks for one page only.
 */
import fs from "fs"
import type { Browser, Page } from "playwright-core"
import {
  collectConsoleErrors,
  launchBrowser,
  loginAsOwner,
  screenshot,
  gotoAdmin,
} from "../helpers/browser"
import { adminHeaders, sql, storeClient, testEnv } from "../helpers/env"
import { admin, createProduct } from "../fitment/helpers"

jest.setTimeout(600000)

let browser: Browser
let page: Page
let errors: string[]
let productId: string
const app = (path: string) => `${testEnv().baseUrl}/app${path}`

let failed: string[]

/**
 * Fails with the console errors and failed API calls collected since the last check (each screen on its own).
 * `expected` lists the API refusals the screen is meant to show (Chromium logs each 4xx answer as a console
 * error "Failed to load resource"): exactly those, and nothing else, are accepted.
 */
function expectNoConsoleErrors(screen: string, expected: string[] = []) {
  const found = errors.splice(0)
  const calls = failed.splice(0)
  expect({ screen, calls }).toEqual({ screen, calls: expected })
  // each as collectConsoleErrors words it: "<message> (<url of the call>)"
  const resourceErrors = expected.map((c) =>
    expect.stringMatching(
      new RegExp(
        `^Failed to load resource: the server responded with a status of ${c.split(" ").pop()} \\(Bad Request\\) \\(http`
      )
    )
  )
  expect({ screen, errors: found }).toEqual({ screen, errors: resourceErrors })
}

beforeAll(async () => {
  productId = await createProduct(
    "Kit embrayage Zelvora",
    "kit-embrayage-zelvora",
    "ZRV-EMB-1"
  )
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  errors = collectConsoleErrors(page)
  failed = []
  page.on("response", (r) => {
    if (r.status() >= 400)
      failed.push(
        `${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`
      )
  })
  await loginAsOwner(page)
  errors.splice(0)
  failed.splice(0)
})

afterAll(async () => {
  await browser?.close()
})

describe("Véhicules, Imports and Marques as the owner", () => {
  let vehicleId: string

  it("creates a make, a model and a vehicle, then finds the vehicle by search", async () => {
    await gotoAdmin(page, app("/a/vehicules"))
    await page
      .getByRole("heading", { name: "Véhicules", exact: true })
      .waitFor()
    // the sidebar links of the three screens
    for (const label of ["Véhicules", "Imports", "Marques"]) {
      expect(
        await page
          .locator(
            `a[href$="/a/${label === "Véhicules" ? "vehicules" : label.toLowerCase()}"]`
          )
          .count()
      ).toBeGreaterThan(0)
    }
    await page
      .locator("[data-testid=vehicles-table] tbody tr")
      .first()
      .waitFor()

    // a make, then a model of it, from the left column
    await page.getByRole("button", { name: "+ Ajouter" }).first().click()
    await page.getByLabel("Nom du constructeur").fill("Zelvora")
    await page.getByRole("button", { name: "Créer", exact: true }).click()
    await page.locator("[data-testid=models]").waitFor()
    await page.getByRole("button", { name: "+ Ajouter" }).nth(1).click()
    await page.getByLabel("Nom du modèle").fill("Quarto")
    await page.getByRole("button", { name: "Créer", exact: true }).click()
    await page.locator("[data-testid=models]").getByText("Quarto").waitFor()

    await page.getByRole("button", { name: "Nouveau véhicule" }).click()
    const form = page.locator("[data-testid=vehicle-form]")
    await form
      .locator("select[name=make_id]")
      .selectOption({ label: "Zelvora" })
    await form
      .locator("select[name=model_id] option", { hasText: "Quarto" })
      .waitFor({ state: "attached" })
    await form
      .locator("select[name=model_id]")
      .selectOption({ label: "Quarto" })
    await form.locator("input[name=year_from]").fill("2018")
    await form.locator("input[name=engine]").fill("1.6 HDi 92")
    await form.locator("input[name=engine_code]").fill("zq16")
    await form.locator("input[name=displacement_cc]").fill("1560")
    await form.locator("input[name=power_hp]").fill("92")
    await form.locator("select[name=fuel]").selectOption("diesel")
    await form.getByRole("button", { name: "Créer le véhicule" }).click()
    await page.waitForURL(/\/a\/vehicules\/veh_/)
    vehicleId = page.url().split("/").pop()!
    await page
      .locator("[data-testid=vehicle-facts]")
      .getByText("ZQ16")
      .waitFor()
    await screenshot(page, "fitment-vehicle-created")

    const stored = await admin("GET", `/admin/vehicles/${vehicleId}`)
    expect(stored.body.vehicle).toMatchObject({
      make: { name: "Zelvora" },
      model: { name: "Quarto" },
      year_from: 2018,
      year_to: null,
      engine: "1.6 HDi 92",
      engine_code: "ZQ16",
      displacement_cc: 1560,
      power_hp: 92,
      fuel: "diesel",
    })
    expect(stored.body.vehicle.power_kw).toBeCloseTo(67.7, 0)

    await gotoAdmin(page, app("/a/vehicules"))
    await page.getByLabel("Rechercher un véhicule").fill("zelvora quarto")
    const row = page.locator("[data-testid=vehicles-table] tbody tr", {
      hasText: "Quarto",
    })
    await row.waitFor()
    expect(
      await page.locator("[data-testid=vehicles-table] tbody tr").count()
    ).toBe(1)
    await screenshot(page, "fitment-vehicle-search")
    await row.getByRole("link", { name: "1.6 HDi 92" }).click()
    await page.waitForURL(new RegExp(`/a/vehicules/${vehicleId}$`))
    await page.getByText("Pièces compatibles (0)").waitFor()
    expectNoConsoleErrors("Véhicules")
  })

  it("uploads a fitments CSV with a bad row, sees the row error in the dry run, applies with skip-invalid", async () => {
    const csv = [
      "sku;marque;modele;annee_debut;code_moteur;emplacement;qte;note_fr",
      "ZRV-EMB-1;Zelvora;Quarto;2018;ZQ16;;1;Kit complet",
      "PAS-DE-TELLE-REF;Zelvora;Quarto;2018;ZQ16;;1;",
    ].join("\r\n")
    // through the sidebar, as the owner does
    await page.locator('a[href$="/a/imports"]').first().click()
    await page
      .getByRole("heading", { name: "Imports", exact: true })
      .waitFor()
      .catch(async (e) => {
        await screenshot(page, "fitment-import-missing")
        throw new Error(
          `${e.message}\nURL ${page.url()}\nPAGE ${(await page.locator("body").innerText()).slice(0, 3000)}`
        )
      })
    await page.locator("select[name=type]").selectOption("fitments")
    await page.locator("input[name=file]").setInputFiles({
      name: "compatibilites-zelvora.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    })
    await page.getByRole("button", { name: "Simuler (n'écrit rien)" }).click()
    const errorsTable = page.locator("[data-testid=invalid-rows]")
    await errorsTable.waitFor({ timeout: 60000 })
    const cells = await errorsTable
      .locator("tbody tr")
      .first()
      .locator("td")
      .allInnerTexts()
    expect(cells).toEqual([
      "3",
      "sku",
      "PAS-DE-TELLE-REF",
      'no product with sku "PAS-DE-TELLE-REF"',
    ])
    expect(await errorsTable.locator("tbody tr").count()).toBe(1)
    await page.getByText("Simulation : rien n'a été écrit.").waitFor()
    await screenshot(page, "fitment-import-dry-run")
    // the dry run wrote nothing
    expect(
      (await admin("GET", `/admin/vehicles/${vehicleId}/products`)).body.count
    ).toBe(0)
    // the invalid rows download is offered and serves the refused row
    const download = page.waitForEvent("download")
    await page
      .getByRole("button", { name: "Télécharger les lignes invalides (CSV)" })
      .click()
    const file = await (await download).path()
    expect(fs.readFileSync(file!, "utf8")).toMatch(/PAS-DE-TELLE-REF/)

    await page
      .getByRole("button", {
        name: "Appliquer en ignorant les lignes invalides",
      })
      .click()
    await page
      .getByText("Import appliqué ; 1 ligne(s) invalide(s) ignorée(s).")
      .waitFor({ timeout: 60000 })
    await page
      .locator("[data-testid=imports-history] tbody tr", {
        hasText: "Lignes invalides ignorées",
      })
      .first()
      .waitFor()
    await screenshot(page, "fitment-import-applied")

    const links = await admin("GET", `/admin/vehicles/${vehicleId}/products`)
    expect(links.body.count).toBe(1)
    expect(links.body.links[0]).toMatchObject({
      product: { id: productId },
      quantity: 1,
      engine_code: "ZQ16",
      note_fr: "Kit complet",
      source: "import",
    })
    const store = await storeClient().products.list({
      vehicle_id: vehicleId,
    } as any)
    expect(store.products.map((p) => p.id)).toContain(productId)
    const [logged] = (await admin("GET", "/admin/fitment/imports?limit=1")).body
      .imports
    expect(logged).toMatchObject({
      file_name: "compatibilites-zelvora.csv",
      type: "fitments",
      applied: true,
      skip_invalid: true,
      dry_run: false,
    })
    expectNoConsoleErrors("Imports")

    await gotoAdmin(page, app(`/a/vehicules/${vehicleId}`))
    const part = page
      .locator("[data-testid=vehicle-parts]")
      .getByRole("link", { name: "Kit embrayage Zelvora" })
    await part.waitFor()
    expect(await part.getAttribute("href")).toBe(`/app/a/products/${productId}`)
    await screenshot(page, "fitment-vehicle-parts")
    expectNoConsoleErrors("Véhicule")
  })

  it("creates and edits a brand, and sees the refusal to delete a brand in use", async () => {
    await gotoAdmin(page, app("/a/marques"))
    await page.getByRole("heading", { name: "Marques", exact: true }).waitFor()
    await page.getByRole("button", { name: "Nouvelle marque" }).click()
    const create = page.locator("[data-testid=brand-create]")
    await create.locator("input[name=name]").fill("Freinor Zelvora")
    await create.locator("input[name=country]").fill("FR")
    await create.getByRole("button", { name: "Créer la marque" }).click()
    await page.getByText("Marque « Freinor Zelvora » créée.").waitFor()
    const created = (await admin("GET", "/admin/brands/freinor-zelvora")).body
      .brand
    expect(created).toMatchObject({
      name: "Freinor Zelvora",
      handle: "freinor-zelvora",
      country: "FR",
      product_count: 0,
    })

    await page.getByLabel("Rechercher une marque").fill("freinor")
    const row = page.locator("tr[data-brand=freinor-zelvora]")
    await page
      .locator("[data-testid=pager]", { hasText: /^1–1 sur 1(?!\d)/ })
      .waitFor()
    expect(
      await page.locator("[data-testid=brands-table] tbody tr").count()
    ).toBe(1)
    await row.getByRole("button", { name: "Modifier" }).click()
    await row.locator("input[name=country]").fill("IT")
    await row.locator("input[name=description]").fill("Freins et embrayages")
    await row.getByRole("button", { name: "Enregistrer" }).click()
    await page.getByText("Marque « Freinor Zelvora » enregistrée.").waitFor()
    expect(
      (await admin("GET", `/admin/brands/${created.id}`)).body.brand
    ).toMatchObject({ country: "IT", description: "Freins et embrayages" })

    // the product takes the brand (the product page's brand widget does the same call), then delete is refused
    expect(
      (
        await admin("POST", `/admin/products/${productId}/brand`, {
          brand_id: created.id,
        })
      ).status
    ).toBe(200)
    await page.reload({ waitUntil: "domcontentloaded" })
    await page.getByLabel("Rechercher une marque").fill("freinor")
    await row.locator("td", { hasText: /^1$/ }).waitFor()
    await row.getByRole("button", { name: "Supprimer" }).click()
    await row.getByRole("button", { name: "Oui, supprimer" }).click()
    const refusal = page
      .getByRole("alert")
      .filter({ hasText: "Suppression refusée" })
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain(
      "Suppression refusée : « Freinor Zelvora » est encore la marque de 1 produit(s)"
    )
    expect(await refusal.innerText()).toContain(
      "Brand Freinor Zelvora is used by 1 product(s)"
    )
    await screenshot(page, "fitment-brand-delete-refused")
    expect((await admin("GET", `/admin/brands/${created.id}`)).status).toBe(200)
    expect(
      ((await storeClient().products.retrieve(productId)).product as any).brand
    ).toMatchObject({ id: created.id })
    // the refused DELETE is the only failed call of the screen
    expectNoConsoleErrors("Marques", [`DELETE /admin/brands/${created.id} 400`])
  })

  it("downloads the vehicles and the fitment links with the export buttons, byte for byte the API's CSV", async () => {
    await gotoAdmin(page, app("/a/vehicules"))
    await page
      .locator("[data-testid=vehicles-table] tbody tr")
      .first()
      .waitFor()
    const day = new Date().toISOString().slice(0, 10)
    for (const [type, label, file, mustContain] of [
      ["vehicles", "Exporter les véhicules (CSV)", "vehicules", "Zelvora"],
      [
        "fitments",
        "Exporter les compatibilités (CSV)",
        "compatibilites",
        "ZRV-EMB-1",
      ],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: label }).click(),
      ])
      expect(download.suggestedFilename()).toBe(`${file}-${day}.csv`)
      const saved = await download.path()
      const bytes = fs.readFileSync(saved!)
      const api = await fetch(
        `${testEnv().baseUrl}/admin/fitment/export?type=${type}&format=csv`,
        { headers: await adminHeaders() }
      )
      expect(api.status).toBe(200)
      const expected = Buffer.from(await api.arrayBuffer())
      expect(bytes.length).toBe(expected.length)
      expect(bytes.equals(expected)).toBe(true)
      // UTF-8 with BOM, semicolons, and the data this file created above
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(
        true
      )
      expect(bytes.toString("utf8")).toContain(mustContain)
      await page.getByRole("button", { name: label }).waitFor()
    }
    await screenshot(page, "fitment-export")
    expectNoConsoleErrors("Véhicules (export)")
  })
})

describe("Véhicules with 20,000 vehicles", () => {
  const MAKE = "vmake_vingtmille"

  beforeAll(async () => {
    await sql(
      `INSERT INTO vehicle_make (id, name, handle, key) VALUES ($1, 'Vingtmille', 'vingtmille', 'vingtmille')`,
      [MAKE]
    )
    await sql(
      `INSERT INTO vehicle_model (id, make_id, name, handle, key)
       SELECT 'vmodel_vm' || m, $1, 'VM' || m, 'vingtmille-vm' || m, 'vm' || m FROM generate_series(1, 200) AS m`,
      [MAKE]
    )
    await sql(
      `INSERT INTO vehicle (id, make_id, model_id, year_from, year_to, engine, engine_code, fuel, natural_key)
       SELECT 'veh_vm' || m || '_' || e, $1, 'vmodel_vm' || m, 1990 + e % 30, NULL, 'Moteur ' || e, 'VM' || e, 'diesel', 'vingtmille|' || m || '|' || e
       FROM generate_series(1, 200) AS m, generate_series(1, 100) AS e`,
      [MAKE]
    )
  })

  afterAll(async () => {
    await sql(`DELETE FROM vehicle WHERE make_id = $1`, [MAKE])
    await sql(`DELETE FROM vehicle_model WHERE make_id = $1`, [MAKE])
    await sql(`DELETE FROM vehicle_make WHERE id = $1`, [MAKE])
  })

  it("loads one page of vehicles (server-side paging), and the coverage tab too", async () => {
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM vehicle`)
    expect(n).toBeGreaterThanOrEqual(20000)
    const calls: Array<{ url: string; size: number; ms: number }> = []
    const started = new Map<string, number>()
    page.on("request", (r) => started.set(r.url(), Date.now()))
    page.on("response", async (r) => {
      if (/\/admin\/(vehicles|fitment\/coverage)/.test(r.url())) {
        const body = await r.body().catch(() => Buffer.alloc(0))
        calls.push({
          url: r.url(),
          size: body.length,
          ms: Date.now() - (started.get(r.url()) ?? Date.now()),
        })
      }
    })
    const t0 = Date.now()
    await gotoAdmin(page, app("/a/vehicules"))
    await page
      .locator("[data-testid=vehicles-table] tbody tr")
      .nth(24)
      .waitFor()
    const firstPageMs = Date.now() - t0
    expect(
      await page.locator("[data-testid=vehicles-table] tbody tr").count()
    ).toBe(25)
    const pager = await page.locator("[data-testid=pager]").innerText()
    expect(pager.replace(/\s/g, " ")).toMatch(
      new RegExp(`1–25 sur ${n.toLocaleString("fr-FR").replace(/\s/g, " ")}`)
    )
    const lists = calls.filter(
      (c) => new URL(c.url).pathname === "/admin/vehicles"
    )
    expect(lists.length).toBeGreaterThan(0)
    for (const c of lists) {
      expect(new URL(c.url).searchParams.get("limit")).toBe("25")
      expect(c.size).toBeLessThan(60000)
    }
    await screenshot(page, "fitment-20k-vehicles")

    // next page and a search stay one page each
    await page.getByRole("button", { name: "Suivant" }).click()
    await page.locator("[data-testid=pager]", { hasText: "26–50" }).waitFor()
    await page.getByLabel("Rechercher un véhicule").fill("VM17 Moteur 42")
    await page
      .locator("[data-testid=pager]", { hasText: "1–1 sur 1" })
      .waitFor()

    calls.length = 0
    await page.getByRole("tab", { name: "Couverture" }).click()
    await page
      .locator("[data-testid=coverage-vehicles] tbody tr")
      .nth(19)
      .waitFor({ timeout: 60000 })
    for (const c of calls) {
      expect(
        Number(new URL(c.url).searchParams.get("limit"))
      ).toBeLessThanOrEqual(25)
    }
    await screenshot(page, "fitment-20k-coverage")
    expectNoConsoleErrors("Véhicules (20 000)")
    process.stdout.write(
      `[fitment-pages] 20,000 vehicles: first page shown in ${firstPageMs} ms; ` +
        calls
          .concat(lists)
          .map((c) => `${new URL(c.url).pathname} ${c.size} B ${c.ms} ms`)
          .join("; ") +
        "\n"
    )
  })
})
