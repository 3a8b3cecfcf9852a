/**
 * The fitment screens in Chromium, as the owner: Véhicules (create a make, a model and a vehicle, find it by
 * search), Imports (a fitments CSV with a bad row: the row error in the dry-run table, then applied with
 * skip-invalid), the vehicle page listing the part, and Marques (create, edit, refused delete of a used brand).
 * Every result is checked through the API; no console error on any screen; screenshots in .tmp/screenshots.
 * Then 20,000 vehicles inserted by SQL: the Véhicules page asks for one page only.
 */
import type { Browser, Page } from "playwright-core"
import {
  adminUrl,
  downloadFrom,
  gotoAdmin,
  launchBrowser,
  loginAsOwner,
  recordResponses,
  screenshot,
  waitOrDescribe,
} from "../helpers/browser"
import { adminHeaders, sql, storeClient, testEnv } from "../helpers/env"
import { admin, createProduct } from "../fitment/helpers"
import {
  addMakeAndModel,
  deleteMake,
  fillNewVehicle,
  insertTwentyThousandVehicles,
  screenErrors,
  ZELVORA_FITMENTS_CSV,
} from "./fitment-screens"

jest.setTimeout(600000)

let browser: Browser
let page: Page
let screens: ReturnType<typeof screenErrors>
let productId: string

beforeAll(async () => {
  productId = await createProduct(
    "Kit embrayage Zelvora",
    "kit-embrayage-zelvora",
    "ZRV-EMB-1"
  )
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  screens = screenErrors(page)
  await loginAsOwner(page)
  screens.clear()
})

afterAll(async () => {
  await browser?.close()
})

describe("Véhicules, Imports and Marques as the owner", () => {
  let vehicleId: string

  it("creates a make, a model and a vehicle, then finds the vehicle by search", async () => {
    await gotoAdmin(page, adminUrl("/a/vehicules"))
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
    await addMakeAndModel(page, "Zelvora", "Quarto")
    await fillNewVehicle(page, {
      make: "Zelvora",
      model: "Quarto",
      year_from: "2018",
      engine: "1.6 HDi 92",
      engine_code: "zq16",
      displacement_cc: "1560",
      power_hp: "92",
      fuel: "diesel",
    })
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

    await gotoAdmin(page, adminUrl("/a/vehicules"))
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
    screens.expectNone("Véhicules")
  })

  it("uploads a fitments CSV with a bad row, sees the row error in the dry run, applies with skip-invalid", async () => {
    // through the sidebar, as the owner does
    await page.locator('a[href$="/a/imports"]').first().click()
    await waitOrDescribe(
      page,
      page.getByRole("heading", { name: "Imports", exact: true }),
      "fitment-import-missing"
    )
    await page.locator("select[name=type]").selectOption("fitments")
    await page.locator("input[name=file]").setInputFiles({
      name: "compatibilites-zelvora.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(ZELVORA_FITMENTS_CSV, "utf8"),
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
    const invalid = await downloadFrom(
      page,
      page.getByRole("button", {
        name: "Télécharger les lignes invalides (CSV)",
      })
    )
    expect(invalid.bytes.toString("utf8")).toMatch(/PAS-DE-TELLE-REF/)

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
    screens.expectNone("Imports")

    await gotoAdmin(page, adminUrl(`/a/vehicules/${vehicleId}`))
    const part = page
      .locator("[data-testid=vehicle-parts]")
      .getByRole("link", { name: "Kit embrayage Zelvora" })
    await part.waitFor()
    expect(await part.getAttribute("href")).toBe(`/app/a/products/${productId}`)
    await screenshot(page, "fitment-vehicle-parts")
    screens.expectNone("Véhicule")
  })

  it("creates and edits a brand, and sees the refusal to delete a brand in use", async () => {
    await gotoAdmin(page, adminUrl("/a/marques"))
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
    screens.expectNone("Marques", [`DELETE /admin/brands/${created.id} 400`])
  })

  it("downloads the vehicles and the fitment links with the export buttons, byte for byte the API's CSV", async () => {
    await gotoAdmin(page, adminUrl("/a/vehicules"))
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
      const { name, bytes } = await downloadFrom(
        page,
        page.getByRole("button", { name: label })
      )
      expect(name).toBe(`${file}-${day}.csv`)
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
    screens.expectNone("Véhicules (export)")
  })
})

describe("Véhicules with 20,000 vehicles", () => {
  const MAKE = "vmake_vingtmille"

  beforeAll(() => insertTwentyThousandVehicles(MAKE))

  afterAll(() => deleteMake(MAKE))

  it("loads one page of vehicles (server-side paging), and the coverage tab too", async () => {
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM vehicle`)
    expect(n).toBeGreaterThanOrEqual(20000)
    const recorded = recordResponses(page, (url) =>
      /\/admin\/(vehicles|fitment\/coverage)/.test(url.href)
    )
    const t0 = Date.now()
    await gotoAdmin(page, adminUrl("/a/vehicules"))
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
    const lists = (await recorded.read()).filter(
      (c) => c.url.pathname === "/admin/vehicles"
    )
    expect(lists.length).toBeGreaterThan(0)
    for (const c of lists) {
      expect(c.url.searchParams.get("limit")).toBe("25")
      expect(c.bytes).toBeLessThan(60000)
    }
    await screenshot(page, "fitment-20k-vehicles")

    // next page and a search stay one page each
    await page.getByRole("button", { name: "Suivant" }).click()
    await page.locator("[data-testid=pager]", { hasText: "26–50" }).waitFor()
    await page.getByLabel("Rechercher un véhicule").fill("VM17 Moteur 42")
    await page
      .locator("[data-testid=pager]", { hasText: "1–1 sur 1" })
      .waitFor()

    recorded.clear()
    await page.getByRole("tab", { name: "Couverture" }).click()
    await page
      .locator("[data-testid=coverage-vehicles] tbody tr")
      .nth(19)
      .waitFor({ timeout: 60000 })
    const coverage = await recorded.read()
    recorded.stop()
    for (const c of coverage) {
      expect(Number(c.url.searchParams.get("limit"))).toBeLessThanOrEqual(25)
    }
    await screenshot(page, "fitment-20k-coverage")
    screens.expectNone("Véhicules (20 000)")
    process.stdout.write(
      `[fitment-pages] 20,000 vehicles: first page shown in ${firstPageMs} ms; ` +
        coverage
          .concat(lists)
          .map((c) => `${c.url.pathname} ${c.bytes} B ${c.ms} ms`)
          .join("; ") +
        "\n"
    )
  })
})
