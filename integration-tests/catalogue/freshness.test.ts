/**
 * Freshness of the store reads (issue 10): a change made through the admin API, a fitment CSV import or a
 * batch job is visible in the next store read within 1 s (polled every 50 ms from the moment the admin call
 * returned, or the job was seen completed); deleted and draft products are never visible — not in listings,
 * not by id (404), not by handle, not in search, not in a vehicle's listing. Each read is made once before the
 * change too, so a cached answer must have been dropped.
 */
import {
  createFreshProduct,
  delays,
  listIds,
  measured,
  nowhere,
  absent,
  read,
  searchIds,
  seen,
  tag,
  type Freshness,
} from "./freshness-setup"
import { ok, visibleWithin, type StoreAnswer } from "./helpers"
import { admin, upload } from "../fitment/helpers"
import {
  createBatchJob,
  finishedBatchJob,
  uploadCsv,
} from "../helpers/batch-jobs"

let f: Freshness

beforeAll(async () => {
  f = await createFreshProduct()
}, 60000)

afterAll(() => {
  process.stdout.write(
    `[catalogue] freshness delays (ms): ${JSON.stringify(delays)}\n`
  )
})

const variantOf = (res: StoreAnswer) =>
  res.json?.product?.variants?.find((v: any) => v.id === f.variantId)

