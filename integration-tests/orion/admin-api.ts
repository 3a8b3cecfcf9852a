/** Orion's admin API as the Orion suites call it (helpers/http.ts): the sales and weather CSV uploads, a run awaited. */
import { adminCall, call, csvForm } from "../helpers/http"
import { until } from "../helpers/poll"

/** A CSV file posted as the multipart field "file", without credentials. */
export function uploadAnonymously(url: string, content: string, name: string) {
  return call("POST", url, undefined, { form: csvForm(content, name) })
}

/** A CSV file posted as the multipart field "file", as the owner. */
export function uploadCsv(url: string, content: string, name: string) {
  return adminCall("POST", url, undefined, { form: csvForm(content, name) })
}

/** A sales history file posted to POST /admin/orion/sales-history/imports, as the owner. */
export function importSales(content: string, name = "sales.csv") {
  return uploadCsv("/admin/orion/sales-history/imports", content, name)
}

/** Polls GET /admin/orion/runs/:id until the run is no longer running; the run as the API returns it. */
export function finishedRun(runId: string, within = 240000): Promise<any> {
  return until(
    `run ${runId} to finish`,
    async () => {
      const res = await adminCall("GET", `/admin/orion/runs/${runId}`)
      expect(res.status).toBe(200)
      return res.body.run.status !== "running" ? res.body.run : null
    },
    { within }
  )
}

/** GET /admin/orion/forecasts for one variant, as the owner. */
export const forecastOf = (variantId: string) =>
  adminCall("GET", `/admin/orion/forecasts?variant_id=${variantId}`)

/**
 * What every CSV import route answers to a file with the wrong header (400, row 1 naming the expected
 * header) and to a multipart post without the "file" field (400 naming it).
 */
export async function expectHeaderAndFileRefused(
  url: string,
  wrongHeaderFile: string,
  header: string
): Promise<void> {
  const wrong = await uploadCsv(url, wrongHeaderFile, "wrong-header.csv")
  expect(wrong.status).toBe(400)
  expect(wrong.body.errors[0]).toMatchObject({
    row: 1,
    reason: expect.stringContaining(header),
  })
  const withoutFile = new FormData()
  withoutFile.append("x", "y")
  const noFile = await adminCall("POST", url, undefined, { form: withoutFile })
  expect(noFile.status).toBe(400)
  expect(noFile.body.message).toContain('field named "file"')
}
