/**
 * Local stand-in for Google Places API (New) Text Search, for tests only.
 * Listens on 127.0.0.1, port 0. Behaves like the real endpoint where Prospector
 * depends on it:
 *  - POST /v1/places:searchText only (404 otherwise)
 *  - X-Goog-Api-Key: missing or wrong -> 403 PERMISSION_DENIED
 *  - X-Goog-FieldMask: missing -> 400 INVALID_ARGUMENT ("FieldMask is a required parameter")
 *    and, stricter than Google (which tolerates "*" in development), "*" -> 400 too
 *  - unknown field paths in the mask -> 400; unknown JSON body fields -> 400
 *  - only the masked fields are returned; nextPageToken only if it is in the mask
 *  - pageSize capped at 20 (default 20), at most 60 results across pages
 *  - a pageToken must come with the same parameters as the first call (else 400)
 *  - locationRestriction must be a rectangle; places are filtered by it
 *  - failNext(n, status) makes the next n requests fail like Google does
 *    (429 RESOURCE_EXHAUSTED, 500 INTERNAL, 503 UNAVAILABLE)
 *  - every request is recorded (the key itself is not stored)
 * What it knows of the API (fields, errors, mask and body checks, page tokens) is in places-api.ts.
 */

import { AddressInfo } from "net"
import http from "http"

import {
  bodyError,
  decodePageToken,
  encodePageToken,
  FAILURES,
  googleError,
  invalidArgument,
  parametersHash,
  parseFieldMask,
  project,
} from "./places-api"

export interface FakePlace {
  id: string
  displayName: { text: string; languageCode?: string }
  location?: { latitude: number; longitude: number }
  [field: string]: unknown
}

export interface RecordedRequest {
  method: string
  path: string
  fieldMask: string | null
  keyPresent: boolean
  keyValid: boolean
  body: any
  status: number
}

export interface PlacesServerOptions {
  apiKey: string
  places: FakePlace[]
  /** which places match a textQuery; default: every place */
  match?: (textQuery: string, place: FakePlace) => boolean
  cap?: number
}

export interface PlacesServer {
  baseUrl: string
  requests: RecordedRequest[]
  /** requests that reached the search (valid key and mask) */
  readonly searchCount: number
  failNext(count: number, status?: 429 | 500 | 503): void
  setPlaces(places: FakePlace[]): void
  close(): Promise<void>
}

