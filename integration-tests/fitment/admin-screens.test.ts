/**
 * The admin API extensions made for the fitment screens (Véhicules, Imports, Marques):
 * a vehicle's parts (paged), the paged coverage report (models ranked by units sold, vehicles without parts),
 * the merge preview (dry run = the real merge rolled back) and background imports with their progress.
 */
import { sql } from "../helpers/env"
import { placeOrder } from "../helpers/orders"
import { admin, merge } from "./helpers"
import { backgroundImport, createScreenCatalogue } from "./admin-screens-setup"

jest.setTimeout(300000)

const p: Record<string, string> = {}
const v: Record<string, string> = {}

beforeAll(async () => {
  await createScreenCatalogue(p, v)
})

describe("GET /admin/vehicles/:id/products", () => {
  it("pages the parts of a vehicle, ordered by title, with the product to link to", async () => {
    const first = await admin(
      "GET",
      `/admin/vehicles/${v["Sigma 1.4"]}/products?limit=2`
    )
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      vehicle_id: v["Sigma 1.4"],
      count: 3,
      limit: 2,
      offset: 0,
    })
    expect(first.body.links.map((l: any) => l.product.title)).toEqual([
      "Disque Ecran",
      "Filtre Ecran",
    ])
    expect(first.body.links[0]).toMatchObject({
      position: "front",
      quantity: 2,
      product: { id: p.disc, handle: "ecran-disque", status: "published" },
    })
    const second = await admin(
      "GET",
      `/admin/vehicles/${v["Sigma 1.4"]}/products?limit=2&offset=2`
    )
    expect(second.body.links.map((l: any) => l.product.id)).toEqual([p.pad])
    const search = await admin(
      "GET",
      `/admin/vehicles/${v["Sigma 1.4"]}/products?q=plaquette`
    )
    expect(search.body).toMatchObject({
      count: 1,
      links: [{ product: { id: p.pad } }],
    })
    expect(
      (await admin("GET", `/admin/vehicles/${v["Ypsilon 1.0"]}/products`)).body
    ).toMatchObject({ count: 0, links: [] })
    expect(
      (await admin("GET", `/admin/vehicles/veh_nope/products`)).status
    ).toBe(404)
    const bad = await admin(
      "GET",
      `/admin/vehicles/${v["Sigma 1.4"]}/products?limit=abc`
    )
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/limit/)
  })
})

describe("paged coverage", () => {
  it("ranks the models by units sold of their parts, and keeps those with few parts", async () => {
    const variant = await sql<{ id: string }>(
      `SELECT id FROM product_variant WHERE product_id = $1`,
      [p.filter]
    )
    expect(
      (
        await admin(
          "POST",
          `/admin/products/${p.filter}/variants/${variant[0].id}`,
          { inventory_quantity: 20 }
        )
      ).status
    ).toBe(200)
    await placeOrder(variant[0].id, 3)
    const res = await admin(
      "GET",
      "/admin/fitment/coverage/models?q=Ecranmake&limit=10"
    )
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(3)
    // Sigma and Tau both fit the filter (3 sold); Sigma has more parts, Ypsilon has none and sold nothing
    expect(
      res.body.models.map((m: any) => [
        m.model,
        m.vehicles,
        m.vehicles_without_parts,
        m.parts,
        m.sold,
      ])
    ).toEqual([
      ["Tau", 2, 1, 1, 3],
      ["Sigma", 3, 1, 3, 3],
      ["Ypsilon", 1, 1, 0, 0],
    ])
    const few = await admin(
      "GET",
      "/admin/fitment/coverage/models?q=Ecranmake&max_parts=1"
    )
    expect(few.body.models.map((m: any) => m.model)).toEqual(["Tau", "Ypsilon"])
    const byGap = await admin(
      "GET",
      "/admin/fitment/coverage/models?q=Ecranmake&sort=parts&limit=1&offset=1"
    )
    expect(byGap.body).toMatchObject({
      count: 3,
      limit: 1,
      offset: 1,
      models: [{ model: "Tau" }],
    })
    const [totals] = await sql(
      `SELECT (SELECT count(*)::int FROM vehicle) AS vehicles,
              (SELECT count(*)::int FROM vehicle v WHERE NOT EXISTS (SELECT 1 FROM fitment f JOIN product p ON p.id = f.product_id
                 AND p.deleted_at IS NULL WHERE f.vehicle_id = v.id)) AS vehicles_without_parts`
    )
    expect(res.body.totals).toMatchObject(totals)
    const bad = await admin("GET", "/admin/fitment/coverage/models?sort=price")
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/sort/)
    expect(
      (await admin("GET", "/admin/fitment/coverage/models?max_parts=-1")).status
    ).toBe(400)
  })

  it("pages the vehicles no part fits", async () => {
    const res = await admin(
      "GET",
      "/admin/fitment/coverage/vehicles?q=Ecranmake&limit=2"
    )
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(3)
    expect(res.body.vehicles.map((x: any) => x.id)).toEqual([
      v["Sigma 1.6"],
      v["Tau 1.5"],
    ])
    const next = await admin(
      "GET",
      "/admin/fitment/coverage/vehicles?q=Ecranmake&limit=2&offset=2"
    )
    expect(
      next.body.vehicles.map((x: any) => `${x.model.name} ${x.engine}`)
    ).toEqual(["Ypsilon 1.0"])
  })
})

