/**
 * `npm run migrate` then `npm run seed` the way the owner types them (scripts/cli.js, the launch contract of
 * scripts/lib/cli.js: DATABASE_URL, else the embedded PostgreSQL), on an empty database of the test server's
 * PostgreSQL: migrate builds every table of the core and the plugins, seed loads the demo catalogue of data/ (and
 * leaves it as it is the second time), and both refuse arguments. Without Redis: the commands' own containers
 * must not talk to the test server's queues. Takes 3-5 minutes (the demo seed).
 */
import { spawnSync } from "child_process"
import fs from "fs"
import path from "path"
import { Client } from "pg"
import { sql, testEnv } from "../helpers/env"

const ROOT = path.resolve(__dirname, "..", "..")

function withoutRedis(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.REDIS_URL
  return env
}

function npmRun(script: string, args: string[], databaseUrl: string) {
  const res = spawnSync(
    "npm",
    ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])],
    {
      cwd: ROOT,
      env: { ...withoutRedis(), DATABASE_URL: databaseUrl },
      encoding: "utf8",
      timeout: 600000,
    }
  )
  if (res.error) {
    throw res.error
  }
  return res
}

/** The test server's database URL with another database name. */
function otherDatabase(name: string): string {
  const url = new URL(testEnv().databaseUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function onServer(statement: string) {
  const client = new Client({ connectionString: otherDatabase("postgres") })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

jest.setTimeout(900000)

describe("npm run migrate, npm run seed", () => {
  const name = `${new URL(testEnv().databaseUrl).pathname.slice(1)}_cli`.slice(
    0,
    63
  )
  const url = () => otherDatabase(name)
  let client: Client

  beforeAll(async () => {
    await onServer(`DROP DATABASE IF EXISTS "${name}"`)
    await onServer(`CREATE DATABASE "${name}"`)
  })

  afterAll(async () => {
    await client?.end()
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  })

  const count = async (table: string) =>
    (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]
      .n as number

  it("migrate creates the tables of the core and of every plugin in an empty database, then has nothing left to run", async () => {
    const first = npmRun("migrate", [], url())
    expect({ status: first.status, stderr: first.stderr }).toMatchObject({
      status: 0,
    })
    client = new Client({ connectionString: url() })
    await client.connect()
    const tables = [
      "product",
      "fitment",
      "part_number",
      "search_document",
      "price_history",
      "prospector_lead",
      "orion_sales_history",
    ]
    const { rows } = await client.query(
      `SELECT t, to_regclass('public.' || t) IS NOT NULL AS present FROM unnest($1::text[]) t`,
      [tables]
    )
    expect(rows.filter((r) => !r.present).map((r) => r.t)).toEqual([])
    const ran = await count("migrations")
    const [{ n: expected }] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM migrations`
    )
    expect(ran).toBe(expected)

    const again = npmRun("migrate", [], url())
    expect(again.status).toBe(0)
    expect(await count("migrations")).toBe(ran)
  })

  it("seed loads the demo catalogue of data/, and leaves it as it is the second time", async () => {
    const products = JSON.parse(
      fs.readFileSync(path.join(ROOT, "data", "products.json"), "utf8")
    )
    expect(await count("product")).toBe(0)
    const first = npmRun("seed", [], url())
    expect({ status: first.status, stderr: first.stderr }).toMatchObject({
      status: 0,
    })
    expect(await count("product")).toBe(products.length)
    expect(await count("fitment")).toBeGreaterThan(0)
    const variants = await count("product_variant")

    const again = npmRun("seed", [], url())
    expect(again.status).toBe(0)
    expect(`${again.stdout}${again.stderr}`).toContain(
      "demo catalogue already present: seed skipped"
    )
    expect(await count("product")).toBe(products.length)
    expect(await count("product_variant")).toBe(variants)
  })

  it.each([
    ["migrate", "--all"],
    ["seed", "demo"],
  ])("%s refuses arguments (exit 2, the usage)", (script, arg) => {
    const res = npmRun(script, [arg], url())
    expect(res.status).toBe(2)
    expect(res.stderr).toContain(
      `unknown argument "${arg}" (usage: npm run ${script})`
    )
  })
})
