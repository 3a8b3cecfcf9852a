import {
  FakePlace,
  PlacesServer,
  gridPlaces,
  startPlacesServer,
} from "./__fixtures__/places-server"
import {
  LedgerEntry,
  PlacesApiError,
  PlacesClient,
  PlacesClientOptions,
  Rectangle,
  redactSecret,
  splitRectangle,
  validateFieldMask,
} from "./places-client"
import { RequestBudget } from "./request-budget"

const KEY = "AIzaFAKE-test-key-0123456789"
// Greater Tunis, roughly
const TUNIS: Rectangle = {
  low: { latitude: 36.7, longitude: 10.05 },
  high: { latitude: 36.9, longitude: 10.35 },
}

describe("PlacesClient against the local Places stand-in", () => {
  let server: PlacesServer
  let ledger: LedgerEntry[]
  let logs: string[]
  let delays: number[]

  const client = (over: Partial<PlacesClientOptions> = {}) =>
    new PlacesClient({
      apiKey: KEY,
      baseUrl: server.baseUrl,
      budget: new RequestBudget({ perRun: 100, perMonth: 1000 }),
      ledger: (e) => {
        ledger.push(e)
      },
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
      sleep: async (ms) => {
        delays.push(ms)
      },
      backoff: { retries: 3, baseMs: 100, maxMs: 1000 },
      ...over,
    })

  beforeEach(async () => {
    ledger = []
    logs = []
    delays = []
    server = await startPlacesServer({
      apiKey: KEY,
      places: gridPlaces(45, TUNIS),
    })
  })

  afterEach(async () => {
    await server.close()
  })

  it("sends the key, an explicit field mask and the Tunisian search body", async () => {
    const result = await client().searchText({
      textQuery: "garage mécanique",
      languageCode: "fr",
      rectangle: TUNIS,
    })
    expect(result.places).toHaveLength(45)
    const first = server.requests[0]
    expect(first.keyValid).toBe(true)
    expect(first.fieldMask).not.toContain("*")
    expect(first.fieldMask).toContain("places.id")
    expect(first.fieldMask).toContain("nextPageToken")
    expect(first.body).toEqual({
      textQuery: "garage mécanique",
      languageCode: "fr",
      regionCode: "TN",
      pageSize: 20,
      locationRestriction: { rectangle: TUNIS },
    })
    // pages 2 and 3 carry the token and the same parameters
    expect(server.requests.map((r) => !!r.body.pageToken)).toEqual([
      false,
      true,
      true,
    ])
    expect(result.pages).toBe(3)
    expect(result.capped).toBe(false)
    expect(ledger.map((e) => [e.page, e.status, e.tile, e.query])).toEqual([
      [1, 200, "r", "garage mécanique"],
      [2, 200, "r", "garage mécanique"],
      [3, 200, "r", "garage mécanique"],
    ])
    expect(ledger[0].at).toBeInstanceOf(Date)
  })

  it("gets only the masked fields back", async () => {
    const result = await client({
      fieldMask: ["places.id", "places.displayName"],
    }).searchText({
      textQuery: "ميكانيك سيارات",
      languageCode: "ar",
      rectangle: TUNIS,
    })
    expect(result.places).toHaveLength(45)
    for (const p of result.places) {
      expect(Object.keys(p).sort()).toEqual(["displayName", "id"])
    }
  })

  it("stops at the 60-result cap and flags it", async () => {
    server.setPlaces(gridPlaces(75, TUNIS))
    const result = await client().searchText({
      textQuery: "garage",
      languageCode: "fr",
      rectangle: TUNIS,
    })
    expect(result.places).toHaveLength(60)
    expect(result.capped).toBe(true)
    expect(server.requests).toHaveLength(3)
  })

  it("tiles a capped rectangle into quarters and finds every place once", async () => {
    server.setPlaces(gridPlaces(150, TUNIS))
    const result = await client().searchArea({
      textQuery: "garage",
      languageCode: "fr",
      rectangle: TUNIS,
    })
    expect(new Set(result.places.map((p) => p.id)).size).toBe(150)
    expect(result.places).toHaveLength(150)
    const root = result.tiles.find((t) => t.tile === "r")!
    expect(root.capped).toBe(true)
    expect(
      result.tiles.filter((t) => t.depth === 1).map((t) => t.tile)
    ).toEqual(["r.0", "r.1", "r.2", "r.3"])
    expect(result.tiles.every((t) => !t.truncated)).toBe(true)
    expect(result.requests).toBe(server.requests.length)
  })

  it("reports truncated tiles at the depth limit", async () => {
    server.setPlaces(gridPlaces(150, TUNIS))
    const result = await client({ maxTileDepth: 0 }).searchArea({
      textQuery: "garage",
      languageCode: "fr",
      rectangle: TUNIS,
    })
    expect(result.places).toHaveLength(60)
    expect(result.tiles).toEqual([
      expect.objectContaining({ tile: "r", capped: true, truncated: true }),
    ])
    expect(logs.join("\n")).toMatch(/incomplete/)
  })

  it("retries 429 RESOURCE_EXHAUSTED with backoff, then succeeds", async () => {
    server.failNext(2, 429)
    const result = await client().searchText({
      textQuery: "garage",
      languageCode: "fr",
      rectangle: TUNIS,
    })
    expect(result.places).toHaveLength(45)
    expect(
      ledger.slice(0, 3).map((e) => [e.status, e.attempt, e.page])
    ).toEqual([
      [429, 1, 1],
      [429, 2, 1],
      [200, 3, 1],
    ])
    expect(delays).toHaveLength(2)
    expect(delays[0]).toBeLessThanOrEqual(100)
    expect(delays[1]).toBeLessThanOrEqual(200)
    expect(logs.join("\n")).toMatch(/429 RESOURCE_EXHAUSTED/)
  })

  it("gives up on 5xx after the configured retries", async () => {
    server.failNext(10, 503)
    const error = await client()
      .searchText({ textQuery: "garage", languageCode: "fr", rectangle: TUNIS })
      .catch((e) => e)
    expect(error).toBeInstanceOf(PlacesApiError)
    expect(error.httpStatus).toBe(503)
    expect(error.googleStatus).toBe("UNAVAILABLE")
    expect(error.message).toMatch(/gave up after 4 attempts/)
    expect(server.requests).toHaveLength(4)
  })

  it("reports 403 PERMISSION_DENIED clearly, does not retry and never leaks the key", async () => {
    const badKey = "AIzaWRONG-key-should-not-leak"
    const error = await client({ apiKey: badKey })
      .searchText({ textQuery: "garage", languageCode: "fr", rectangle: TUNIS })
      .catch((e) => e)
    expect(error).toBeInstanceOf(PlacesApiError)
    expect(error.httpStatus).toBe(403)
    expect(error.googleStatus).toBe("PERMISSION_DENIED")
    expect(error.message).toMatch(
      /^Places API 403 PERMISSION_DENIED: API key not valid/
    )
    expect(error.message).not.toContain(badKey)
    expect(server.requests).toHaveLength(1)
    expect(ledger.map((e) => e.status)).toEqual([403])
  })

  it("reports 400 INVALID_ARGUMENT with Google's message and does not retry", async () => {
    const error = await client({ fieldMask: ["places.id", "places.notAField"] })
      .searchText({ textQuery: "garage", languageCode: "fr", rectangle: TUNIS })
      .catch((e) => e)
    expect(error.httpStatus).toBe(400)
    expect(error.googleStatus).toBe("INVALID_ARGUMENT")
    expect(error.message).toContain(
      "Cannot find matching fields for path 'places.notAField'"
    )
    expect(server.requests).toHaveLength(1)
  })

  it("never exceeds the per-run budget, retries included", async () => {
    server.setPlaces(gridPlaces(150, TUNIS))
    for (let perRun = 0; perRun <= 7; perRun++) {
      const before = server.requests.length
      server.failNext(1, 429)
      const budget = new RequestBudget({ perRun, perMonth: 1000 })
      const result = await client({ budget }).searchArea({
        textQuery: "garage",
        languageCode: "fr",
        rectangle: TUNIS,
      })
      const sent = server.requests.length - before
      expect(sent).toBeLessThanOrEqual(perRun)
      expect(sent).toBe(budget.usedThisRun)
      expect(result.budget_exhausted).toBe(true)
      // consume whatever failure was left queued when the budget was 0
      if (perRun === 0) {
        await client().searchText({
          textQuery: "x",
          languageCode: "fr",
          rectangle: TUNIS,
        })
      }
    }
  })

  it("never exceeds the monthly budget", async () => {
    const budget = new RequestBudget({
      perRun: 100,
      perMonth: 10,
      usedThisMonth: 9,
    })
    const result = await client({ budget }).searchText({
      textQuery: "garage",
      languageCode: "fr",
      rectangle: TUNIS,
    })
    expect(server.requests).toHaveLength(1)
    expect(result.places).toHaveLength(20)
    expect(result.budget_exhausted).toBe(true)
    expect(logs.join("\n")).toMatch(/month limit/)
  })

  it("retries network errors and keeps the key out of every message", async () => {
    const deadUrl = server.baseUrl
    await server.close()
    const error = await client({ baseUrl: deadUrl })
      .searchText({ textQuery: "garage", languageCode: "fr", rectangle: TUNIS })
      .catch((e) => e)
    expect(error).toBeInstanceOf(PlacesApiError)
    expect(error.httpStatus).toBeNull()
    expect(ledger.map((e) => e.status)).toEqual(Array(4).fill("network_error"))
    expect(`${error.message}\n${logs.join("\n")}`).not.toContain(KEY)
    server = await startPlacesServer({ apiKey: KEY, places: [] })
  })

  it("rejects wildcard or empty field masks and bad rectangles before any request", () => {
    expect(() => client({ fieldMask: ["*"] })).toThrow(/wildcard/)
    expect(() => client({ fieldMask: ["places.*"] })).toThrow(/wildcard/)
    expect(() => client({ fieldMask: [] })).toThrow(/empty/)
    expect(() => client({ fieldMask: ["displayName"] })).toThrow(
      /must start with "places."/
    )
    return expect(
      client().searchText({
        textQuery: "garage",
        languageCode: "fr",
        rectangle: { low: TUNIS.high, high: TUNIS.low },
      })
    ).rejects.toThrow(/low.latitude .* must be below high.latitude/)
  })
})

