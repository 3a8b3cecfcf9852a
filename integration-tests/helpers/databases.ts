import { spawn, spawnSync } from "child_process"
import { Client } from "pg"

/** Copies the shared test database into `target` (pg_dump | pg_restore); false when pg_dump is not installed. */
export async function copyDatabase(
  source: string,
  target: string
): Promise<boolean> {
  if (
    spawnSync("pg_dump", ["--version"]).status !== 0 ||
    spawnSync("pg_restore", ["--version"]).status !== 0
  ) {
    return false
  }
  await new Promise<void>((resolve, reject) => {
    const dump = spawn(
      "pg_dump",
      ["--format=custom", "--no-owner", "--no-privileges", source],
      { stdio: ["ignore", "pipe", "pipe"] }
    )
    const restore = spawn(
      "pg_restore",
      ["--no-owner", "--no-privileges", "--dbname", target],
      { stdio: ["pipe", "ignore", "pipe"] }
    )
    let errors = ""
    dump.stderr.on("data", (d) => (errors += d))
    restore.stderr.on("data", (d) => (errors += d))
    dump.stdout.pipe(restore.stdin)
    restore.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`pg_restore exited with ${code}: ${errors.slice(-2000)}`)
          )
    )
  }).catch(async (e) => {
    // pg_restore exits 1 on warnings it ignored (e.g. a comment on the public schema): the copy counts
    // when the shop is there
    const client = new Client({ connectionString: target })
    await client.connect()
    const { rows } = await client
      .query(`SELECT count(*)::int AS n FROM product`)
      .finally(() => client.end())
    if (!rows[0].n) {
      throw e
    }
  })
  return true
}
