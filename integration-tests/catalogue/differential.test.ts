/**
 * Differential test of the catalogue read model (issue 10, "Identical answers"): on the demo catalogue plus a
 * sale, a customer-group price list with its logged-in customer, a draft product, a second sales channel with
 * its publishable key and a product sold only there, and a product with several options, variants and images,
 * at least 500 generated store requests are each sent twice — through stock Medusa (`x-catalogue-bypass: 1`)
 * and through the read model — and the two JSON answers must be the same, field for field.
 */
import { sql } from "../helpers/env"
import { compareAnswers } from "./compare"
import { createFixtures, type Fixtures } from "./fixtures"
import {
  catalogueSettled,
  differences,
  listed,
  products,
  reportDifferences,
  variants,
  type Outcome,
} from "./differential-setup"
import { jsonDiff, mapLimit, send } from "./helpers"
import { generateRequests, type GeneratedRequest } from "./requests"

const COUNT = 500
const SEED = 20261202

let f: Fixtures
let requests: GeneratedRequest[]
const outcomes: Outcome[] = []

beforeAll(async () => {
  f = await createFixtures()
  requests = generateRequests(f, COUNT, SEED)
  await catalogueSettled()
}, 180000)

describe("the comparison itself", () => {
  it("reports every field a deliberately altered copy of a core answer changes, by its JSON path", async () => {
    const req = {
      name: "rich",
      method: "GET" as const,
      path: `/store/products?id=${f.rich.id}&region_id=${f.regionId}`,
      headers: {},
    }
    const core = await send(req, true)
    expect(core.status).toBe(200)
    expect(core.json.products).toHaveLength(1)
    const same = await compareAnswers(req, core, {
      ...core,
      json: JSON.parse(core.text),
    })
    expect(same).toEqual([])

    const altered = JSON.parse(core.text)
    const p = altered.products[0]
    p.variants[1].calculated_price += 1
    p.variants[2].calculated_price_incl_tax = String(
      p.variants[2].calculated_price_incl_tax
    )
    delete p.variants[0].original_price
    p.variants[3].inventory_quantity = null
    // the image with the highest id goes: relations are compared sorted by id, so only the length differs
    const lastImage = [...p.images]
      .sort((x: any, y: any) => String(x.id).localeCompare(String(y.id)))
      .pop()
    p.images = p.images.filter((im: any) => im.id !== lastImage.id)
    p.extra = "x"
    altered.count += 1
    const diffs = await compareAnswers(req, core, { ...core, json: altered })
    expect(diffs.map((d) => d.path).sort()).toEqual(
      [
        "$.count",
        "$.products[0](" + f.rich.id + ").extra",
        "$.products[0](" + f.rich.id + ").images.length",
        "$.products[0](" + f.rich.id + ").variants[0].original_price",
        "$.products[0](" + f.rich.id + ").variants[1].calculated_price",
        "$.products[0](" +
          f.rich.id +
          ").variants[2].calculated_price_incl_tax",
        "$.products[0](" + f.rich.id + ").variants[3].inventory_quantity",
      ].sort()
    )
    // two variants swapped: core orders variants by variant_rank, so that is a difference too
    const swapped = JSON.parse(core.text)
    const [v0, v1] = swapped.products[0].variants
    swapped.products[0].variants[0] = v1
    swapped.products[0].variants[1] = v0
    expect(
      (await compareAnswers(req, core, { ...core, json: swapped })).length
    ).toBeGreaterThan(0)
    // images in another order are the same answer: core does not order them
    const shuffled = JSON.parse(core.text)
    shuffled.products[0].images.reverse()
    expect(
      await compareAnswers(req, core, { ...core, json: shuffled })
    ).toEqual([])
    // a different status is reported before the body
    expect(await compareAnswers(req, core, { ...core, status: 500 })).toEqual([
      { path: "(HTTP status)", core: 200, model: 500 },
    ])
  })

  it("tells a reordered page from ties: products swapped across different created_at values are a difference", async () => {
    const req = {
      name: "page",
      method: "GET" as const,
      path: "/store/products?order=title&limit=5",
      headers: {},
    }
    const core = await send(req, true)
    const swapped = JSON.parse(core.text)
    ;[swapped.products[0], swapped.products[1]] = [
      swapped.products[1],
      swapped.products[0],
    ]
    const diffs = await compareAnswers(req, core, { ...core, json: swapped })
    expect(diffs.map((d) => d.path)).toContain("$.products[*].title[0]")
    expect(jsonDiff({ a: [1, { b: 2 }] }, { a: [1, { b: "2" }] })).toEqual([
      { path: "$.a[1].b", core: 2, model: "2" },
    ])
    expect(jsonDiff({ a: null }, {})).toEqual([
      { path: "$.a", core: null, model: "(missing)" },
    ])
  })

  it("accepts another order or another member of a run of equal created_at (core defines neither), but checks that member's fields", async () => {
    // products created in one transaction (an import) share created_at: core's default order (-created_at)
    // ties them. The demo products are dated a minute apart, so a run of them is tied here first.
    const before = await send(
      {
        name: "page",
        method: "GET" as const,
        path: `/store/products?limit=41&offset=10&region_id=${f.regionId}`,
        headers: {},
      },
      true
    )
    const tied = (before.json.products as any[]).map((p) => p.id)
    await sql(
      `UPDATE product SET created_at = (SELECT max(created_at) FROM product WHERE id = ANY($1)) WHERE id = ANY($1)`,
      [tied]
    )
    await catalogueSettled()
    const req = {
      name: "tied page",
      method: "GET" as const,
      path: `/store/products?limit=5&offset=10&region_id=${f.regionId}`,
      headers: {},
    }
    const core = await send(req, true)
    const page = core.json.products as any[]
    expect(new Set(page.map((p) => p.created_at)).size).toBe(1)
    const reordered = JSON.parse(core.text)
    reordered.products.reverse()
    expect(
      await compareAnswers(req, core, { ...core, json: reordered })
    ).toEqual([])
    // a product of the same created_at from further on takes the last place: still a valid answer…
    const further = await send(
      {
        ...req,
        path: `/store/products?limit=1&offset=40&region_id=${f.regionId}`,
      },
      true
    )
    expect(further.json.products[0].created_at).toBe(page[0].created_at)
    const substituted = JSON.parse(core.text)
    substituted.products[4] = JSON.parse(
      JSON.stringify(further.json.products[0])
    )
    expect(
      await compareAnswers(req, core, { ...core, json: substituted })
    ).toEqual([])
    // …as long as that product is what core answers for it
    substituted.products[4].variants[0].calculated_price += 10
    const diffs = await compareAnswers(req, core, {
      ...core,
      json: substituted,
    })
    expect(diffs.map((d) => d.path)).toEqual([
      `$.products(${further.json.products[0].id}, tied on created_at).variants[0].calculated_price`,
    ])
    // a product of another created_at (the rich product, created later) does not belong in that run
    const rich = await send(
      {
        ...req,
        path: `/store/products?id=${f.rich.id}&region_id=${f.regionId}`,
      },
      true
    )
    const intruder = JSON.parse(core.text)
    intruder.products[4] = rich.json.products[0]
    expect(
      (await compareAnswers(req, core, { ...core, json: intruder })).map(
        (d) => d.path
      )
    ).toContain("$.products[*].created_at[4]")
  })
})

