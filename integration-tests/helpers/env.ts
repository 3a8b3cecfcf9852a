import Medusa from "@medusajs/medusa-js"
import { Client } from "pg"
import { fetchOnce } from "./fetch-once"

export type TestEnv = {
  baseUrl: string
  databaseUrl: string
  redisUrl: string | null
  redisPrefix: string
  adminEmail: string
  adminPassword: string
  serverLog: string
  /** JSON file with the test server's whole environment (to start more instances of it) */
  serverEnvFile: string
}

/** Where the integration server runs (set by integration-tests/setup/global-setup.js). */
export function testEnv(): TestEnv {
  const raw = process.env.SHABOU_TEST_ENV
  if (!raw) {
    throw new Error(
      "SHABOU_TEST_ENV is not set: run the integration tests through jest's integration project"
    )
  }
  return JSON.parse(raw)
}

let token: Promise<string> | undefined

/**
 * Authorization headers of the seeded admin user (logs in once through POST /admin/auth/token; calls made
 * together share that one login, which the login throttle would refuse as many).
 */
export async function adminHeaders(): Promise<Record<string, string>> {
  if (!token) {
    token = login().catch((e) => {
      token = undefined
      throw e
    })
  }
  return { authorization: `Bearer ${await token}` }
}

async function login(): Promise<string> {
  const env = testEnv()
  const res = await fetchOnce(`${env.baseUrl}/admin/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: env.adminEmail,
      password: env.adminPassword,
    }),
  })
  if (res.status !== 200) {
    throw new Error(`admin login failed: ${res.status} ${await res.text()}`)
  }
  return ((await res.json()) as { access_token: string }).access_token
}

/** The medusa-js client a storefront would use, pointed at the test server (or another instance of it). */
export function storeClient(baseUrl = testEnv().baseUrl): Medusa {
  return new Medusa({ baseUrl, maxRetries: 0 })
}

/** Runs one SQL statement on the test database (for assertions only). */
export function sql<T = any>(text: string, params: unknown[] = []) {
  return sqlOn<T>(testEnv().databaseUrl, text, params)
}

/** How many rows `fromWhere` ("fitment WHERE vehicle_id = $1") holds on the test database. */
export async function countRows(
  fromWhere: string,
  params: unknown[] = []
): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${fromWhere}`,
    params
  )
  return n
}

/** Runs one SQL statement on the database at `url`, on a connection of its own. */
export async function sqlOn<T = any>(
  url: string,
  text: string,
  params: unknown[] = []
): Promise<T[]> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(text, params)
    return rows as T[]
  } finally {
    await client.end()
  }
}
