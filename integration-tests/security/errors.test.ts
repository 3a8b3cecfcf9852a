/**
 * Bad input gets a 400/404 in Medusa's error shape naming the field, never a 500, an HTML page, a stack
 * trace, a path or SQL: the concrete cases of the security review (issue 12), on custom and core routes.
 */
import { sql } from "../helpers/env"
import { call as send } from "../helpers/http"

const call = (method: string, path: string, raw?: string, admin = true) =>
  send(method, path, undefined, { raw, admin })

/** No stack frame, absolute path of this machine or SQL in an answer. */
export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(
    /\s+at\s+\S+\s+\(|node_modules|\/work\/|\/home\/|\/app\/dist|\.js:\d+|SELECT\s|INSERT\s|UPDATE\s+\S+\s+SET|QueryFailedError/i
  )
}

describe("malformed JSON bodies", () => {
  it.each([
    ["POST", "/admin/vehicles", true],
    ["POST", "/admin/brands", true],
    ["POST", "/admin/orion/runs", true],
    ["POST", "/admin/prospector/watched-pages", true],
    ["POST", "/store/carts", false],
    ["POST", "/admin/auth/token", false],
  ])("%s %s → 400 invalid_data as JSON", async (method, path, admin) => {
    const res = await call(method, path, '{"name": "Bosch",', admin)
    expect(res.status).toBe(400)
    expect(res.type).toMatch(/application\/json/)
    expect(res.body).toEqual({
      type: "invalid_data",
      message: expect.stringMatching(/^body: malformed JSON/),
    })
    expectNoLeak(res.text)
  })

  it("a JSON scalar body is refused the same way", async () => {
    const res = await call("POST", "/admin/brands", '"Bosch"')
    expect(res.status).toBe(400)
    expect(res.body.type).toBe("invalid_data")
  })
})

describe("brand bodies are typed", () => {
  const count = async () =>
    (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM brand`))[0].n

  it.each([
    [{ name: { $gt: "" } }, "name: must be text, got an object"],
    [{ name: 12345 }, "name: must be text, got a number"],
    [{ name: ["Bosch", "Valeo"] }, "name: must be text, got a list"],
    [{ name: "Sécurité", country: 33 }, "country: must be text, got a number"],
    [
      { name: "Sécurité", metadata: "x" },
      "metadata: must be a JSON object, got a string",
    ],
    [{ name: "Sécurité", is_admin: true }, "is_admin: unknown field"],
    [{}, "name: is required"],
  ])(
    "POST /admin/brands %j → 400 naming the field, nothing stored",
    async (body, message) => {
      const before = await count()
      const res = await call("POST", "/admin/brands", JSON.stringify(body))
      expect(res.status).toBe(400)
      expect(res.body.type).toBe("invalid_data")
      expect(res.body.message).toContain(message)
      expect(await count()).toBe(before)
    }
  )

  it("an update with a wrong type is refused and changes nothing", async () => {
    const [brand] = await sql<{ id: string; name: string }>(
      `SELECT id, name FROM brand ORDER BY id LIMIT 1`
    )
    const res = await call(
      "POST",
      `/admin/brands/${brand.id}`,
      JSON.stringify({ name: { $ne: null } })
    )
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/^name: must be text/)
    expect(
      (await sql(`SELECT name FROM brand WHERE id = $1`, [brand.id]))[0].name
    ).toBe(brand.name)
  })
})

describe("ids and filters", () => {
  it("a watch run over unknown page ids is a 404 naming them, and starts nothing", async () => {
    const [{ n: before }] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM prospector_run`
    )
    const res = await call(
      "POST",
      "/admin/prospector/watch-runs",
      JSON.stringify({ page_ids: ["pwp_nope"] })
    )
    expect(res.status).toBe(404)
    expect(res.body).toEqual({
      type: "not_found",
      message: "page_ids: no watched page with id pwp_nope",
    })
    const empty = await call(
      "POST",
      "/admin/prospector/watch-runs",
      JSON.stringify({ page_ids: [] })
    )
    expect(empty.status).toBe(400)
    expect(empty.body.message).toMatch(/^page_ids:/)
    expect(
      (
        await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM prospector_run`
        )
      )[0].n
    ).toBe(before)
  })

  it("an empty vehicle_id is a 400, not a dropped filter", async () => {
    for (const query of ["vehicle_id=", "vehicle_id[]=", "brand_id="]) {
      const res = await call(
        "GET",
        `/store/products?${query}`,
        undefined,
        false
      )
      expect({ query, status: res.status }).toEqual({ query, status: 400 })
      expect(res.body.message).toMatch(/^(vehicle_id|brand_id): /)
    }
    const [product] = await sql<{ id: string }>(
      `SELECT product_id AS id FROM fitment LIMIT 1`
    )
    const fitment = await call(
      "GET",
      `/store/products/${product.id}/fitment?vehicle_id=`,
      undefined,
      false
    )
    expect(fitment.status).toBe(400)
    expect(fitment.body.message).toBe("vehicle_id: is empty")
  })

  it("vehicle_id[1]=bogus is refused like a single bogus id, also next to a real one", async () => {
    const [vehicle] = await sql<{ id: string }>(
      `SELECT id FROM vehicle ORDER BY id LIMIT 1`
    )
    const single = await call(
      "GET",
      `/store/products?vehicle_id=bogus`,
      undefined,
      false
    )
    expect(single.status).toBe(400)
    for (const query of [
      "vehicle_id[1]=bogus",
      `vehicle_id[0]=${vehicle.id}&vehicle_id[1]=bogus`,
      `vehicle_id=${vehicle.id},bogus`,
    ]) {
      const res = await call(
        "GET",
        `/store/products?${query}`,
        undefined,
        false
      )
      expect({ query, status: res.status, message: res.body.message }).toEqual({
        query,
        status: 400,
        message: "vehicle_id: no vehicle with id bogus",
      })
    }
  })
})
