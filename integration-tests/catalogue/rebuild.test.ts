/**
 * `npm run catalogue:rebuild` (issue 10): the read model is rebuilt from the core tables, in batches, while
 * the running server keeps answering. A product whose document and bodies were lost outside the triggers'
 * sight is back in the store with the body core renders; a document left over from a product that no
 * longer exists is gone; every store read made during the rebuild answered 200. When the server it follows
 * stops rendering (stopped a moment before the rebuild), the rebuild renders the bodies itself.
 */
import { spawn } from "child_process"
import path from "path"
import { copyDatabase } from "../helpers/databases"
import { sql, sqlOn, testEnv } from "../helpers/env"
import { normalise } from "./compare"
import { storeGet } from "./helpers"

const SCRIPT = path.join(
  __dirname,
  "..",
  "..",
  "scripts",
  "catalogue-rebuild.js"
)

/**
 * A new empty database on the test database's own server (embedded or not): its URL and its removal.
 */
async function siblingDatabase(): Promise<{
  url: string
  drop: () => Promise<void>
}> {
  const source = new URL(testEnv().databaseUrl)
  const name = `rebuild_copy_${Date.now().toString(36)}`
  const maintenance = new URL(source)
  maintenance.pathname = "/postgres"
  await sqlOn(maintenance.toString(), `CREATE DATABASE "${name}"`)
  const url = new URL(source)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await sqlOn(
        maintenance.toString(),
        `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`
      )
    },
  }
}

/** Runs the rebuild in its own process, as `npm run catalogue:rebuild -- --chunk 100` does. */
function runRebuild(
  databaseUrl = testEnv().databaseUrl
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, "--chunk", "100"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`catalogue:rebuild did not end in 4 min:\n${out}`))
    }, 240000)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, out })
    })
  })
}

it("rebuilds lost documents and bodies, drops stale ones, and the store answers throughout", async () => {
  const [victim] = await sql(
    `SELECT p.id, p.title FROM product p JOIN search_document d ON d.product_id = p.id
      WHERE p.status = 'published' AND p.deleted_at IS NULL AND cardinality(d.sales_channel_ids) > 0
      ORDER BY p.created_at DESC, p.id LIMIT 1`
  )
  expect(victim).toBeDefined()
  const before = await storeGet(`/store/products/${victim.id}`)
  expect(before.status).toBe(200)

  // lost outside the triggers' sight: the product's document and rendered bodies; and a document
  // of a product that does not exist
  await sql(`DELETE FROM catalogue_body WHERE product_id = $1`, [victim.id])
  await sql(`DELETE FROM search_document WHERE product_id = $1`, [victim.id])
  await sql(
    `INSERT INTO search_document SELECT (jsonb_populate_record(d, jsonb_build_object('product_id', 'prod_rebuild_ghost'))).*
       FROM search_document d WHERE d.status = 'published' LIMIT 1`
  )

  // store reads all along the rebuild
  const statuses: number[] = []
  let rebuilding = true
  const reads = (async () => {
    while (rebuilding) {
      statuses.push((await storeGet("/store/products?limit=12")).status)
      await new Promise((r) => setTimeout(r, 100))
    }
  })()
  let run: { code: number | null; out: string }
  try {
    run = await runRebuild()
  } finally {
    rebuilding = false
    await reads
  }

  expect(run.code).toBe(0)
  // documents in chunks, then the bodies rendered by the running server, with progress
  expect(run.out).toMatch(/a running server renders the bodies/)
  const progress = [...run.out.matchAll(/bodies (\d+)\/(\d+), queue (\d+)/g)]
  expect(progress.length).toBeGreaterThan(0)
  const [, done, total, queued] = progress[progress.length - 1]
  expect(Number(done)).toBe(Number(total))
  expect(Number(queued)).toBe(0)
  expect(run.out).toMatch(/bodies rendered in \d/)

  expect(statuses.length).toBeGreaterThan(0)
  expect(statuses.filter((s) => s !== 200)).toEqual([])

  expect(
    await sql(
      `SELECT 1 FROM search_document WHERE product_id = 'prod_rebuild_ghost'`
    )
  ).toHaveLength(0)
  expect(
    await sql(
      `SELECT 1 FROM catalogue_body b JOIN search_document d ON d.product_id = b.product_id AND d.version = b.version
        WHERE b.product_id = $1 AND b.context = '-'`,
      [victim.id]
    )
  ).toHaveLength(1)
  const after = await storeGet(`/store/products/${victim.id}`)
  expect(after.status).toBe(200)
  // the body core renders again (relations core returns unordered compared sorted by id)
  expect(normalise(after.json)).toEqual(normalise(before.json))
  expect(after.json.product.title).toBe(victim.title)
})

it("renders the bodies itself when the server it follows has stopped (npm start stopped a moment before)", async () => {
  // a copy of the shop with no server on it, whose last rendering server spoke a moment ago
  const db = await siblingDatabase()
  try {
    if (!(await copyDatabase(testEnv().databaseUrl, db.url))) {
      // no pg_dump on this machine: the copy is the only way to get a second shop quickly
      console.warn("pg_dump is not installed: test skipped")
      return
    }
    const query = (text: string) => sqlOn(db.url, text)
    await query(`DELETE FROM catalogue_body`)
    await query(
      `UPDATE catalogue_state SET renderer_seen_at = now() WHERE id = 1`
    )
    const run = await runRebuild(db.url)
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/a running server renders the bodies/)
    expect(run.out).toMatch(
      /the server stopped rendering \(no word for 30 s\): starting one here/
    )
    expect(run.out).toMatch(/bodies rendered in \d/)
    const [{ missing }] = await query(
      `SELECT count(*)::int AS missing FROM search_document d
        WHERE d.status = 'published' AND cardinality(d.sales_channel_ids) > 0
          AND NOT EXISTS (SELECT 1 FROM catalogue_body b WHERE b.product_id = d.product_id AND b.context = '-' AND b.version = d.version)`
    )
    expect(missing).toBe(0)
  } finally {
    await db.drop()
  }
}, 300000)
