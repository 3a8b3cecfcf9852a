/** Pure checks of a Places request: the search rectangle, its quarters, the field mask, and the API key kept out of messages. */
import type { Rectangle } from "./places-types"

/** Replaces every occurrence of `secret` in `text` with [REDACTED]. */
export function redactSecret(
  text: string,
  secret: string | undefined | null
): string {
  if (!secret) {
    return text
  }
  return text.split(secret).join("[REDACTED]")
}

export function validateRectangle(rect: Rectangle, where = "rectangle"): void {
  const { low, high } = rect ?? ({} as Rectangle)
  const nums = [low?.latitude, low?.longitude, high?.latitude, high?.longitude]
  if (nums.some((n) => typeof n !== "number" || !Number.isFinite(n))) {
    throw new Error(
      `${where}: low/high latitude and longitude must be finite numbers`
    )
  }
  if (low.latitude < -90 || high.latitude > 90) {
    throw new Error(`${where}: latitude out of range [-90, 90]`)
  }
  if (low.latitude >= high.latitude) {
    throw new Error(
      `${where}: low.latitude (${low.latitude}) must be below high.latitude (${high.latitude})`
    )
  }
  if (low.longitude >= high.longitude) {
    throw new Error(
      `${where}: low.longitude (${low.longitude}) must be below high.longitude (${high.longitude})`
    )
  }
}

/** Splits a rectangle into 4 quarters: SW, SE, NW, NE. */
export function splitRectangle(
  rect: Rectangle
): [Rectangle, Rectangle, Rectangle, Rectangle] {
  const midLat = (rect.low.latitude + rect.high.latitude) / 2
  const midLng = (rect.low.longitude + rect.high.longitude) / 2
  const r = (
    lat0: number,
    lng0: number,
    lat1: number,
    lng1: number
  ): Rectangle => ({
    low: { latitude: lat0, longitude: lng0 },
    high: { latitude: lat1, longitude: lng1 },
  })
  return [
    r(rect.low.latitude, rect.low.longitude, midLat, midLng),
    r(rect.low.latitude, midLng, midLat, rect.high.longitude),
    r(midLat, rect.low.longitude, rect.high.latitude, midLng),
    r(midLat, midLng, rect.high.latitude, rect.high.longitude),
  ]
}

export function validateFieldMask(mask: readonly string[]): string {
  if (!Array.isArray(mask) || mask.length === 0) {
    throw new Error(
      "Places field mask must list the fields explicitly (it is empty)"
    )
  }
  for (const field of mask) {
    if (typeof field !== "string" || !field.trim()) {
      throw new Error("Places field mask contains an empty field")
    }
    if (field.includes("*")) {
      throw new Error(
        `Places field mask must not use a wildcard ("${field}"): list the fields explicitly`
      )
    }
    if (field !== "nextPageToken" && !field.startsWith("places.")) {
      throw new Error(
        `Places field mask entry "${field}" must start with "places." (or be nextPageToken)`
      )
    }
  }
  const set = new Set(mask.map((f) => f.trim()))
  // paging needs the token and dedupe needs the id
  set.add("nextPageToken")
  set.add("places.id")
  return [...set].join(",")
}
