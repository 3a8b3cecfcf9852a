/**
 * `npm run fitment -- import vehicles <file> --dry-run` the way the owner types it (scripts/cli.js →
 * build if needed → DATABASE_URL → plugins/fitment/dist/cli), against the test server's database: a dry run
 * writes nothing, a real run is seen by the running server, and a dry run after it finds nothing new.
 */
import { spawnSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { sql, testEnv } from "../helpers/env"
import { admin } from "./helpers"

const ROOT = path.resolve(__dirname, "..", "..")

function npmFitment(args: string[]) {
  const res = spawnSync("npm", ["run", "--silent", "fitment", "--", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: testEnv().databaseUrl },
    encoding: "utf8",
    timeout: 300000,
  })
  if (res.error) {
    throw res.error
  }
  return res
}

const ours = async () =>
  Number(
    (
      await sql(
        `SELECT count(*)::int AS n FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id WHERE mk.key = 'clidrymake'`
      )
    )[0].n
  )

describe("npm run fitment -- import vehicles", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fitment-npm-"))
  const good = path.join(dir, "vehicules.csv")
  const bad = path.join(dir, "vehicules-erreurs.csv")
  fs.writeFileSync(
    good,
    "\ufeffMarque;Modèle;Année début;Année fin;Moteur;Code moteur;Cylindrée;CH;Carburant\r\n" +
      "Clidrymake;Rho;2011;2016;1.5 dCi;K9K;1461;90;Gazole\r\n" +
      "CLIDRYMAKE;Rho SW;2012;2016;1.5 dCi;K9K;1461;90;Gazole\r\n" +
      "clidrymake;Sigma;2019;;1.0 TCe;H4D;999;100;Essence\r\n"
  )
  fs.writeFileSync(
    bad,
    "make;model;year_from;year_to\nClidrymake;Tau;2010;\n;Tau;2011;\nClidrymake;Tau;2015;2009\n"
  )

  it("--dry-run reports what would be created and writes nothing", async () => {
    const importsBefore = Number(
      (await sql(`SELECT count(*)::int AS n FROM fitment_import`))[0].n
    )
    const res = npmFitment(["import", "vehicles", good, "--dry-run"])
    expect(res.stderr).not.toMatch(/Error:/)
    expect(res.status).toBe(0)
    expect(res.stdout).toMatch(/created:\s+3/)
    expect(res.stdout).toMatch(/updated:\s+0/)
    expect(res.stdout).toMatch(/unchanged:\s+0/)
    expect(res.stdout).toMatch(/dry run/i)
    expect(await ours()).toBe(0)
    // the dry run is logged in the same database the server reads
    expect(
      Number((await sql(`SELECT count(*)::int AS n FROM fitment_import`))[0].n)
    ).toBeGreaterThanOrEqual(importsBefore)
  })

  it("--dry-run with invalid rows lists each with its row number and reason, exits 1, writes nothing", async () => {
    const res = npmFitment(["import", "vehicles", bad, "--dry-run"])
    expect(res.status).toBe(1)
    expect(res.stdout).toMatch(/row 3: make: /)
    expect(res.stdout).toMatch(/row 4: year_to: .*before/)
    expect(res.stdout).not.toMatch(/row 2:/)
    expect(await ours()).toBe(0)
  })

  it("a real run is seen by the server; a dry run after it finds everything unchanged", async () => {
    const real = npmFitment(["import", "vehicles", good])
    expect(real.status).toBe(0)
    expect(real.stdout).toMatch(/created:\s+3/)
    expect(await ours()).toBe(3)
    const makeId = (
      await sql(`SELECT id FROM vehicle_make WHERE key = 'clidrymake'`)
    )[0].id
    const listed = await admin("GET", `/admin/vehicles?make_id=${makeId}`)
    expect(listed.body.count).toBe(3)
    expect(
      listed.body.vehicles.find(
        (v: any) => v.model.name === "Rho" && v.body === "estate"
      )
    ).toBeDefined()
    const dry = npmFitment(["import", "vehicles", good, "--dry-run"])
    expect(dry.status).toBe(0)
    expect(dry.stdout).toMatch(/created:\s+0/)
    expect(dry.stdout).toMatch(/unchanged:\s+3/)
    expect(await ours()).toBe(3)
  })

  it("answers 2 with a usage message for a missing file", () => {
    const res = npmFitment([
      "import",
      "vehicles",
      path.join(dir, "absent.csv"),
      "--dry-run",
    ])
    expect(res.status).toBe(2)
    expect(res.stdout + res.stderr).toMatch(/absent\.csv/)
  })
})
