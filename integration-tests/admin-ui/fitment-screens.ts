/**
 * For the fitment screens' suite: each screen's console errors and failed API calls, checked screen by
 * screen, and 20,000 vehicles inserted by SQL (and removed) for the paging test.
 */
import type { Page } from "playwright-core"
import { collectConsoleErrors } from "../helpers/browser"
import { sql } from "../helpers/env"

/** A fitments CSV for the Imports screen: one good row (the suite's product), one whose sku is unknown. */
export const ZELVORA_FITMENTS_CSV = [
  "sku;marque;modele;annee_debut;code_moteur;emplacement;qte;note_fr",
  "ZRV-EMB-1;Zelvora;Quarto;2018;ZQ16;;1;Kit complet",
  "PAS-DE-TELLE-REF;Zelvora;Quarto;2018;ZQ16;;1;",
].join("\r\n")

/**
 * Collects the page's console errors and its API calls answered 400 or more, from now on. `clear()` forgets
 * what was collected; `expectNone(screen, expected)` fails with what was collected since the last check
 * (each screen on its own). `expected` lists the API refusals the screen is meant to show (Chromium logs
 * each 4xx answer as a console error "Failed to load resource"): exactly those, and nothing else, are
 * accepted.
 */
export function screenErrors(page: Page) {
  const errors = collectConsoleErrors(page)
  const failed: string[] = []
  page.on("response", (r) => {
    if (r.status() >= 400)
      failed.push(
        `${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`
      )
  })
  return {
    clear() {
      errors.splice(0)
      failed.splice(0)
    },
    expectNone(screen: string, expected: string[] = []) {
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
      expect({ screen, errors: found }).toEqual({
        screen,
        errors: resourceErrors,
      })
    },
  }
}

/** A make with 200 models of 100 vehicles each (20,000), inserted by SQL. */
export async function insertTwentyThousandVehicles(
  makeId: string
): Promise<void> {
  await sql(
    `INSERT INTO vehicle_make (id, name, handle, key) VALUES ($1, 'Vingtmille', 'vingtmille', 'vingtmille')`,
    [makeId]
  )
  await sql(
    `INSERT INTO vehicle_model (id, make_id, name, handle, key)
     SELECT 'vmodel_vm' || m, $1, 'VM' || m, 'vingtmille-vm' || m, 'vm' || m FROM generate_series(1, 200) AS m`,
    [makeId]
  )
  await sql(
    `INSERT INTO vehicle (id, make_id, model_id, year_from, year_to, engine, engine_code, fuel, natural_key)
     SELECT 'veh_vm' || m || '_' || e, $1, 'vmodel_vm' || m, 1990 + e % 30, NULL, 'Moteur ' || e, 'VM' || e, 'diesel', 'vingtmille|' || m || '|' || e
     FROM generate_series(1, 200) AS m, generate_series(1, 100) AS e`,
    [makeId]
  )
}

/** Removes the make, its models and its vehicles. */
export async function deleteMake(makeId: string): Promise<void> {
  await sql(`DELETE FROM vehicle WHERE make_id = $1`, [makeId])
  await sql(`DELETE FROM vehicle_model WHERE make_id = $1`, [makeId])
  await sql(`DELETE FROM vehicle_make WHERE id = $1`, [makeId])
}

/** On Véhicules: a make, then a model of it, created from the left column. */
export async function addMakeAndModel(
  page: Page,
  make: string,
  model: string
): Promise<void> {
  await page.getByRole("button", { name: "+ Ajouter" }).first().click()
  await page.getByLabel("Nom du constructeur").fill(make)
  await page.getByRole("button", { name: "Créer", exact: true }).click()
  await page.locator("[data-testid=models]").waitFor()
  await page.getByRole("button", { name: "+ Ajouter" }).nth(1).click()
  await page.getByLabel("Nom du modèle").fill(model)
  await page.getByRole("button", { name: "Créer", exact: true }).click()
  await page.locator("[data-testid=models]").getByText(model).waitFor()
}

/** On Véhicules: "Nouveau véhicule", its form filled as typed (make and model by label), then created. */
export async function fillNewVehicle(
  page: Page,
  v: {
    make: string
    model: string
    year_from: string
    engine: string
    engine_code: string
    displacement_cc: string
    power_hp: string
    fuel: string
  }
): Promise<void> {
  await page.getByRole("button", { name: "Nouveau véhicule" }).click()
  const form = page.locator("[data-testid=vehicle-form]")
  await form.locator("select[name=make_id]").selectOption({ label: v.make })
  await form
    .locator("select[name=model_id] option", { hasText: v.model })
    .waitFor({ state: "attached" })
  await form.locator("select[name=model_id]").selectOption({ label: v.model })
  for (const field of [
    "year_from",
    "engine",
    "engine_code",
    "displacement_cc",
    "power_hp",
  ] as const) {
    await form.locator(`input[name=${field}]`).fill(v[field])
  }
  await form.locator("select[name=fuel]").selectOption(v.fuel)
  await form.getByRole("button", { name: "Créer le véhicule" }).click()
}
