/**
 * A 401/403 from Google (bad key, API not enabled, permission denied) stops the
 * whole lead search: no further request, the run marked failed with Google's
 * status and message, the key redacted everywhere (messages, logs, database).
 * A 400 on an earlier (area, query) pair does not stop it.
 */
import fs from "fs"

import { PlacesServer } from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import { sql, testEnv } from "../helpers/env"
import {
  api,
  injectPlacesError,
  placeAt,
  placesFixture,
  placesRequests,
  startPlacesStandIn,
  stopPlacesStandIn,
} from "./helpers"

let places: PlacesServer

const ledger = (runId: string) => placesRequests(runId, "area, attempt, status")

beforeAll(async () => {
  places = await startPlacesStandIn([
    placeAt("auth-1", "Garage Monastir", 35.77, 10.82),
  ])
})

afterAll(() => stopPlacesStandIn(places))

describe("Google refuses the key", () => {
  it.each([
    [
      403,
      "PERMISSION_DENIED",
      "Places API (New) has not been used in project 123 before or it is disabled.",
    ],
    [401, "UNAUTHENTICATED", "Request had invalid authentication credentials."],
  ])(
    "%i %s stops the run after a 400 on the first pair: no further request, run failed",
    async (status, googleStatus, message) => {
      const { apiKey } = placesFixture()
      // Google echoes the key in some messages: it must be redacted from what we store and log
      await injectPlacesError(1, 400, "INVALID_ARGUMENT", "Invalid page_token.")
      await injectPlacesError(
        1,
        status,
        googleStatus,
        `${message} key=${apiKey}`
      )
      const before = places.requests.length
      const res = await api("POST", "/admin/prospector/runs", {
        query: "garage",
        cities: ["Monastir", "Sousse", "Sfax", "Tunis"],
      })
      expect(res.status).toBe(201)
      const run = res.json.run
      expect(run.status).toBe("failed")
      // the two refused requests never reached the stand-in; nothing after the 401/403 was sent
      expect(places.requests.length - before).toBe(0)
      expect(
        (await ledger(run.id)).map((r) => [r.area, r.attempt, r.status])
      ).toEqual([
        ["monastir", 1, "400"],
        ["sousse", 1, String(status)],
      ])
      expect(run.summary).toMatchObject({
        requests: 2,
        pairs_total: 4,
        pairs_done: 1,
        new: 0,
        updated: 0,
      })
      expect(run.errors).toEqual([
        expect.objectContaining({
          area: "monastir",
          http_status: 400,
          google_status: "INVALID_ARGUMENT",
        }),
        expect.objectContaining({
          area: "sousse",
          http_status: status,
          google_status: googleStatus,
          message: expect.stringContaining(message),
        }),
      ])
      expect(run.errors[1].message).toMatch(
        new RegExp(`^Places API ${status} ${googleStatus}: `)
      )
      expect(run.errors[1].message).toContain("[REDACTED]")

      const stored = await api("GET", `/admin/prospector/runs/${run.id}`)
      expect(stored.json.run).toMatchObject({
        status: "failed",
        finished_at: expect.any(String),
      })
      const [row] = await sql(
        `SELECT errors::text || summary::text || params::text AS all FROM prospector_run WHERE id = $1`,
        [run.id]
      )
      expect(row.all).not.toContain(apiKey)
      expect(fs.readFileSync(testEnv().serverLog, "utf8")).not.toContain(apiKey)
    }
  )

  it("the next run with the key accepted works again", async () => {
    const res = await api("POST", "/admin/prospector/runs", {
      query: "garage",
      city: "Monastir",
    })
    expect(res.json.run.status).toBe("completed")
    expect(res.json.run.errors).toEqual([])
    expect(places.requests.at(-1)).toMatchObject({
      keyValid: true,
      status: 200,
    })
  })
})