describe("merge preview (dry_run)", () => {
  it("says what would move, writes nothing, and matches the real merge", async () => {
    const before = await sql(
      `SELECT id, vehicle_id, quantity, note_fr FROM fitment WHERE vehicle_id = ANY($1) ORDER BY id`,
      [[v["Sigma 1.4"], v["Sigma 1.4 i"]]]
    )
    const merges = (
      await sql(`SELECT count(*)::int AS n FROM fitment_merge`)
    )[0].n
    const preview = await merge("vehicle", v["Sigma 1.4"], v["Sigma 1.4 i"], {
      dry_run: true,
    })
    expect(preview.status).toBe(200)
    expect(preview.body.preview).toMatchObject({
      dry_run: true,
      entity: "vehicle",
      survivor: { id: v["Sigma 1.4"] },
      merged: { id: v["Sigma 1.4 i"], engine: "1.4 i" },
      // the front disc is the same link on both: folded; the rear pad moves
      moves: {
        links: 2,
        links_moved: 1,
        links_folded: 1,
        products: 2,
        vehicles: 1,
      },
    })
    expect(preview.body.preview.products.map((x: any) => x.title)).toEqual([
      "Disque Ecran",
      "Plaquette Ecran",
    ])
    expect(
      await sql(
        `SELECT id, vehicle_id, quantity, note_fr FROM fitment WHERE vehicle_id = ANY($1) ORDER BY id`,
        [[v["Sigma 1.4"], v["Sigma 1.4 i"]]]
      )
    ).toEqual(before)
    expect(
      (await sql(`SELECT count(*)::int AS n FROM fitment_merge`))[0].n
    ).toBe(merges)
    expect(
      (await admin("GET", `/admin/vehicles/${v["Sigma 1.4 i"]}`)).status
    ).toBe(200)

    const real = await merge("vehicle", v["Sigma 1.4"], v["Sigma 1.4 i"])
    expect(real.status).toBe(200)
    expect(real.body.merge.moved_links).toBe(preview.body.preview.moves.links)
    expect(
      (await admin("GET", `/admin/vehicles/${v["Sigma 1.4"]}/products`)).body
        .count
    ).toBe(4)
  })

  it("previews a model merge and refuses bad input", async () => {
    const models = await sql<{ id: string; name: string }>(
      `SELECT md.id, md.name FROM vehicle_model md JOIN vehicle_make mk ON mk.id = md.make_id WHERE mk.name = 'Ecranmake'`
    )
    const id = Object.fromEntries(models.map((m) => [m.name, m.id]))
    const preview = await merge("model", id.Sigma, id.Tau, { dry_run: true })
    expect(preview.status).toBe(200)
    expect(preview.body.preview.moves).toMatchObject({
      links: 1,
      links_moved: 1,
      links_folded: 0,
      vehicles: 2,
      vehicles_folded: 0,
      models: 1,
      models_folded: 1,
    })
    expect(
      (await admin("GET", `/admin/vehicles/models/${id.Tau}`)).status
    ).toBe(200)
    const self = await merge("model", id.Sigma, id.Sigma, { dry_run: true })
    expect(self.status).toBe(400)
    const entity = await merge("engine", id.Sigma, id.Tau, { dry_run: true })
    expect(entity.status).toBe(400)
    expect(entity.body.message).toMatch(/entity/)
    const flag = await merge("model", id.Sigma, id.Tau, {
      dry_run: "peut-être",
    })
    expect(flag.status).toBe(400)
    expect(flag.body.message).toMatch(/dry_run/)
    expect(
      (await merge("model", id.Sigma, "vmodel_nope", { dry_run: true })).status
    ).toBe(404)
  })
})

