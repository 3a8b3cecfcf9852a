import { spawn } from "child_process"
import path from "path"

import {
  FakePlace,
  PlacesServer,
  startPlacesServer,
} from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import { sql, testEnv } from "../helpers/env"
import { call } from "../helpers/http"

export const ROOT = path.resolve(__dirname, "..", "..")

export type Reply = {
  status: number
  json: any
  text: string
  headers: Headers
  bytes: Buffer
}

export function placesFixture(): {
  front: string
  apiKey: string
  budgetPerRun: number
  budgetPerMonth: number
} {
  const raw = process.env.PROSPECTOR_TEST_PLACES
  if (!raw) {
    throw new Error(
      "PROSPECTOR_TEST_PLACES is not set: integration-tests/prospector/fixtures.global.js did not run"
    )
  }
  return JSON.parse(raw)
}

/**
 * A call to the Places front's control API. Retried once on a network error: Node's fetch may reuse a
 * keep-alive socket the front has just closed (ECONNRESET between two test files).
 */
async function control(
  method: string,
  path: string,
  body: unknown
): Promise<Response> {
  const send = () =>
    fetch(`${placesFixture().front}${path}`, {
      method,
      headers: { "content-type": "application/json", connection: "close" },
      body: JSON.stringify(body),
    })
  try {
    return await send()
  } catch {
    return await send()
  }
}

/** Points the server's Places front at a stand-in started by this test. */
export async function usePlaces(baseUrl: string | null): Promise<void> {
  const res = await control("PUT", "/__control/target", { baseUrl })
  if (res.status !== 200) {
    throw new Error(`cannot set the Places target: ${res.status}`)
  }
}

/** The next `count` Places requests get this Google error. */
export async function injectPlacesError(
  count: number,
  status: number,
  googleStatus: string,
  message: string
): Promise<void> {
  await control("POST", "/__control/inject", {
    count,
    status,
    googleStatus,
    message,
  })
}

/** `call` (helpers/http.ts) as the prospector suites read its answer (the parsed JSON as `json`); as the seeded admin user unless `auth` is false. */
export async function api(
  method: string,
  path: string,
  body?: unknown,
  auth = true
): Promise<Reply> {
  const res = await call(method, path, body, { admin: auth })
  return {
    status: res.status,
    json: res.body,
    text: res.text,
    headers: res.headers,
    bytes: res.bytes,
  }
}

/** The Places requests of lead search `runId` (its ledger rows), oldest first, with `columns` ("area, attempt, status"). */
export function placesRequests(runId: string, columns: string) {
  return sql(
    `SELECT ${columns} FROM prospector_places_request WHERE run_id = $1 ORDER BY created_at, id`,
    [runId]
  )
}

/** A car-repair place at (lat, lng) for the Places stand-in; `extra` adds or overrides fields. */
export function placeAt(
  id: string,
  name: string,
  lat: number,
  lng: number,
  extra: Partial<FakePlace> = {}
): FakePlace {
  return {
    id,
    displayName: { text: name },
    location: { latitude: lat, longitude: lng },
    types: ["car_repair"],
    primaryType: "car_repair",
    ...extra,
  }
}

/** A placeAt of a suite's own: `fields(id, name)` gives the fields its places have unless `extra` says otherwise. */
export function placeMaker(
  fields: (id: string, name: string) => Partial<FakePlace>
) {
  return (
    id: string,
    name: string,
    lat: number,
    lng: number,
    extra: Partial<FakePlace> = {}
  ): FakePlace => placeAt(id, name, lat, lng, { ...fields(id, name), ...extra })
}

/** Starts a Places stand-in holding `places` and points the server's Places front at it. */
export async function startPlacesStandIn(
  places: FakePlace[]
): Promise<PlacesServer> {
  const server = await startPlacesServer({
    apiKey: placesFixture().apiKey,
    places,
  })
  await usePlaces(server.baseUrl)
  return server
}

/** Points the Places front back at no stand-in, and closes this one. */
export async function stopPlacesStandIn(
  server: PlacesServer | undefined
): Promise<void> {
  await usePlaces(null)
  await server?.close()
}

/** POST /admin/prospector/runs (a lead search); throws unless it answers 201. */
export async function searchRun(body: Record<string, unknown>): Promise<any> {
  const res = await api("POST", "/admin/prospector/runs", body)
  if (res.status !== 201) {
    throw new Error(
      `POST /admin/prospector/runs answered ${res.status}: ${res.text}`
    )
  }
  return res.json.run
}

/** A product with one variant priced in TND (millimes), created through the admin API. */
export async function createPricedVariant(product: {
  title: string
  variant: string
  sku: string
  amount: number
}): Promise<{ productId: string; variantId: string }> {
  const res = await api("POST", "/admin/products", {
    title: product.title,
    options: [{ title: "Modèle" }],
    variants: [
      {
        title: product.variant,
        sku: product.sku,
        prices: [{ currency_code: "tnd", amount: product.amount }],
        options: [{ value: product.variant }],
      },
    ],
  })
  if (res.status !== 200) {
    throw new Error(`cannot create the test product: ${res.status} ${res.text}`)
  }
  return {
    productId: res.json.product.id,
    variantId: res.json.product.variants[0].id,
  }
}

/** What a prospector process started by a test needs: the database, and the Places front and budget. */
export function prospectorProcessEnv(): Record<string, string> {
  const { front, apiKey, budgetPerMonth } = placesFixture()
  return {
    NODE_ENV: "development",
    DATABASE_URL: testEnv().databaseUrl,
    GOOGLE_PLACES_BASE_URL: front,
    GOOGLE_PLACES_API_KEY: apiKey,
    PROSPECTOR_PLACES_BUDGET_PER_MONTH: String(budgetPerMonth),
    PROSPECTOR_MIN_GAP_MS: "150",
    PROSPECTOR_JITTER_MS: "50",
  }
}

/** Runs `node <args>` from the project root with the test's environment added; its exit code and output. */
export function runNode(
  args: string[],
  env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })
}
