/**
 * The Prospects list in Chromium, as the owner, with 10,000 leads inserted by SQL: it loads one page of
 * 50 and pages on the server (no call downloads the whole table). Moved out of prospector-pages.test.ts,
 * whose screens it shares nothing with but the list.
 */
import {
  adminUrl,
  gotoAdmin,
  ownerPageForSuite,
  recordResponses,
  screenshot,
} from "../helpers/browser"
import { sql } from "../helpers/env"
import { deleteBulkLeads, insertBulkLeads } from "./prospector-screens"

const BULK = 10_000

const owner = ownerPageForSuite({ locale: "fr-FR" })

afterAll(async () => {
  await deleteBulkLeads().catch(() => undefined)
})

describe("the Prospects list with many leads", () => {
  it(`with ${BULK.toLocaleString("en")} leads the list loads one page of 50, and pages on the server`, async () => {
    await insertBulkLeads(BULK)
    const recorded = recordResponses(owner.page, (url) =>
      url.pathname.startsWith("/admin/prospector/leads")
    )
    const t0 = Date.now()
    await gotoAdmin(owner.page, adminUrl("/a/prospects"))
    await owner.page
      .getByTestId("leads-table")
      .locator("tbody tr")
      .nth(49)
      .waitFor()
    const loadMs = Date.now() - t0
    await expect(
      owner.page.getByTestId("leads-table").locator("tbody tr").count()
    ).resolves.toBe(50)
    const [{ total }] = await sql(
      `SELECT count(*)::int AS total FROM prospector_lead`
    )
    expect(total).toBeGreaterThanOrEqual(BULK)
    await expect(
      owner.page.getByTestId("pager").textContent()
    ).resolves.toContain(`1–50 sur ${total.toLocaleString("fr-FR")}`)

    await Promise.all([
      owner.page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname === "/admin/prospector/leads" &&
          new URL(r.url()).searchParams.get("offset") === "50"
      ),
      owner.page.getByRole("button", { name: "Suivant" }).click(),
    ])
    await expect(
      owner.page.getByTestId("pager").textContent()
    ).resolves.toContain("51–100 sur")
    recorded.stop()
    const seen = await recorded.read()
    const lists = seen.filter(
      (s) => s.url.pathname === "/admin/prospector/leads"
    )
    expect(lists.length).toBeGreaterThanOrEqual(2)
    expect(lists.every((s) => s.url.searchParams.get("limit") === "50")).toBe(
      true
    )
    // nothing downloads the whole table: no export call, every answer small
    expect(seen.some((s) => s.url.pathname.endsWith("/export"))).toBe(false)
    expect(Math.max(...seen.map((s) => s.bytes))).toBeLessThan(200_000)
    await screenshot(owner.page, "prospector-07-ten-thousand-leads")
    process.stdout.write(
      `[prospector-pages] ${total} leads: first screen in ${loadMs} ms, list calls ${lists.map((s) => `${s.ms} ms / ${s.bytes} B`).join(", ")}\n`
    )
  })
})
