import { parse } from "csv-parse/sync"
import { sql, testEnv } from "../helpers/env"
import {
  admin,
  history,
  importPrices,
  pickVariant,
  PRICE_CSV_HEADER,
  runBatchJob,
  setPrice,
  tndPrices,
  type Row,
} from "./helpers"
import { uploadCsv } from "../helpers/batch-jobs"

const base = () => testEnv().baseUrl

describe("price history", () => {
  let adminUserId: string

  beforeAll(async () => {
    const [u] = await sql(`SELECT id FROM "user" WHERE email = $1`, [
      testEnv().adminEmail,
    ])
    adminUserId = u.id
  })

  it("refuses anonymous admin calls (401)", async () => {
    const v = await pickVariant(0)
    const res = await fetch(
      `${base()}/admin/products/${v.product_id}/price-history`
    )
    expect(res.status).toBe(401)
  })

  it("records the first price of every seeded variant", async () => {
    const v = await pickVariant(1)
    const { price_history } = await history(
      v.product_id,
      `?variant_id=${v.variant_id}`
    )
    const created = price_history.filter(
      (r) => r.change === "created" && r.money_amount_id === v.money_amount_id
    )
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({
      old_amount: null,
      new_amount: v.amount,
      currency_code: "tnd",
      source: "system",
    })
  })

  it("records a single admin edit with old → new amount and the admin as actor", async () => {
    const v = await pickVariant(2)
    const res = await setPrice(v, v.amount + 1230)
    expect(res.status).toBe(200)
    const { price_history, count } = await history(v.product_id)
    expect(count).toBeGreaterThanOrEqual(2)
    expect(price_history[0]).toMatchObject({
      variant_id: v.variant_id,
      currency_code: "tnd",
      change: "updated",
      old_amount: v.amount,
      new_amount: v.amount + 1230,
      source: "admin",
      actor: adminUserId,
      actor_email: testEnv().adminEmail,
    })
    // an edit that does not change the amount writes nothing
    await setPrice(v, v.amount + 1230)
    expect((await history(v.product_id)).count).toBe(count)
  })

  it("keeps 20 rows with a consistent old → new chain for 20 concurrent edits of one price", async () => {
    const v = await pickVariant(3)
    const [{ max }] = await sql(
      `SELECT COALESCE(max(id), 0)::bigint AS max FROM price_history`
    )
    const amounts = Array.from(
      { length: 20 },
      (_, i) => v.amount + 100 * (i + 1)
    )
    const results = await Promise.all(amounts.map((a) => setPrice(v, a)))
    expect(results.map((r) => r.status)).toEqual(amounts.map(() => 200))
    const rows = await sql<Row>(
      `SELECT * FROM price_history WHERE money_amount_id = $1 AND id > $2 ORDER BY id`,
      [v.money_amount_id, max]
    )
    expect(rows).toHaveLength(20)
    expect(rows[0].old_amount).toBe(v.amount)
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].old_amount).toBe(rows[i - 1].new_amount)
    }
    expect(rows.map((r) => r.new_amount).sort()).toEqual([...amounts].sort())
    const [{ amount }] = await sql(
      `SELECT amount FROM money_amount WHERE id = $1`,
      [v.money_amount_id]
    )
    expect(rows[rows.length - 1].new_amount).toBe(amount)
  })

  it("records price-list prices: added, changed, removed with the list", async () => {
    const v = await pickVariant(4)
    const created = await admin("POST", "/admin/price-lists", {
      name: "Soldes test",
      description: "test",
      type: "sale",
      status: "active",
      prices: [
        {
          amount: v.amount - 5000,
          variant_id: v.variant_id,
          currency_code: "tnd",
        },
      ],
    })
    expect(created.status).toBe(200)
    const priceList = created.body.price_list
    const plPrice = priceList.prices[0]
    const batch = await admin(
      "POST",
      `/admin/price-lists/${priceList.id}/prices/batch`,
      {
        prices: [
          {
            id: plPrice.id,
            amount: v.amount - 7000,
            variant_id: v.variant_id,
            currency_code: "tnd",
          },
        ],
      }
    )
    expect(batch.status).toBe(200)
    const del = await admin("DELETE", `/admin/price-lists/${priceList.id}`)
    expect(del.status).toBe(200)

    const rows = (
      await history(v.product_id, `?variant_id=${v.variant_id}`)
    ).price_history
      .filter((r) => r.price_list_id === priceList.id)
      .reverse()
    // Medusa's batch endpoint replaces the money_amount row (insert new, delete old, one transaction),
    // then deleting the list deletes the new one; the two deletions can share a timestamp, so they are
    // compared as a set
    const tuples = rows.map((r) => [
      r.change,
      r.old_amount,
      r.new_amount,
      r.source,
    ])
    expect(tuples.slice(0, 2)).toEqual([
      ["created", null, v.amount - 5000, "price_list"],
      ["created", null, v.amount - 7000, "price_list"],
    ])
    expect(tuples.slice(2).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual(
      [
        ["deleted", v.amount - 7000, null, "price_list"],
        ["deleted", v.amount - 5000, null, "price_list"],
      ]
    )
    expect(rows.every((r) => r.actor === adminUserId)).toBe(true)
  })

  it("records prices changed by a CSV product import (POST /admin/uploads, then a product-import batch job) as source import", async () => {
    const a = await pickVariant(6)
    const b = await pickVariant(7)
    const [{ max }] = await sql(
      `SELECT COALESCE(max(id), 0)::bigint AS max FROM price_history`
    )
    const done = await importPrices(
      [
        [a, (a.amount + 4400) / 1000],
        [b, (b.amount + 3300) / 1000],
      ],
      "price-import.csv"
    )
    expect(done.status).toBe("completed")
    expect(done.result.count).toBe(4) // 2 products + 2 variants updated

    // Medusa's importer matches currency prices case-sensitively ("TND" ≠ "tnd"), so it replaces each
    // price: the history shows the new price created and the old one deleted, both by the import
    const rows = await sql<Row>(
      `SELECT * FROM price_history WHERE id > $1 AND variant_id = ANY($2) ORDER BY id`,
      [max, [a.variant_id, b.variant_id]]
    )
    expect(await tndPrices([a.variant_id, b.variant_id])).toEqual({
      [a.variant_id]: a.amount + 4400,
      [b.variant_id]: b.amount + 3300,
    })
    const byKey = (x: unknown[], y: unknown[]) =>
      `${x[0]} ${x[1]}`.localeCompare(`${y[0]} ${y[1]}`)
    const expected = [
      [a.variant_id, "created", null, a.amount + 4400, "import", adminUserId],
      [a.variant_id, "deleted", a.amount, null, "import", adminUserId],
      [b.variant_id, "created", null, b.amount + 3300, "import", adminUserId],
      [b.variant_id, "deleted", b.amount, null, "import", adminUserId],
    ].sort(byKey)
    expect(
      rows
        .map((r) => [
          r.variant_id,
          r.change,
          r.old_amount,
          r.new_amount,
          r.source,
          r.actor,
        ])
        .sort(byKey)
    ).toEqual(expected)
  })

  it("imports and exports TND prices with 3 decimals (12.5 in the CSV = 12500 millimes = 12.500)", async () => {
    const c = await pickVariant(8)
    const imported = await importPrices([[c, "12.5"]], "tnd-import.csv")
    expect(imported.status).toBe("completed")
    expect(await tndPrices([c.variant_id])).toEqual({ [c.variant_id]: 12500 }) // Medusa alone: 1250

    const exported = await runBatchJob("product-export", {
      filterable_fields: { id: c.product_id },
    })
    expect(exported.status).toBe("completed")
    const link = await admin("POST", "/admin/uploads/download-url", {
      file_key: exported.result.file_key,
    })
    expect(link.status).toBe(200)
    const file = await fetch(
      `${base()}${new URL(link.body.download_url).pathname}`
    )
    expect(file.status).toBe(200)
    const text = await file.text()
    const records = parse(text, {
      columns: true,
      delimiter: ";",
      bom: true,
    }) as Record<string, string>[]
    const line = records.find((r) => r["Variant Id"] === c.variant_id)
    expect(line?.["Price TND"]).toBe("12.500") // Medusa alone: 125

    // the exported value imports back as the same amount (only the price columns: Medusa 1.20 cannot
    // re-import its own full export, "Unable to treat column __parsed_extra")
    expect((await setPrice(c, 1)).status).toBe(200)
    const back = [
      PRICE_CSV_HEADER,
      [
        line!["Product Id"],
        line!["Product Handle"],
        line!["Variant Id"],
        line!["Price TND"],
      ].join(";"),
    ].join("\n")
    const again = await runBatchJob("product-import", {
      fileKey: await uploadCsv(back, "tnd-roundtrip.csv"),
    })
    expect(again.status).toBe("completed")
    expect(await tndPrices([c.variant_id])).toEqual({ [c.variant_id]: 12500 })
  })

  it("fails an import whose price is not a number, naming the column", async () => {
    const d = await pickVariant(9)
    const job = await importPrices([[d, "douze"]], "bad-price.csv")
    expect(job.status).toBe("failed")
    expect(JSON.stringify(job.result)).toContain(
      `variant ${d.variant_id}, column \\"Price TND\\": is not a number`
    )
    expect(await tndPrices([d.variant_id])).toEqual({
      [d.variant_id]: d.amount,
    })
  })

  it("exports the same rows as CSV, with filters", async () => {
    const v = await pickVariant(2)
    const json = await history(
      v.product_id,
      `?variant_id=${v.variant_id}&currency_code=TND&limit=1000`
    )
    const res = await admin(
      "GET",
      `/admin/products/${v.product_id}/price-history?variant_id=${v.variant_id}&currency_code=tnd&format=csv`
    )
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("text/csv")
    expect(res.headers.get("content-disposition")).toContain("attachment")
    const records = parse(res.text, { columns: true }) as Record<
      string,
      string
    >[]
    expect(records).toHaveLength(json.count)
    expect(records.map((r) => r.id)).toEqual(
      json.price_history.map((r) => r.id)
    )
    expect(records[0].new_amount).toBe(String(json.price_history[0].new_amount))
    // a window in the future holds nothing
    const future = await history(v.product_id, `?from=2999-01-01`)
    expect(future.count).toBe(0)
  })

  it("rejects bad filters with the parameter named (400)", async () => {
    const v = await pickVariant(0)
    const res = await admin(
      "GET",
      `/admin/products/${v.product_id}/price-history?limit=lots`
    )
    expect(res.status).toBe(400)
    expect(res.body.message).toContain('"limit"')
    const missing = await admin(
      "GET",
      `/admin/products/prod_does_not_exist/price-history`
    )
    expect(missing.status).toBe(404)
  })

  it("gives the lowest price of the last 30 days per variant on the store API", async () => {
    const v = await pickVariant(5)
    const low = v.amount - 20000
    expect((await setPrice(v, low)).status).toBe(200)
    expect((await setPrice(v, v.amount + 10000)).status).toBe(200)
    expect((await setPrice(v, v.amount + 5000)).status).toBe(200) // the "discount"
    const res = await fetch(
      `${base()}/store/products/${v.product_id}/price-history/summary`
    )
    expect(res.status).toBe(200)
    const { price_history_summary: s } = await res.json()
    expect(s.window_days).toBe(30)
    const entry = s.prices.find(
      (p: any) => p.variant_id === v.variant_id && p.currency_code === "tnd"
    )
    expect(entry).toMatchObject({
      current_amount: v.amount + 5000,
      lowest_amount: low,
    })
    expect(entry.changes).toBeGreaterThanOrEqual(3)
    const none = await fetch(
      `${base()}/store/products/prod_does_not_exist/price-history/summary`
    )
    expect(none.status).toBe(404)
  })
})
