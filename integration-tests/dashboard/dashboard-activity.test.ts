import { sql } from "../helpers/env"
import { adminCall } from "../helpers/http"
import { placeOrder } from "../helpers/orders"

jest.setTimeout(300000)

/**
 * The dashboard reads the plugins through their services (orion, prospector, price-history, fitment) and
 * merges the recent activity in TypeScript. Before, one SQL pass read their tables: that SQL, kept here as
 * the reference, must still give the same JSON, labels (NULLs included) and order included.
 */
const BEFORE = {
  restockTop: `SELECT a.id, a.variant_id, pv.product_id, a.sku, a.title, (a.data->>'stock')::int AS stock, a.suggested_quantity,
              a.data->>'stockout_date' AS stockout_date
       FROM "orion_alert" a LEFT JOIN "product_variant" pv ON pv.id = a.variant_id
       WHERE a.type = 'restock' AND a.status <> 'resolved'
       ORDER BY a.data->>'stockout_date' ASC NULLS LAST, a.severity DESC, a.id
       LIMIT 5`,
  priceAlerts: `SELECT a.id, a.kind, a.message, w.supplier, a.created_at FROM "prospector_price_alert" a
       JOIN "prospector_watched_page" w ON w.id = a.watched_page_id
       WHERE a.acknowledged_at IS NULL ORDER BY a.created_at DESC LIMIT 5`,
  run: `SELECT id, status, progress, stage, started_at, finished_at, variant_count, alert_count
       FROM "orion_forecast_run" ORDER BY created_at DESC LIMIT 1`,
  activity: `(SELECT 'order' AS kind, o.id, o.created_at AS at, '#' || o.display_id || ' — ' || o.email AS label, NULL AS product_id,
               (SELECT COALESCE(sum(li.unit_price::bigint * li.quantity), 0) FROM "line_item" li WHERE li.order_id = o.id)::bigint AS amount,
               NULL::bigint AS old_amount, o.currency_code
        FROM "order" o ORDER BY o.created_at DESC LIMIT 10)
       UNION ALL
       (SELECT 'price', ph.id::text, ph.changed_at, COALESCE(p.title, ph.variant_id, '') || COALESCE(' (' || pv.sku || ')', ''), ph.product_id,
               ph.new_amount::bigint, ph.old_amount::bigint, ph.currency_code
        FROM "price_history" ph LEFT JOIN "product" p ON p.id = ph.product_id LEFT JOIN "product_variant" pv ON pv.id = ph.variant_id
        WHERE ph.price_list_id IS NULL
        ORDER BY ph.changed_at DESC LIMIT 10)
       UNION ALL
       (SELECT 'import', fi.id, fi.created_at, fi.type || COALESCE(' — ' || fi.file_name, ''), NULL, NULL, NULL, NULL
        FROM "fitment_import" fi WHERE fi.applied ORDER BY fi.created_at DESC LIMIT 10)
       ORDER BY at DESC LIMIT 12`,
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** The sections the plugins give, as the SQL of before answered them. */
async function before() {
  const [restockTop, priceAlerts, [run], activity] = await Promise.all([
    sql(BEFORE.restockTop),
    sql(BEFORE.priceAlerts),
    sql(BEFORE.run),
    sql(BEFORE.activity),
  ])
  const [[restock], [leads], [alerts]] = await Promise.all([
    sql(
      `SELECT count(*)::int AS n FROM "orion_alert" WHERE type = 'restock' AND status <> 'resolved'`
    ),
    sql(
      `SELECT count(*)::int AS n FROM "prospector_lead" WHERE kind = 'lead'
         AND first_seen_at >= date_trunc('week', now() AT TIME ZONE 'Africa/Tunis') AT TIME ZONE 'Africa/Tunis'`
    ),
    sql(
      `SELECT count(*)::int AS n FROM "prospector_price_alert" WHERE acknowledged_at IS NULL`
    ),
  ])
  return {
    restock: {
      open: restock.n,
      top: restockTop.map((r) => ({
        ...r,
        stock: num(r.stock),
        suggested_quantity: num(r.suggested_quantity),
      })),
    },
    new_leads: leads.n,
    price_alerts: {
      unacknowledged: alerts.n,
      latest: priceAlerts.map((a) => ({ ...a, created_at: iso(a.created_at) })),
    },
    // the row's columns in their SQL order, each as the API answered it
    last_forecast_run: run
      ? Object.assign(run, {
          progress: Number(run.progress),
          started_at: iso(run.started_at),
          finished_at: iso(run.finished_at),
          variant_count: num(run.variant_count),
          alert_count: num(run.alert_count),
        })
      : null,
    activity: activity.map((a) => ({
      kind: a.kind,
      id: a.id,
      at: iso(a.at),
      label: a.label,
      product_id: a.product_id,
      amount: num(a.amount),
      old_amount: num(a.old_amount),
      currency_code: a.currency_code,
    })),
  }
}

describe("GET /admin/dashboard: the plugins' figures and the recent activity", () => {
  let variants: { id: string; product_id: string; sku: string }[]

  beforeAll(async () => {
    variants = await sql(
      `SELECT pv.id, pv.product_id, pv.sku FROM product_variant pv JOIN product p ON p.id = pv.product_id
       WHERE p.status = 'published' AND p.deleted_at IS NULL AND pv.deleted_at IS NULL AND pv.inventory_quantity > 10
         AND pv.sku IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM orion_alert a WHERE a.variant_id = pv.id AND a.type = 'restock' AND a.status <> 'resolved')
       ORDER BY pv.sku LIMIT 2`
    )
    await placeOrder(variants[0].id, 1, "activite@example.tn")
  })

  afterAll(async () => {
    await sql(
      `DELETE FROM price_history WHERE origin = 'dashboard-activity test'`
    )
    await sql(`DELETE FROM fitment_import WHERE id LIKE 'fimp_dash_%'`)
    await sql(`DELETE FROM orion_alert WHERE id LIKE 'oal_dash_%'`)
    await sql(`DELETE FROM prospector_watched_page WHERE id = 'pwp_dash'`)
    await sql(`DELETE FROM prospector_lead WHERE id LIKE 'plead_dash_%'`)
  })

  it("answers what the one SQL pass of before answered, labels with NULLs and order included", async () => {
    const [v1, v2] = variants
    // price changes, one row each (distinct clock_timestamp()): a product and SKU, a variant and product
    // no longer stored (the variant id, no SKU), neither (''), and a price list's change (left out)
    for (const [variant, product, list] of [
      [v1.id, v1.product_id, null],
      ["variant_dash_gone", "prod_dash_gone", null],
      [null, null, null],
      [v2.id, v2.product_id, "pl_dash"],
    ]) {
      await sql(
        `INSERT INTO price_history (money_amount_id, variant_id, product_id, currency_code, price_list_id, change, old_amount,
           new_amount, source, origin)
         VALUES ('ma_dash', $1, $2, 'tnd', $3, 'updated', 41000, 45500, 'system', 'dashboard-activity test')`,
        [variant, product, list]
      )
    }
    // fitment imports: applied with and without a file name, a dry run (left out)
    for (const [id, file, applied] of [
      ["fimp_dash_1", "liens.csv", true],
      ["fimp_dash_2", null, true],
      ["fimp_dash_3", "essai.csv", false],
    ]) {
      await sql(
        `INSERT INTO fitment_import (id, type, file_name, dry_run, skip_invalid, applied, summary, created_at)
         VALUES ($1, 'fitments', $2, NOT $3, false, $3, '{}', clock_timestamp())`,
        [id, file, applied]
      )
    }
    // restock alerts: two due first (one without product), one without data, one resolved (left out)
    for (const [id, variant, status, data, severity] of [
      [
        "oal_dash_1",
        v1.id,
        "open",
        { stock: 2, stockout_date: "2000-01-02" },
        1,
      ],
      [
        "oal_dash_2",
        "variant_dash_gone",
        "acknowledged",
        { stock: 0, stockout_date: "2000-01-01" },
        3,
      ],
      ["oal_dash_3", v2.id, "open", null, 2],
      [
        "oal_dash_4",
        "variant_dash_old",
        "resolved",
        { stockout_date: "1999-01-01" },
        9,
      ],
    ]) {
      await sql(
        `INSERT INTO orion_alert (id, type, status, variant_id, sku, title, run_id, severity, reason, suggested_quantity, data)
         VALUES ($1, 'restock', $2, $3, NULL, 'Pièce', 'orun_dash', $4, 'test', 6, $5)`,
        [
          id,
          status,
          variant,
          severity,
          data === null ? null : JSON.stringify(data),
        ]
      )
    }
    // a watched page with an alert to acknowledge and an acknowledged one; a lead and a competitor of this week
    await sql(
      `INSERT INTO prospector_watched_page (id, url, supplier) VALUES ('pwp_dash', 'https://fournisseur.example.tn/p', 'Fournisseur')`
    )
    await sql(
      `INSERT INTO prospector_price_observation (id, watched_page_id, observed_at, amount, currency, method, via)
       VALUES ('ppo_dash', 'pwp_dash', now(), 45000, 'TND', 'jsonld', 'http')`
    )
    await sql(
      `INSERT INTO prospector_price_alert (id, watched_page_id, observation_id, kind, message, acknowledged_at)
       VALUES ('ppa_dash_1', 'pwp_dash', 'ppo_dash', 'price_drop', 'Baisse', NULL),
              ('ppa_dash_2', 'pwp_dash', 'ppo_dash', 'price_rise', 'Hausse', now())`
    )
    for (const [id, kind] of [
      ["plead_dash_1", "lead"],
      ["plead_dash_2", "competitor"],
    ]) {
      await sql(
        `INSERT INTO prospector_lead (id, place_id, name, name_folded, first_seen_at, last_seen_at, fetched_at, score, score_band,
           score_breakdown, kind)
         VALUES ($1, $1, 'Garage', 'garage', now(), now(), now(), 50, 'B', '{}', $2)`,
        [id, kind]
      )
    }

    const res = await adminCall("GET", "/admin/dashboard")
    expect(res.status).toBe(200)
    const d = res.body.dashboard
    const expected = await before()
    const answered = {
      restock: d.restock,
      new_leads: d.leads.new_this_week,
      price_alerts: d.price_alerts,
      last_forecast_run: d.last_forecast_run,
      activity: d.activity,
    }
    expect(answered).toEqual(expected)
    // byte for byte: the same keys in the same order
    expect(JSON.stringify(answered)).toBe(JSON.stringify(expected))

    // and what the fixtures should give
    const labels = d.activity.map((a: any) => `${a.kind} ${a.label}`)
    expect(labels.slice(0, 5)).toEqual([
      "import fitments",
      "import fitments — liens.csv",
      "price ",
      "price variant_dash_gone",
      `price ${(await sql(`SELECT title FROM product WHERE id = $1`, [v1.product_id]))[0].title} (${v1.sku})`,
    ])
    expect(labels[5]).toMatch(/^order #\d+ — activite@example\.tn$/)
    expect(d.activity.map((a: any) => a.id)).not.toContain("fimp_dash_3")
    expect(d.restock.top.slice(0, 3).map((a: any) => a.id)).toEqual([
      "oal_dash_2",
      "oal_dash_1",
      expect.any(String),
    ])
    expect(d.restock.top[0].product_id).toBeNull()
    expect(d.price_alerts.latest[0]).toEqual({
      id: "ppa_dash_1",
      kind: "price_drop",
      message: "Baisse",
      supplier: "Fournisseur",
      created_at: expect.any(String),
    })
    expect(d.leads.new_this_week).toBeGreaterThanOrEqual(1)
  })
})
