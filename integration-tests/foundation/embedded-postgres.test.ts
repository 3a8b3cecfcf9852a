import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startEmbedded, ConfigError } = require("../../scripts/lib/database")

async function query(url: string, text: string) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text)).rows
  } finally {
    await client.end()
  }
}

describe("embedded PostgreSQL (the default database of npm start)", () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "shabou-embedded-"))
  fs.chmodSync(base, 0o777)
  const dataDir = path.join(base, "data")
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

  it("initialises a cluster with the search extensions, keeps its data across restarts, and refuses a second instance", async () => {
    const first = await startEmbedded({ dataDir, port: 0, database: "shabou", log: () => undefined })
    try {
      expect(first.port).not.toBe(5432)
      await query(first.url, "CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm")
      await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('frein')")
      const [{ u }] = await query(first.url, "SELECT unaccent('Éclairage') AS u")
      expect(u).toBe("Eclairage")
      await expect(startEmbedded({ dataDir, port: 0, database: "shabou", log: () => undefined })).rejects.toBeInstanceOf(
        ConfigError
      )
    } finally {
      await first.stop()
    }
    const second = await startEmbedded({ dataDir, port: 0, database: "shabou", log: () => undefined })
    try {
      expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "frein" }])
    } finally {
      await second.stop()
    }
  })
})