describe(`${COUNT} generated store requests, core against the read model`, () => {
  it("generates the same requests from the same seed, and enough of each kind", () => {
    expect(generateRequests(f, COUNT, SEED).map((r) => r.name)).toEqual(
      requests.map((r) => r.name)
    )
    expect(requests.length).toBeGreaterThanOrEqual(500)
    const count = (re: RegExp) => requests.filter((r) => re.test(r.name)).length
    expect(count(/^GET \/store\/products\?/)).toBeGreaterThan(250)
    expect(count(/^GET \/store\/products\/prod_/)).toBeGreaterThan(50)
    expect(count(/[?&]handle=/)).toBeGreaterThan(25)
    expect(count(/^POST \/store\/products\/search/)).toBeGreaterThan(40)
    expect(
      count(/^GET \/store\/(vehicles|brands|product-categories)/)
    ).toBeGreaterThan(40)
    expect(count(/vehicle_id/)).toBeGreaterThan(40)
    expect(count(/customer (session|token)/)).toBeGreaterThan(100)
    expect(count(/publishable key/)).toBeGreaterThan(60)
    expect(count(/cart_id=/)).toBeGreaterThan(40)
    expect(count(/offset=(390|5000)/)).toBeGreaterThan(10)
  })

  it("gives the same JSON, field for field, through core and through the read model", async () => {
    const started = Date.now()
    const done = await mapLimit(requests, 4, async (req, i) => {
      const core = await send(req, true)
      const model = await send(req, false)
      const diffs = await differences(f, req, core, model)
      const result: Outcome[] = [{ req, core, model, diffs }]
      // every 10th request is read again: the answer the cache keeps must be the same too
      if (i % 10 === 0) {
        const again = await send(req, false)
        result.push({
          req: { ...req, name: `${req.name} (read again)` },
          core,
          model: again,
          diffs: await differences(f, req, core, again),
        })
      }
      return result
    })
    outcomes.push(...done.flat())
    const failed = outcomes.filter((o) => o.diffs.length)
    const statuses = outcomes.reduce<Record<number, number>>(
      (acc, o) => ({ ...acc, [o.core.status]: (acc[o.core.status] ?? 0) + 1 }),
      {}
    )
    process.stdout.write(
      `[catalogue] ${requests.length} requests to core and to the model (${outcomes.length - requests.length} read twice) in ${((Date.now() - started) / 1000).toFixed(1)} s; core statuses ${JSON.stringify(statuses)}; ${failed.length} differ\n`
    )
    const report = reportDifferences(failed)
    expect(
      `${failed.length} of ${outcomes.length} answers differ${failed.length ? `; the first ones:\n\n${report}` : ""}`
    ).toBe(`0 of ${outcomes.length} answers differ`)
  }, 600000) // core alone takes 0.1–0.5 s per request on a shared 2-core machine

  it("exercised what it claims: sale and customer-group prices, VAT, drafts, other channels, pages past the end", () => {
    expect(outcomes.length).toBe(
      requests.length + Math.ceil(requests.length / 10)
    )
    const has = (pred: (o: Outcome) => boolean) => outcomes.filter(pred).length
    // the sale is in force and shows as such in core's answers
    expect(
      has((o) =>
        variants(o).some(
          (v) =>
            v.calculated_price_type === "sale" &&
            v.calculated_price < v.original_price
        )
      )
    ).toBeGreaterThan(10)
    // the customer's group price shows only with the customer's session or token
    const groupPrice = (o: Outcome) =>
      variants(o).some(
        (v) =>
          f.groupVariantIds.includes(v.id) &&
          v.calculated_price_type === "override"
      )
    expect(
      has(
        (o) =>
          groupPrice(o) &&
          !!(o.req.headers?.cookie || o.req.headers?.authorization)
      )
    ).toBeGreaterThan(3)
    expect(
      has(
        (o) =>
          groupPrice(o) &&
          !o.req.headers?.cookie &&
          !o.req.headers?.authorization
      )
    ).toBe(0)
    // prices with the Tunisia VAT
    expect(
      has((o) =>
        variants(o).some(
          (v) =>
            typeof v.calculated_price_incl_tax === "number" &&
            v.calculated_price_incl_tax > v.calculated_price
        )
      )
    ).toBeGreaterThan(20)
    // the draft is never listed, found by handle or searched; the other channel's product is listed only with
    // that channel's key or sales_channel_id (core shows any product by id without a key: compared as such)
    const byId = (o: Outcome, id: string) =>
      o.req.path.startsWith(`/store/products/${id}`)
    expect(
      has(
        (o) =>
          !byId(o, f.draft.id) && listed(o).some((p) => p.id === f.draft.id)
      )
    ).toBe(0)
    expect(has((o) => byId(o, f.draft.id))).toBeGreaterThan(0)
    expect(
      has(
        (o) =>
          o.req.path.includes(`handle=${f.draft.handle}`) &&
          o.core.json?.count === 0
      )
    ).toBeGreaterThan(0)
    expect(
      has(
        (o) =>
          !byId(o, f.elsewhere.id) &&
          listed(o).some((p) => p.id === f.elsewhere.id)
      )
    ).toBeGreaterThan(0)
    expect(
      has(
        (o) =>
          !byId(o, f.elsewhere.id) &&
          listed(o).some((p) => p.id === f.elsewhere.id) &&
          o.req.headers?.["x-publishable-api-key"] !== f.otherKey &&
          !o.req.path.includes(`sales_channel_id`)
      )
    ).toBe(0)
    // pages past the end: 200, no products, the full count
    expect(
      has(
        (o) =>
          o.core.status === 200 &&
          Array.isArray(o.core.json?.products) &&
          o.core.json.products.length === 0 &&
          o.core.json.count > 0
      )
    ).toBeGreaterThan(5)
    // several variants, options and images came back for the rich product
    expect(
      has((o) =>
        products(o).some(
          (p) =>
            p.id === f.rich.id &&
            p.variants?.length === 6 &&
            p.images?.length === 3
        )
      )
    ).toBeGreaterThan(3)
  })

  it("got the reference from core: bypassed answers carry x-catalogue: core (needs the read model)", () => {
    const wrong = outcomes.filter(
      (o) => o.core.status === 200 && o.core.catalogue !== "core"
    )
    expect(
      wrong
        .slice(0, 5)
        .map((o) => `${o.req.name} → x-catalogue: ${o.core.catalogue}`)
    ).toEqual([])
  })

  it("compared the model, not core twice: covered requests are answered by the read model or its cache (needs the read model)", () => {
    const covered = outcomes.filter(
      (o) => o.req.covered && o.model.status === 200
    )
    expect(covered.length).toBeGreaterThan(350)
    const wrong = covered.filter(
      (o) => o.model.catalogue !== "model" && o.model.catalogue !== "cache"
    )
    expect({
      notFromModel: wrong.length,
      first: wrong
        .slice(0, 5)
        .map((o) => `${o.req.name} → x-catalogue: ${o.model.catalogue}`),
    }).toEqual({
      notFromModel: 0,
      first: [],
    })
    // options the model does not cover still name who answered
    const others = outcomes.filter(
      (o) => !o.req.covered && o.model.status === 200
    )
    expect(
      others
        .filter(
          (o) => !["model", "cache", "core"].includes(String(o.model.catalogue))
        )
        .map((o) => o.req.name)
    ).toEqual([])
  })
})
