/**
 * `node scripts/prospector-cli.js` (npm run prospector) on the test database:
 * search with a progress line and a summary, then export to a CSV file.
 */
import { spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"

import { PlacesServer, startPlacesServer } from "../../plugins/prospector/test-fixtures/places-server"
import { sql, testEnv } from "../helpers/env"
import { placesFixture, usePlaces } from "./helpers"

const ROOT = path.resolve(__dirname, "..", "..")
let places: PlacesServer

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { front, apiKey } = placesFixture()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", "prospector-cli.js"), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "development",
        DATABASE_URL: testEnv().databaseUrl,
        GOOGLE_PLACES_BASE_URL: front,
        GOOGLE_PLACES_API_KEY: apiKey,
        PROSPECTOR_PLACES_BUDGET_PER_MONTH: String(placesFixture().budgetPerMonth),
      },
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })
}

beforeAll(async () => {
  places = await startPlacesServer({
    apiKey: placesFixture().apiKey,
    places: [
      { id: "cli-1", displayName: { text: "Garage Gabès Centre" }, location: { latitude: 33.88, longitude: 10.09 }, types: ["car_repair"], primaryType: "car_repair", internationalPhoneNumber: "+216 75 100 200" },
      { id: "cli-2", displayName: { text: "ميكانيك قابس" }, location: { latitude: 33.885, longitude: 10.1 }, types: ["car_repair"], primaryType: "car_repair" },
    ],
  })
  await usePlaces(places.baseUrl)
})

afterAll(async () => {
  await usePlaces(null)
  await places.close()
})

describe("prospector CLI", () => {
  it("prints usage errors without booting", async () => {
    const r = await cli(["search", "--query", "garage"])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/search: --city is required/)
  })

  it("search shows progress and a summary; a re-run creates no duplicates; export writes the CSV", async () => {
    const first = await cli(["search", "--query", "garage mécanique", "--city", "gabes"])
    expect(first.stderr + first.stdout).toMatch(/\[1\/1\] Gabès · "garage mécanique": 1 requests, 2 new/)
    expect(first.stdout).toMatch(/places: 2, new: 2, updated: 0, merged: 0/)
    expect(first.code).toBe(0)
    const second = await cli(["search", "--query", "garage mécanique", "--city", "Gabès"])
    expect(second.stdout).toMatch(/new: 0, updated: 2, merged: 0/)
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM prospector_lead WHERE place_id LIKE 'cli-%'`)
    expect(count).toBe(2)
    const runs = await sql(`SELECT trigger FROM prospector_run WHERE kind = 'search' ORDER BY started_at DESC LIMIT 2`)
    expect(runs.map((r) => r.trigger)).toEqual(["cli", "cli"])

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prospector-cli-")), "leads.csv")
    const exp = await cli(["export", "--out", file, "--city", "Gabès"])
    expect(exp.code).toBe(0)
    expect(exp.stdout).toMatch(/2 leads written to/)
    const bytes = fs.readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString("utf8")).toContain("ميكانيك قابس")
  })
})
