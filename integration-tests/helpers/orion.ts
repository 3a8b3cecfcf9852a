import request from "supertest"
import { adminHeaders, testEnv } from "./env"
import { sleep } from "./poll"

/**
 * A weekly Orion forecast run as of a past Sunday, started through the admin API (waiting out another
 * test's run: 409 while one runs) and awaited until it has succeeded; the run as the API returns it.
 */
export async function orionRunAsOf(asOf: string, horizon = 4): Promise<any> {
  const api = () => request(testEnv().baseUrl)
  const headers = await adminHeaders()
  let started: request.Response
  for (let i = 0; ; i++) {
    started = await api()
      .post("/admin/orion/runs")
      .set(headers)
      .send({ frequency: "week", horizon, as_of: asOf })
    if (started.status !== 409 || i > 240) {
      break
    }
    await sleep(2000)
  }
  expect(started.status).toBe(202)
  for (;;) {
    const res = await api()
      .get(`/admin/orion/runs/${started.body.run.id}`)
      .set(headers)
    expect(res.status).toBe(200)
    if (res.body.run.status !== "running") {
      expect({
        status: res.body.run.status,
        error: res.body.run.error,
      }).toEqual({ status: "succeeded", error: null })
      return res.body.run
    }
    await sleep(1000)
  }
}