describe("background imports", () => {
  const fitments = [
    "sku,make,model,year_from,engine_code,position,qty",
    "ECR-PAD,Ecranmake,Ypsilon,2019,EY10,avant,4",
    "ECR-NOPE,Ecranmake,Ypsilon,2019,EY10,avant,4",
  ].join("\n")

  it("answers 202 at once, reports progress, then the dry-run result with the invalid rows", async () => {
    const { id, job, seen } = await backgroundImport("fitments", fitments, {
      dry_run: true,
    })
    expect(job.status).toBe("done")
    expect(job.progress.percent).toBe(100)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
    expect(job.result).toMatchObject({
      id,
      dry_run: true,
      applied: false,
      summary: { invalid: 1 },
    })
    expect(job.result.invalid_rows).toEqual([
      {
        row: 3,
        errors: [expect.objectContaining({ column: "sku", value: "ECR-NOPE" })],
      },
    ])
    expect(job).toMatchObject({
      id,
      type: "fitments",
      dry_run: true,
      applied: false,
      has_invalid_rows: true,
    })
    expect(
      (await admin("GET", `/admin/vehicles/${v["Ypsilon 1.0"]}/products`)).body
        .count
    ).toBe(0)
  })

  it("applies with skip_invalid, logs the import in the paged history, and keeps the invalid rows", async () => {
    const { id, job } = await backgroundImport("fitments", fitments, {
      skip_invalid: true,
    })
    expect(job.result).toMatchObject({
      applied: true,
      stopped_reason: null,
      summary: { invalid: 1, links_created: 1 },
    })
    expect(
      (
        await admin("GET", `/admin/vehicles/${v["Ypsilon 1.0"]}/products`)
      ).body.links.map((l: any) => l.product.id)
    ).toEqual([p.pad])
    const history = await admin("GET", "/admin/fitment/imports?limit=2")
    expect(history.status).toBe(200)
    expect(history.body).toMatchObject({ limit: 2, offset: 0, running: [] })
    expect(history.body.imports[0]).toMatchObject({
      id,
      type: "fitments",
      applied: true,
      skip_invalid: true,
      has_invalid_rows: true,
    })
    expect(history.body.count).toBe(
      (await sql(`SELECT count(*)::int AS n FROM fitment_import`))[0].n
    )
    const older = await admin("GET", "/admin/fitment/imports?limit=2&offset=1")
    expect(older.body.imports[0].id).toBe(history.body.imports[1].id)
    const csv = await admin("GET", `/admin/fitment/imports/${id}/invalid-rows`)
    expect(csv.status).toBe(200)
    expect(csv.body).toMatch(/ECR-NOPE/)
  })

  it("reports an unreadable file as a failed import with the 400 reason", async () => {
    const { job } = await backgroundImport(
      "vehicles",
      "couleur,prix\nrouge,3\n"
    )
    expect(job.status).toBe("failed")
    expect(job.error.status).toBe(400)
    expect(job.error.message).toMatch(/make/)
    expect(
      (await admin("GET", "/admin/fitment/imports/fimp_nope")).status
    ).toBe(404)
  })
})