export async function startPlacesServer(
  options: PlacesServerOptions
): Promise<PlacesServer> {
  let places = options.places
  const cap = options.cap ?? 60
  const match = options.match ?? (() => true)
  const requests: RecordedRequest[] = []
  let failures: number[] = []
  let searchCount = 0

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const key = req.headers["x-goog-api-key"]
      const maskHeader = req.headers["x-goog-fieldmask"]
      const fieldMask = typeof maskHeader === "string" ? maskHeader : null
      const record: RecordedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        fieldMask,
        keyPresent: typeof key === "string" && key.length > 0,
        keyValid: key === options.apiKey,
        body: null,
        status: 0,
      }
      requests.push(record)
      const send = (status: number, body: unknown) => {
        record.status = status
        res.writeHead(status, {
          "Content-Type": "application/json; charset=UTF-8",
        })
        res.end(JSON.stringify(body))
      }

      if (req.method !== "POST" || req.url !== "/v1/places:searchText") {
        return send(
          404,
          googleError(
            404,
            "NOT_FOUND",
            `Method not found: ${req.method} ${req.url}`
          )
        )
      }
      if (!record.keyPresent) {
        return send(
          403,
          googleError(
            403,
            "PERMISSION_DENIED",
            "The request is missing a valid API key."
          )
        )
      }
      if (!record.keyValid) {
        return send(
          403,
          googleError(
            403,
            "PERMISSION_DENIED",
            "API key not valid. Please pass a valid API key."
          )
        )
      }
      if (failures.length > 0) {
        const status = failures.shift() as number
        const [s, m] = FAILURES[status]
        return send(status, googleError(status, s, m))
      }
      if (!fieldMask || !fieldMask.trim()) {
        return send(
          400,
          invalidArgument(
            "FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters on how to provide it. As an example, you can set the header 'X-Goog-FieldMask' to 'displayName' in order to request the display name field."
          )
        )
      }
      const mask = parseFieldMask(fieldMask)
      if (typeof mask === "string") {
        return send(400, invalidArgument(mask))
      }
      const { placeFields, wantToken } = mask

      let body: any
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}")
      } catch (e) {
        return send(
          400,
          invalidArgument(`Invalid JSON payload received. ${e.message}`)
        )
      }
      record.body = body
      const refused = bodyError(body)
      if (refused) {
        return send(400, invalidArgument(refused))
      }
      const rect = body.locationRestriction?.rectangle
      const pageSize = Math.min(
        20,
        body.pageSize > 0 ? Math.floor(body.pageSize) : 20
      )
      const hash = parametersHash(body)
      let offset = 0
      if (body.pageToken !== undefined) {
        const decoded = decodePageToken(body.pageToken, hash)
        if (decoded === null) {
          return send(
            400,
            invalidArgument(
              "Invalid page_token, or the request parameters do not match those of the initial request."
            )
          )
        }
        offset = decoded
      }

      searchCount += 1
      const inRect = (p: FakePlace) => {
        if (!p.location) {
          return body.includePureServiceAreaBusinesses === true
        }
        if (!rect) {
          return true
        }
        const { latitude, longitude } = p.location
        return (
          latitude >= rect.low.latitude &&
          latitude <= rect.high.latitude &&
          longitude >= rect.low.longitude &&
          longitude <= rect.high.longitude
        )
      }
      const matching = places
        .filter((p) => inRect(p) && match(body.textQuery, p))
        .slice(0, cap)
      const pagePlaces = matching.slice(offset, offset + pageSize)
      const out: Record<string, unknown> = {}
      if (placeFields.size > 0 && pagePlaces.length > 0) {
        out.places = pagePlaces.map((p) => project(p, placeFields))
      }
      const next = offset + pageSize
      if (wantToken && next < matching.length) {
        out.nextPageToken = encodePageToken(next, hash)
      }
      send(200, out)
    })
  })

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get searchCount() {
      return searchCount
    },
    failNext(count: number, status: 429 | 500 | 503 = 429) {
      failures = failures.concat(Array(count).fill(status))
    },
    setPlaces(next: FakePlace[]) {
      places = next
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}

/** Deterministic grid of fake garages inside a rectangle, for tiling tests. */
export function gridPlaces(
  count: number,
  rect: {
    low: { latitude: number; longitude: number }
    high: { latitude: number; longitude: number }
  },
  prefix = "grid"
): FakePlace[] {
  const side = Math.ceil(Math.sqrt(count))
  const out: FakePlace[] = []
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / side)
    const col = i % side
    const latitude =
      rect.low.latitude +
      ((row + 0.5) / side) * (rect.high.latitude - rect.low.latitude)
    const longitude =
      rect.low.longitude +
      ((col + 0.5) / side) * (rect.high.longitude - rect.low.longitude)
    out.push({
      id: `${prefix}-${i}`,
      displayName: { text: `Garage ${prefix} ${i}`, languageCode: "fr" },
      location: { latitude, longitude },
      types: ["car_repair", "point_of_interest", "establishment"],
      primaryType: "car_repair",
      businessStatus: "OPERATIONAL",
      nationalPhoneNumber: `71 ${String(100000 + i).slice(0, 3)} ${String(100000 + i).slice(3)}`,
      internationalPhoneNumber: `+216 71 ${String(100000 + i).slice(0, 3)} ${String(100000 + i).slice(3)}`,
      rating: 4.2,
      userRatingCount: 10 + i,
      googleMapsUri: `https://maps.google.com/?cid=${1000 + i}`,
      formattedAddress: `Rue ${i}, Tunis, Tunisie`,
    })
  }
  return out
}
