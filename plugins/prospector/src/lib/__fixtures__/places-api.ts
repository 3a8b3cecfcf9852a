/**
 * What the Places stand-in (places-server.ts) knows of Google Places API (New) Text Search: the field
 * paths and body fields it accepts, its error bodies, the field mask parsed, the body checked, page
 * tokens tied to the request's parameters, and a place projected on the mask. For tests only.
 */

import { createHash } from "crypto"

import type { FakePlace } from "./places-server"

const PLACE_FIELDS = new Set([
  "id",
  "name",
  "displayName",
  "types",
  "primaryType",
  "primaryTypeDisplayName",
  "nationalPhoneNumber",
  "internationalPhoneNumber",
  "formattedAddress",
  "shortFormattedAddress",
  "addressComponents",
  "plusCode",
  "location",
  "viewport",
  "rating",
  "googleMapsUri",
  "websiteUri",
  "reviews",
  "regularOpeningHours",
  "utcOffsetMinutes",
  "photos",
  "adrFormatAddress",
  "businessStatus",
  "priceLevel",
  "attributions",
  "iconMaskBaseUri",
  "iconBackgroundColor",
  "currentOpeningHours",
  "userRatingCount",
  "editorialSummary",
  "movedPlaceId",
  "pureServiceAreaBusiness",
  "containingPlaces",
  "consumerAlert",
  "googleMapsLinks",
])

const BODY_FIELDS = new Set([
  "textQuery",
  "languageCode",
  "regionCode",
  "rankPreference",
  "includedType",
  "openNow",
  "minRating",
  "maxResultCount",
  "pageSize",
  "pageToken",
  "priceLevels",
  "strictTypeFiltering",
  "locationBias",
  "locationRestriction",
  "evOptions",
  "routingParameters",
  "searchAlongRouteParameters",
  "includePureServiceAreaBusinesses",
  "includeFutureOpeningBusinesses",
])

export function googleError(code: number, status: string, message: string) {
  return { error: { code, message, status } }
}

export const FAILURES: Record<number, [string, string]> = {
  429: [
    "RESOURCE_EXHAUSTED",
    "Resource has been exhausted (e.g. check quota).",
  ],
  500: ["INTERNAL", "Internal error encountered."],
  503: ["UNAVAILABLE", "The service is currently unavailable."],
}

/** Google's 400 INVALID_ARGUMENT body. */
export function invalidArgument(message: string) {
  return googleError(400, "INVALID_ARGUMENT", message)
}

/** The place fields a mask asks for (null: the whole field; else its sub-fields), and nextPageToken. */
export type FieldMask = {
  placeFields: Map<string, Set<string> | null>
  wantToken: boolean
}

/** An X-Goog-FieldMask header parsed, or the message of Google's 400 for it. */
export function parseFieldMask(mask: string): FieldMask | string {
  const placeFields = new Map<string, Set<string> | null>()
  let wantToken = false
  for (const raw of mask.split(",")) {
    const path = raw.trim()
    if (path.includes("*")) {
      return "Wildcard field masks are not accepted by this server: list the fields explicitly."
    }
    if (path === "nextPageToken") {
      wantToken = true
      continue
    }
    const parts = path.split(".")
    if (
      parts[0] !== "places" ||
      parts.length < 2 ||
      !PLACE_FIELDS.has(parts[1])
    ) {
      return `Error expanding 'fields' parameter. Cannot find matching fields for path '${path}'.`
    }
    if (parts.length === 2) {
      placeFields.set(parts[1], null)
    } else if (placeFields.get(parts[1]) !== null) {
      const sub = placeFields.get(parts[1]) ?? new Set<string>()
      sub.add(parts.slice(2).join("."))
      placeFields.set(parts[1], sub)
    }
  }
  return { placeFields, wantToken }
}

/** The message of Google's 400 for a Text Search body, or null when the body is accepted. */
export function bodyError(body: any): string | null {
  for (const k of Object.keys(body)) {
    if (!BODY_FIELDS.has(k)) {
      return `Invalid JSON payload received. Unknown name "${k}": Cannot find field.`
    }
  }
  if (typeof body.textQuery !== "string" || !body.textQuery.trim()) {
    return "Missing required field: text_query."
  }
  if (body.locationRestriction && body.locationBias) {
    return "location_bias cannot be set along with location_restriction."
  }
  if (body.locationRestriction && !body.locationRestriction.rectangle) {
    return "location_restriction must be a rectangle for Text Search."
  }
  return null
}

/** What ties a page token to its first request: a hash of the parameters other than paging. */
export function parametersHash(body: any): string {
  const { pageToken: _pt, pageSize: _ps, maxResultCount: _mr, ...rest } = body
  return createHash("sha256")
    .update(JSON.stringify(rest))
    .digest("hex")
    .slice(0, 16)
}

export function encodePageToken(offset: number, hash: string): string {
  return Buffer.from(JSON.stringify({ o: offset, h: hash })).toString(
    "base64url"
  )
}

/** The offset a page token stands for, or null when it is not one of this request's tokens. */
export function decodePageToken(token: unknown, hash: string): number | null {
  let decoded: any = null
  try {
    decoded = JSON.parse(
      Buffer.from(String(token), "base64url").toString("utf8")
    )
  } catch {
    decoded = null
  }
  if (!decoded || decoded.h !== hash || !Number.isInteger(decoded.o)) {
    return null
  }
  return decoded.o
}

export function project(
  place: FakePlace,
  placeFields: Map<string, Set<string> | null>
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, sub] of placeFields) {
    if (!(field in place) || place[field] === undefined) {
      continue
    }
    const value = place[field] as any
    if (sub && value && typeof value === "object" && !Array.isArray(value)) {
      const picked: Record<string, unknown> = {}
      for (const s of sub) {
        if (s in value) {
          picked[s] = value[s]
        }
      }
      out[field] = picked
    } else {
      out[field] = value
    }
  }
  return out
}
