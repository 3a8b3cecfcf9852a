#!/usr/bin/env node
/**
 * `npm run search:reindex`: rebuilds every PostgreSQL search document (plugins/search) from the
 * catalogue, in chunks of products (one transaction each, so the store keeps answering from the
 * old documents meanwhile), removes documents of deleted products and rebuilds the typo dictionary.
 *
 *   npm run search:reindex                 (DATABASE_URL, or the embedded PostgreSQL of `npm start`)
 *   npm run search:reindex -- --chunk 5000
 *
 * The server's refresh loop keeps running beside it: changes queued in `search_dirty` while the
 * reindex runs are still applied by the loop afterwards (nothing is taken from the queue here).
 */
const fs = require("fs")
const path = require("path")
const { Client } = require("pg")

const ROOT = path.resolve(__dirname, "..")
const DIST = path.join(
  ROOT,
  "plugins",
  "search",
  "dist",
  "lib",
  "document-sql.js"
)

/** Tables the documents are read from: fresh statistics keep the set-based SQL on hash joins. */
const SOURCE_TABLES = [
  "product",
  "product_variant",
  "product_category",
  "product_category_product",
  "product_sales_channel",
  "product_tags",
  "product_tag",
  "fitment_product",
  "part_number",
  "fitment",
  "brand",
  "vehicle",
]

const REBUILD_WORDS_SQL = `
INSERT INTO search_word (word)
SELECT DISTINCT w FROM search_document d, regexp_split_to_table(d.words, '[^a-z0-9]+') w
 WHERE length(w) >= 3 AND w !~ '^[0-9]+$'
ON CONFLICT (word) DO NOTHING`

async function loadSql() {
  if (!fs.existsSync(DIST)) {
    await require("./build").build({ ifChanged: true, admin: false })
  }
  return require(DIST)
}

/**
 * Rebuilds all documents on the database at `url`.
 * `log` gets the progress, `summary` the last line (the launcher prints it on stdout).
 * @returns {{ products: number, removed: number, words: number, ms: number }}
 */
async function reindex({
  url,
  chunk = 5000,
  log = console.log,
  summary = log,
} = {}) {
  if (!Number.isInteger(chunk) || chunk < 1) {
    throw new Error(`--chunk must be a positive whole number, got ${chunk}`)
  }
  const {
    upsertDocumentsSql,
    FITMENT_PRESENT_SQL,
    DELETE_LIST_ENTRIES_SQL,
    insertListEntriesSql,
  } = await loadSql()
  const client = new Client({ connectionString: url })
  await client.connect()
  const started = Date.now()
  try {
    const [{ ready }] = (
      await client.query(
        `SELECT to_regclass('public.search_document') IS NOT NULL AS ready`
      )
    ).rows
    if (!ready) {
      throw new Error(
        "table search_document is missing: run the migrations first (npm run migrate)"
      )
    }
    const present = (
      await client.query(
        `SELECT t FROM unnest($1::text[]) t WHERE to_regclass('public.' || t) IS NOT NULL`,
        [SOURCE_TABLES]
      )
    ).rows.map((r) => r.t)
    await client.query(`ANALYZE ${present.map((t) => `"${t}"`).join(", ")}`)
    const [{ present: fitment }] = (await client.query(FITMENT_PRESENT_SQL))
      .rows
    const sql = upsertDocumentsSql({ fitment: Boolean(fitment) })
    const entriesSql = insertListEntriesSql({ fitment: Boolean(fitment) })
    const ids = (
      await client.query(
        `SELECT id FROM product WHERE deleted_at IS NULL ORDER BY id`
      )
    ).rows.map((r) => r.id)
    log(
      `reindexing ${ids.length} products${fitment ? " (with fitment data)" : ""} in chunks of ${chunk}`
    )
    let done = 0
    let lastLog = Date.now()
    for (let i = 0; i < ids.length; i += chunk) {
      const part = ids.slice(i, i + chunk)
      await client.query("BEGIN")
      try {
        // JIT compiling this statement costs seconds (its estimated cost is high), running it milliseconds
        await client.query("SET LOCAL jit = off")
        await client.query(sql, [part])
        await client.query(DELETE_LIST_ENTRIES_SQL, [part])
        await client.query(entriesSql, [part])
        await client.query("COMMIT")
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined)
        throw new Error(
          `reindex failed on products ${part[0]} … ${part[part.length - 1]}: ${e.message}`
        )
      }
      done += part.length
      if (Date.now() - lastLog > 5000 || done === ids.length) {
        lastLog = Date.now()
        log(
          `  ${done}/${ids.length} documents (${((Date.now() - started) / 1000).toFixed(1)} s)`
        )
      }
    }
    await client.query("BEGIN")
    const removed = (
      await client.query(`
        DELETE FROM search_document d
         WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.id = d.product_id AND p.deleted_at IS NULL)`)
    ).rowCount
    // and their entries in the kept lists (a product deleted while no trigger heard it)
    await client.query(`
      DELETE FROM catalogue_list_entry e
       WHERE NOT EXISTS (SELECT 1 FROM search_document d WHERE d.product_id = e.product_id AND d.status = 'published')`)
    // the dictionary is rebuilt from scratch so that words no product uses any more disappear
    await client.query(`DELETE FROM search_word`)
    await client.query(REBUILD_WORDS_SQL)
    // rebuilt documents have new versions: the catalogue's rendered bodies and cached answers are stale
    await client.query(
      `UPDATE catalogue_state SET products_generation = products_generation + 1 WHERE id = 1`
    )
    await client.query("COMMIT")
    const [{ words }] = (
      await client.query(`SELECT count(*)::int AS words FROM search_word`)
    ).rows
    await client.query(`ANALYZE search_document, search_word`)
    const ms = Date.now() - started
    summary(
      `reindexed ${ids.length} products in ${(ms / 1000).toFixed(1)} s (${removed} stale documents removed, ${words} dictionary words)`
    )
    return { products: ids.length, removed, words, ms }
  } finally {
    await client.end().catch(() => undefined)
  }
}

function parseArgs(argv) {
  return require("./lib/cli").parseChunkArgs(argv, "search-reindex")
}

module.exports = { reindex, parseArgs }

if (require.main === module) {
  // the shared launch contract (scripts/lib/cli.js): same as `npm run search:reindex`
  const { TOOLS } = require("./cli")
  require("./lib/cli").runCommand(
    { name: "search:reindex", ...TOOLS["search:reindex"] },
    process.argv.slice(2)
  )
}
