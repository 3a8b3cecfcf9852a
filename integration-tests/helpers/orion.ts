import { adminCall, Reply } from "./http"
import { sleep } from "./poll"

/**
 * A weekly Orion forecast run as of a past Sunday, started through the admin API (waiting out another
 * test's run: 409 while one runs) and awaited until it has succeeded; the run as the API returns it.
 */
export async function orionRunAsOf(asOf: string, horizon = 4): Promise<any> {
  let started: Reply
  for (let i = 0; ; i++) {
    started = await adminCall("POST", "/admin/orion/runs", {
      frequency: "week",
      horizon,
      as_of: asOf,
    })
    if (started.status !== 409 || i > 240) {
      break
    }
    await sleep(2000)
  }
  expect(started.status).toBe(202)
  for (;;) {
    const res = await adminCall(
      "GET",
      `/admin/orion/runs/${started.body.run.id}`
    )
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
