/** Orion's admin API as the Orion suites call it (supertest), and the sales and weather CSV uploads. */
import request from "supertest"
import { adminHeaders, testEnv } from "../helpers/env"
import { until } from "../helpers/poll"

export const api = () => request(testEnv().baseUrl)

/** A call as the owner; `body` is sent as JSON. */
export async function admin(
  method: "get" | "post" | "delete",
  url: string,
  body?: unknown
) {
  const r = api()
    [method](url)
    .set(await adminHeaders())
  return body === undefined ? r : r.send(body as object)
}

/** A CSV file posted as the multipart field "file", without credentials. */
export function uploadAnonymously(url: string, content: string, name: string) {
  return api().post(url).attach("file", Buffer.from(content, "utf8"), {
    filename: name,
    contentType: "text/csv",
  })
}

/** A CSV file posted as the multipart field "file", as the owner. */
export async function uploadCsv(url: string, content: string, name: string) {
  return uploadAnonymously(url, content, name).set(await adminHeaders())
}

/** A sales history file posted to POST /admin/orion/sales-history/imports, as the owner. */
export function importSales(content: string, name = "sales.csv") {
  return uploadCsv("/admin/orion/sales-history/imports", content, name)
}

/** A multipart post without the "file" field, as the owner. */
export async function postWithoutFile(url: string) {
  return api()
    .post(url)
    .set(await adminHeaders())
    .field("x", "y")
}

/** Polls GET /admin/orion/runs/:id until the run is no longer running; the run as the API returns it. */
export function finishedRun(runId: string, within = 240000): Promise<any> {
  return until(
    `run ${runId} to finish`,
    async () => {
      const res = await admin("get", `/admin/orion/runs/${runId}`)
      expect(res.status).toBe(200)
      return res.body.run.status !== "running" ? res.body.run : null
    },
    { within }
  )
}

/** GET /admin/orion/forecasts for one variant, as the owner. */
export const forecastOf = (variantId: string) =>
  admin("get", `/admin/orion/forecasts?variant_id=${variantId}`)

/** A GET as the owner whose body is kept as bytes (a CSV download). */
export async function download(url: string) {
  return api()
    .get(url)
    .set(await adminHeaders())
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = []
      r.on("data", (c: Buffer) => chunks.push(c))
      r.on("end", () => cb(null, Buffer.concat(chunks)))
    })
}

/**
 * What every CSV import route answers to a file with the wrong header (400, row 1 naming the expected
 * header) and to a post without the "file" field (400 naming it).
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
  const noFile = await postWithoutFile(url)
  expect(noFile.status).toBe(400)
  expect(noFile.body.message).toContain('field named "file"')
}