describe("the Places stand-in itself", () => {
  let server: PlacesServer
  const places: FakePlace[] = gridPlaces(30, TUNIS)
  const post = (
    headers: Record<string, string>,
    body: unknown
  ): Promise<{ status: number; json(): Promise<any> }> =>
    fetch(`${server.baseUrl}/v1/places:searchText`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    server = await startPlacesServer({ apiKey: KEY, places })
  })
  afterAll(() => server.close())

  it("answers 400 INVALID_ARGUMENT like Google when the field mask is missing or *", async () => {
    const variants: Array<Record<string, string>> = [
      { "X-Goog-Api-Key": KEY },
      { "X-Goog-Api-Key": KEY, "X-Goog-FieldMask": "*" },
    ]
    for (const headers of variants) {
      const res = await post(headers, { textQuery: "garage" })
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.error).toEqual(
        expect.objectContaining({ code: 400, status: "INVALID_ARGUMENT" })
      )
      expect(typeof body.error.message).toBe("string")
    }
  })

  it("answers 403 PERMISSION_DENIED without a key", async () => {
    const res = await post(
      { "X-Goog-FieldMask": "places.id" },
      { textQuery: "garage" }
    )
    expect(res.status).toBe(403)
    expect((await res.json()).error.status).toBe("PERMISSION_DENIED")
  })

  it("omits nextPageToken unless it is in the mask, and rejects a token with other parameters", async () => {
    const h = { "X-Goog-Api-Key": KEY, "X-Goog-FieldMask": "places.id" }
    const noToken = await (await post(h, { textQuery: "garage" })).json()
    expect(noToken.places).toHaveLength(20)
    expect(noToken.nextPageToken).toBeUndefined()

    const h2 = { ...h, "X-Goog-FieldMask": "places.id,nextPageToken" }
    const page1 = await (
      await post(h2, { textQuery: "garage", pageSize: 50 })
    ).json()
    expect(page1.places).toHaveLength(20)
    const bad = await post(h2, {
      textQuery: "autre chose",
      pageToken: page1.nextPageToken,
    })
    expect(bad.status).toBe(400)
    const page2 = await (
      await post(h2, { textQuery: "garage", pageToken: page1.nextPageToken })
    ).json()
    expect(page2.places).toHaveLength(10)
    expect(page2.nextPageToken).toBeUndefined()
  })
})

describe("helpers", () => {
  it("splits a rectangle into 4 quarters covering it", () => {
    const q = splitRectangle(TUNIS)
    expect(q[0]).toEqual({
      low: TUNIS.low,
      high: { latitude: 36.8, longitude: 10.2 },
    })
    expect(q[3]).toEqual({
      low: { latitude: 36.8, longitude: 10.2 },
      high: TUNIS.high,
    })
  })

  it("redacts the secret everywhere", () => {
    expect(redactSecret("key=abc and abc again", "abc")).toBe(
      "key=[REDACTED] and [REDACTED] again"
    )
  })

  it("always asks for the id and nextPageToken", () => {
    expect(validateFieldMask(["places.displayName"]).split(",").sort()).toEqual(
      ["nextPageToken", "places.displayName", "places.id"]
    )
  })
})
