#!/usr/bin/env node
/**
 * `npm run catalogue:rebuild`: rebuilds the catalogue read model (plugins/search) from the core
 * tables, in batches, while the store keeps answering from what it has:
 *
 * 1. every product's document (`search_document`: filters, sort keys, search text), in chunks;
 * 2. the answer cache moves to a new generation (every instance);
 * 3. every product's rendered body in the eager contexts (no region, each region): rendered by
 *    the running server when one is rendering on this database (`npm start`), else by a server
 *    started here for the time of the rebuild (no HTTP port of its own but loopback, no jobs).
 *
 *   npm run catalogue:rebuild                      (DATABASE_URL, or the embedded PostgreSQL of `npm start`)
 *   npm run catalogue:rebuild -- --chunk 5000
 *
 * Progress is printed every few seconds; a bad argument or an unreachable database exits 1 with one line.
 */
const { Client } = require("pg")

const LOG = (m) => console.log(`[catalogue-rebuild] ${m}`)

function parseArgs(argv) {
  return require("./lib/cli").parseChunkArgs(argv, "catalogue:rebuild")
}

/** Published products still lacking a current body in an eager context, and the queue length. */
async function pending(client) {
  const contexts = [
    "-",
    ...(
      await client.query(
        `SELECT 'r=' || id AS key FROM region WHERE deleted_at IS NULL`
      )
    ).rows.map((r) => r.key),
  ]
  const { rows } = await client.query(
    `SELECT (SELECT count(*)::int FROM search_dirty) AS queued,
            (SELECT count(*)::int FROM search_document d, unnest($1::text[]) AS c(key)
              WHERE d.status = 'published' AND cardinality(d.sales_channel_ids) > 0
                AND NOT EXISTS (SELECT 1 FROM catalogue_body b WHERE b.product_id = d.product_id AND b.context = c.key
                                   AND b.version = d.version AND (b.expires_at IS NULL OR b.expires_at > now()))) AS bodies,
            (SELECT count(*)::int FROM search_document d WHERE d.status = 'published') * $2::int AS total`,
    [contexts, contexts.length]
  )
  return rows[0]
}

/** how often the pending bodies are counted: the count is an anti-join over every product, which
 * slowed the rendering down by a third when it ran after every batch */
const PENDING_EVERY_MS = 5000

/**
 * Is a server rendering bodies on this database? Each one that renders says so every 5 s
 * (`catalogue_state.renderer_seen_at`); a server that stopped, or was killed, stops saying it.
 */
async function rendererLive(client, withinSeconds) {
  const [{ live }] = (
    await client.query(
      `SELECT coalesce(renderer_seen_at > now() - make_interval(secs => $1), false) AS live FROM catalogue_state WHERE id = 1`,
      [withinSeconds]
    )
  ).rows
  return live
}

/** a rendering server's word is 5 s old at most; one long warming pass can hold it back a little longer */
const FOLLOW_SILENCE_S = 30

/**
 * Renders (`render`) or waits for the running server to render the missing bodies, printing the progress;
 * the time it took, or null when the server it followed (`follow`) stopped rendering before the end.
 */
async function waitForBodies(client, { log, render, follow = false }) {
  const started = Date.now()
  for (;;) {
    const checkAt = Date.now() + PENDING_EVERY_MS
    while (Date.now() < checkAt) {
      if (render && (await render())) {
        continue
      }
      await new Promise((r) => setTimeout(r, 500))
    }
    const p = await pending(client)
    log(
      `  bodies ${p.total - p.bodies}/${p.total}, queue ${p.queued} (${((Date.now() - started) / 1000).toFixed(1)} s)`
    )
    if (!p.bodies && !p.queued) {
      return Date.now() - started
    }
    if (follow && !(await rendererLive(client, FOLLOW_SILENCE_S))) {
      return null
    }
  }
}

/**
 * The bodies are all there: the planner is told the body table's new size at once (as the reindex
 * does for the documents), not when autovacuum next passes (never, where it is off).
 */
async function rendered(client, ms, log) {
  await client.query(`ANALYZE catalogue_body`)
  log(`bodies rendered in ${(ms / 1000).toFixed(1)} s`)
}

async function rebuild({ url, chunk = 5000, log = LOG }) {
  const { reindex } = require("./search-reindex")
  await reindex({ url, chunk, log })
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(
      `UPDATE catalogue_state SET products_generation = products_generation + 1, lists_generation = lists_generation + 1 WHERE id = 1`
    )
    if (await rendererLive(client, 15)) {
      log("a running server renders the bodies: following its progress")
      const ms = await waitForBodies(client, { log, follow: true })
      if (ms !== null) {
        await rendered(client, ms, log)
        return
      }
      // e.g. `npm start` stopped a moment before the rebuild: its last word was still fresh
      log(
        `the server stopped rendering (no word for ${FOLLOW_SILENCE_S} s): starting one here for the rest`
      )
    } else {
      log(
        "no server renders on this database: starting one here for the rebuild"
      )
    }
    process.env.DATABASE_URL = url
    // this process answers no one: it takes no events and runs no scheduled work
    process.env.MEDUSA_WORKER_MODE = "server"
    const { startServer } = require("./lib/app")
    const { freePort } = require("./lib/database")
    const app = await startServer({
      port: await freePort(),
      seed: false,
      log: (m) => log(m),
    })
    try {
      const documents = app.container.resolve("searchDocumentsService")
      const warmer = app.container.resolve("catalogueWarmerService")
      const ms = await waitForBodies(client, {
        log,
        render: async () => {
          const drained = await documents.drainDirty(500)
          return drained + (await warmer.warm(1000))
        },
      })
      await rendered(client, ms, log)
    } finally {
      await app.close()
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}

module.exports = { rebuild, parseArgs }

if (require.main === module) {
  // the shared launch contract (scripts/lib/cli.js): same as `npm run catalogue:rebuild`
  const { TOOLS } = require("./cli")
  require("./lib/cli").runCommand(
    { name: "catalogue:rebuild", ...TOOLS["catalogue:rebuild"] },
    process.argv.slice(2)
  )
}