describe("a change is in the next store read within 1 s", () => {
  it("a price change (admin API): product page, listing by handle, with the region's calculated price and VAT", async () => {
    const page = `/store/products/${f.productId}?region_id=${f.regionId}`
    expect(variantOf(await read(page)).calculated_price).toBe(20000)
    await read(page)
    await measured(
      "price",
      async () =>
        ok(
          await admin(
            "POST",
            `/admin/products/${f.productId}/variants/${f.variantId}`,
            { prices: [{ currency_code: "tnd", amount: 23450 }] }
          ),
          "price"
        ),
      async () => {
        const v = variantOf(await read(page))
        return (
          v?.calculated_price === 23450 &&
          v?.original_price === 23450 &&
          v?.calculated_price_incl_tax === Math.round(23450 * 1.19)
        )
      }
    )
    const byHandle = await read(
      `/store/products?handle=${f.handle}&region_id=${f.regionId}`
    )
    expect(byHandle.json.products[0].variants[0].calculated_price).toBe(23450)
  })

  it("a stock change (admin API)", async () => {
    const page = `/store/products/${f.productId}`
    expect(variantOf(await read(page)).inventory_quantity).toBe(7)
    await measured(
      "stock",
      async () =>
        ok(
          await admin(
            "POST",
            `/admin/products/${f.productId}/variants/${f.variantId}`,
            { inventory_quantity: 0 }
          ),
          "stock"
        ),
      async () => variantOf(await read(page))?.inventory_quantity === 0
    )
    const listed = await read(`/store/products?handle=${f.handle}`)
    expect(listed.json.products[0].variants[0].inventory_quantity).toBe(0)
  })

  it("a fitment link added, then removed (admin API)", async () => {
    expect(await listIds(`vehicle_id=${f.vehicleA.id}`)).not.toContain(
      f.productId
    )
    let linkId = ""
    await measured(
      "fitment added",
      async () => {
        linkId = ok(
          await admin("POST", `/admin/products/${f.productId}/fitment`, {
            vehicle_id: f.vehicleA.id,
            note_fr: "Essai",
          }),
          "link",
          201
        ).link.id
      },
      async () =>
        (await listIds(`vehicle_id=${f.vehicleA.id}`)).includes(f.productId)
    )
    await measured(
      "fitment removed",
      async () =>
        ok(
          await admin(
            "DELETE",
            `/admin/products/${f.productId}/fitment/${linkId}`
          ),
          "unlink"
        ),
      async () =>
        !(await listIds(`vehicle_id=${f.vehicleA.id}`)).includes(f.productId)
    )
  })

  it("a fitment link added by a CSV import (POST /admin/fitment/imports)", async () => {
    expect(await listIds(`vehicle_id=${f.vehicleA.id}`)).not.toContain(
      f.productId
    )
    const csv = [
      "sku;make;model;year_from;year_to;engine_code;position;quantity;note_fr;note_ar;universal",
      `${f.sku};${f.vehicleA.make};${f.vehicleA.model};${f.vehicleA.year_from};${f.vehicleA.year_to ?? ""};;;;;;`,
    ].join("\n")
    await measured(
      "fitment import",
      async () => {
        const res = await upload("fitments", csv)
        expect(res.status).toBe(200)
        expect(res.body.import.invalid_rows).toEqual([])
      },
      async () =>
        (await listIds(`vehicle_id=${f.vehicleA.id}`)).includes(f.productId)
    )
  })

  it("a brand change (admin API): the product's brand and the brand filter", async () => {
    expect(
      (await read(`/store/products/${f.productId}`)).json.product.brand.id
    ).toBe(f.brandA)
    expect(await listIds(`brand_id=${f.brandA}`)).toContain(f.productId)
    await measured(
      "brand",
      async () =>
        ok(
          await admin("POST", `/admin/products/${f.productId}/brand`, {
            brand_id: f.brandB,
          }),
          "brand"
        ),
      async () =>
        (await read(`/store/products/${f.productId}`)).json.product.brand
          ?.id === f.brandB &&
        (await listIds(`brand_id=${f.brandB}`)).includes(f.productId) &&
        !(await listIds(`brand_id=${f.brandA}`)).includes(f.productId)
    )
  })

  it("a category change (admin API): the category filter, with and without the parent's children", async () => {
    expect(await listIds(`category_id[]=${f.categoryA}`)).toContain(f.productId)
    await measured(
      "category",
      async () => {
        ok(
          await admin(
            "POST",
            `/admin/product-categories/${f.categoryB}/products/batch`,
            { product_ids: [{ id: f.productId }] }
          ),
          "add"
        )
        ok(
          await admin(
            "DELETE",
            `/admin/product-categories/${f.categoryA}/products/batch`,
            { product_ids: [{ id: f.productId }] }
          ),
          "remove"
        )
      },
      async () =>
        (await listIds(`category_id[]=${f.categoryB}`)).includes(f.productId) &&
        !(await listIds(`category_id[]=${f.categoryA}`)).includes(f.productId)
    )
    expect(
      await listIds(`category_id[]=${f.parentB}&include_category_children=true`)
    ).toContain(f.productId)
    expect(await listIds(`category_id[]=${f.parentB}`)).not.toContain(
      f.productId
    )
  })

  it("a price changed by a batch job (CSV product import through POST /admin/uploads and /admin/batch-jobs)", async () => {
    const page = `/store/products/${f.productId}?region_id=${f.regionId}`
    expect(variantOf(await read(page)).calculated_price).toBe(23450)
    const csv = [
      "Product Id;Product Handle;Variant Id;Price TND",
      `${f.productId};${f.handle};${f.variantId};27.650`,
    ].join("\n")
    const jobId = await createBatchJob("product-import", {
      fileKey: await uploadCsv(csv, `fresh-${tag}.csv`),
    })
    await measured(
      "batch job",
      async () => {
        // the job runs in the background: the clock starts when it is seen completed (polled every 50 ms)
        const job = await finishedBatchJob(jobId, 50)
        if (job.status !== "completed")
          throw new Error(`job ${job.status}: ${JSON.stringify(job.result)}`)
      },
      async () => variantOf(await read(page))?.calculated_price === 27650
    )
  }, 150000)

  it("unpublish hides the product everywhere, publish shows it again (admin API)", async () => {
    const link = await admin("POST", `/admin/products/${f.productId}/fitment`, {
      vehicle_id: f.vehicleB,
    })
    expect([200, 201]).toContain(link.status) // 200: the CSV import above may have linked it already
    await visibleWithin("fitment", Date.now(), async () =>
      (await listIds(`vehicle_id=${f.vehicleB}`)).includes(f.productId)
    )
    const everywhere = async () => ({
      byId: (await read(`/store/products/${f.productId}`)).status === 200,
      byHandle:
        (await read(`/store/products?handle=${f.handle}`)).json.count === 1,
      listed: (await listIds(`q=${encodeURIComponent(tag)}`)).includes(
        f.productId
      ),
      vehicle: (await listIds(`vehicle_id=${f.vehicleB}`)).includes(
        f.productId
      ),
      search: (await searchIds(f.sku)).includes(f.productId),
    })
    /** true when every place shows the product (`shown`) or none does; else names the places that disagree */
    const all = (shown: boolean) => async () => {
      const where = await everywhere()
      const wrong = Object.entries(where)
        .filter(([, v]) => v !== shown)
        .map(([k]) => k)
      return wrong.length
        ? `${shown ? "missing from" : "still shown by"} ${wrong.join(", ")}`
        : true
    }
    expect(await everywhere()).toEqual({
      byId: true,
      byHandle: true,
      listed: true,
      vehicle: true,
      search: true,
    })
    const status = async (s: string) =>
      ok(
        await admin("POST", `/admin/products/${f.productId}`, { status: s }),
        s
      )
    try {
      await measured("unpublish", () => status("draft"), all(false))
      expect((await read(`/store/products/${f.productId}`)).status).toBe(404)
      await measured("publish", () => status("published"), all(true))
      await measured("unpublish again", () => status("draft"), all(false))
      await measured("publish again", () => status("published"), all(true))
    } finally {
      await status("published")
    }
  })
})

