/** The reads the store bench measures: built from the bench database, checked once before the load. */
const data = require("./catalogue-data")
const { searchQueries, shuffle } = require("./search-queries")
const { DRAIN, log } = require("./store-config")

/**
 * Waits until no query of the previous run is still running on the bench database (a slow server still
 * works off the requests a run left queued), at most BENCH_DRAIN seconds; resolves the time waited, and
 * whether the database was quiet then.
 */
async function drain(db) {
  const started = Date.now()
  let quiet = 0
  while (quiet < 3 && Date.now() - started < DRAIN * 1000) {
    const [{ n }] = (
      await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`
      )
    ).rows
    quiet = n === 0 ? quiet + 1 : 0
    await new Promise((r) => setTimeout(r, 300))
  }
  return { ms: Date.now() - started, quiet: quiet >= 3 }
}

/** The reads, each a list of requests autocannon sends in turn. */
async function buildReads(db) {
  const [{ region }] = (
    await db.query(
      `SELECT id AS region FROM region WHERE currency_code = 'tnd' AND deleted_at IS NULL ORDER BY created_at LIMIT 1`
    )
  ).rows
  if (!region) {
    throw new Error("no TND region in the bench database")
  }
  const rows = async (sql, params) => (await db.query(sql, params)).rows
  const vehicles = (
    await rows(
      `
      SELECT vehicle_id AS id FROM (SELECT vehicle_id FROM fitment WHERE vehicle_id <> $1 GROUP BY vehicle_id) v ORDER BY md5(vehicle_id) LIMIT 999`,
      [data.POPULAR_VEHICLE]
    )
  ).map((r) => r.id)
  vehicles.unshift(data.POPULAR_VEHICLE)
  const categories = (
    await rows(
      `SELECT id FROM product_category WHERE id LIKE 'pcat_b%' ORDER BY id`
    )
  ).map((r) => r.id)
  const brands = await rows(
    `SELECT b.id, b.name FROM brand b WHERE EXISTS (SELECT 1 FROM fitment_product f WHERE f.brand_id = b.id) ORDER BY b.id`
  )
  const products = await rows(`
    SELECT p.id, p.handle, p.mid_code FROM product p
     WHERE p.status = 'published' AND p.deleted_at IS NULL ORDER BY md5(p.id) LIMIT 2000`)
  const pages = (n) => Array.from({ length: n }, (_, i) => i * 12)
  const list = (filter, offset) =>
    `/store/products?${filter}${filter ? "&" : ""}limit=12&offset=${offset}&region_id=${region}`
  const search = searchQueries(
    brands.map((b) => b.name),
    products
      .filter((p) => p.mid_code)
      .slice(0, 40)
      .map((p) => p.mid_code)
  )
  const get = (p) => ({ path: p })
  const reads = [
    {
      key: "health",
      label: "GET /health (the floor)",
      requests: [get("/health")],
    },
    {
      key: "listing",
      label: "listing, pages 1–100",
      requests: pages(100).map((o) => get(list("", o))),
    },
    {
      key: "vehicle",
      label: `by vehicle, ${vehicles.length} vehicles × 10 pages`,
      requests: shuffle(
        vehicles.flatMap((v) =>
          pages(10).map((o) => get(list(`vehicle_id=${v}`, o)))
        ),
        1
      ),
    },
    {
      key: "category",
      label: `by category (+children), ${categories.length} × 10 pages`,
      requests: shuffle(
        categories.flatMap((c) =>
          pages(10).map((o) =>
            get(list(`category_id[]=${c}&include_category_children=true`, o))
          )
        ),
        2
      ),
    },
    {
      key: "brand",
      label: `by brand, ${brands.length} × 10 pages`,
      requests: shuffle(
        brands.flatMap((b) =>
          pages(10).map((o) => get(list(`brand_id=${b.id}`, o)))
        ),
        3
      ),
    },
    {
      key: "search",
      label: `search, ${search.length} queries`,
      requests: shuffle(search, 4).map((q) => ({
        method: "POST",
        path: "/store/products/search",
        body: JSON.stringify({ q, limit: 12 }),
      })),
    },
    {
      key: "product",
      label: `product page by id, ${products.length} ids`,
      requests: products.map((p) =>
        get(`/store/products/${p.id}?region_id=${region}`)
      ),
    },
    {
      key: "handle",
      label: `product page by handle, ${products.length} handles`,
      requests: products.map((p) =>
        get(`/store/products?handle=${encodeURIComponent(p.handle)}`)
      ),
    },
  ]
  const only = (process.env.BENCH_READS || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = only.filter((k) => !reads.some((r) => r.key === k))
  if (unknown.length) {
    throw new Error(
      `BENCH_READS: unknown read(s) ${unknown.join(", ")} (known: ${reads.map((r) => r.key).join(", ")})`
    )
  }
  return {
    region,
    reads: only.length
      ? reads.filter((r) => r.key === "health" || only.includes(r.key))
      : reads,
  }
}

/** One request of each read before the load: a non-2xx here stops the bench with the answer. */
async function checkReads(url, reads) {
  for (const read of reads) {
    const r = read.requests[0]
    const t = Date.now()
    const res = await fetch(`${url}${r.path}`, {
      method: r.method || "GET",
      headers: r.body ? { "content-type": "application/json" } : {},
      body: r.body,
    })
    const text = await res.text()
    if (!res.ok) {
      throw new Error(
        `${r.method || "GET"} ${r.path}${r.body ? ` ${r.body}` : ""} answered ${res.status}: ${text.slice(0, 200)}`
      )
    }
    let what = ""
    try {
      const json = JSON.parse(text)
      const variant = (json.product || (json.products || [])[0] || {})
        .variants?.[0]
      const price =
        variant && variant.calculated_price !== undefined
          ? `, first variant calculated_price ${variant.calculated_price}`
          : ""
      what =
        (json.count !== undefined
          ? `count ${json.count}`
          : json.estimatedTotalHits !== undefined
            ? `${json.estimatedTotalHits} hits`
            : json.product
              ? "1 product"
              : "") + price
    } catch (e) {
      what = text.slice(0, 20)
    }
    const encoding = res.headers.get("content-encoding")
    log(
      `  ${read.key.padEnd(9)} ${res.status} ${what}, ${(text.length / 1024).toFixed(1)} kB${encoding ? ` (sent ${encoding})` : ""}, ${Date.now() - t} ms, ` +
        `x-catalogue: ${res.headers.get("x-catalogue") || "—"}`
    )
  }
}

module.exports = { drain, buildReads, checkReads }
