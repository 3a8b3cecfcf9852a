import { adminHeaders, testEnv } from "../helpers/env"

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

export async function api(
  method: string,
  path: string,
  body?: unknown,
  auth = true
): Promise<Reply> {
  const headers: Record<string, string> = auth ? await adminHeaders() : {}
  if (body !== undefined) {
    headers["content-type"] = "application/json"
  }
  const res = await fetch(`${testEnv().baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const bytes = Buffer.from(await res.arrayBuffer())
  const text = bytes.toString("utf8")
  let json: any = null
  try {
    json = JSON.parse(text)
  } catch {
    json = null
  }
  return { status: res.status, json, text, headers: res.headers, bytes }
}