describe("deleted and draft products are never visible", () => {
  it("a product created as a draft (with a fitment link) is never shown", async () => {
    const draftSku = `DRAFT-${tag}`.toUpperCase()
    const d = ok(
      await admin("POST", "/admin/products", {
        title: `Brouillon ${tag}`,
        handle: `brouillon-${tag}`,
        status: "draft",
        options: [{ title: "Version" }],
        variants: [
          {
            title: "Standard",
            sku: draftSku,
            prices: [{ currency_code: "tnd", amount: 9000 }],
            options: [{ value: "Standard" }],
          },
        ],
      }),
      "draft"
    )
    ok(
      await admin("POST", `/admin/products/${d.product.id}/fitment`, {
        vehicle_id: f.vehicleB,
      }),
      "draft fitment",
      201
    )
    ok(
      await admin("POST", `/admin/products/${d.product.id}`, {
        title: `Brouillon ${tag} modifié`,
      }),
      "draft edit"
    )
    const until = Date.now() + 1200
    do {
      expect(
        await nowhere(d.product.id, d.product.handle, draftSku, f.vehicleB)
      ).toEqual(absent)
      expect(
        await nowhere(
          d.product.id,
          d.product.handle,
          `Brouillon ${tag}`,
          f.vehicleB
        )
      ).toEqual(absent)
    } while (Date.now() < until)
  })

  it("a deleted product disappears within 1 s and stays away", async () => {
    const word = `Rotule fraîcheur ${tag}`
    expect(await nowhere(f.productId, f.handle, f.sku, f.vehicleB)).toEqual({
      byId: 200,
      byHandle: 1,
      listed: true,
      vehicle: true,
      search: true,
    })
    await measured(
      "delete",
      async () =>
        ok(await admin("DELETE", `/admin/products/${f.productId}`), "delete"),
      async () =>
        JSON.stringify(
          await nowhere(f.productId, f.handle, f.sku, f.vehicleB)
        ) === JSON.stringify(absent)
    )
    const until = Date.now() + 600
    do {
      expect(await nowhere(f.productId, f.handle, word, f.vehicleB)).toEqual(
        absent
      )
    } while (Date.now() < until)
  })
})

describe("who answered", () => {
  it("the store reads above came from the read model or its cache (needs the read model)", () => {
    const ok200 = seen.filter((s) => s.status === 200)
    expect(ok200.length).toBeGreaterThan(30)
    expect(
      ok200
        .filter((s) => s.catalogue !== "model" && s.catalogue !== "cache")
        .slice(0, 5)
    ).toEqual([])
  })
})
