/**
 * For the prospector screens' suite: the Sousse places the Places stand-in holds, 10,000 leads inserted
 * by SQL, and the wait for the leads list's call.
 */
import type { Page } from "playwright-core"
import { FakePlace } from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import { sql } from "../helpers/env"
import { placeMaker } from "../prospector/helpers"

export const ARABIC_NAME = "ورشة النجاح لميكانيك السيارات"
export const ARABIC_ADDRESS = "نهج الحبيب بورقيبة، سوسة"

const operational = placeMaker((id) => ({
  businessStatus: "OPERATIONAL",
  googleMapsUri: `https://maps.google.com/?cid=${id}`,
}))

/** Inside the Sousse rectangle (35.78..35.87, 10.56..10.66). */
export const SOUSSE: FakePlace[] = [
  operational("ui-arabic", ARABIC_NAME, 35.82, 10.6, {
    formattedAddress: ARABIC_ADDRESS,
    internationalPhoneNumber: "+216 73 222 333",
    rating: 4.7,
    userRatingCount: 210,
  }),
  operational("ui-body", "Carrosserie Sahel Élite", 35.821, 10.601, {
    internationalPhoneNumber: "+216 73 444 555",
    rating: 4.2,
    userRatingCount: 35,
  }),
  operational("ui-small", "Mécanique Générale Khezama", 35.83, 10.61),
  operational("ui-parts", "Pièces Auto Sousse Centre", 35.831, 10.611, {
    types: ["auto_parts_store", "store"],
    primaryType: "auto_parts_store",
  }),
]

/** `count` leads in Kairouan (place ids "ui-bulk-<n>", scores 0..100), inserted by SQL. */
export async function insertBulkLeads(count: number): Promise<void> {
  await sql(
    `INSERT INTO prospector_lead (id, place_id, name, name_folded, city, governorate, first_seen_at, last_seen_at, fetched_at,
       score, score_band, score_breakdown, kind)
     SELECT 'plead_uibulk_' || g, 'ui-bulk-' || g, 'Garage Kairouan ' || g, 'garage kairouan ' || g, 'Kairouan', 'Kairouan', now(), now(), now(),
       g % 101, CASE WHEN g % 101 >= 70 THEN 'high' WHEN g % 101 >= 40 THEN 'medium' ELSE 'low' END, '[]'::jsonb, 'lead'
     FROM generate_series(1, ${count}) g`
  )
}

/** Removes the leads insertBulkLeads inserted. */
export async function deleteBulkLeads(): Promise<void> {
  await sql(`DELETE FROM prospector_lead WHERE place_id LIKE 'ui-bulk-%'`)
}

/** Waits for the admin's list call whose query string contains every `expected` pair. */
export function leadsResponse(page: Page, expected: Record<string, string>) {
  return page.waitForResponse((r) => {
    const url = new URL(r.url())
    return (
      url.pathname === "/admin/prospector/leads" &&
      Object.entries(expected).every(([k, v]) => url.searchParams.get(k) === v)
    )
  })
}
