/**
 * Database backups (`npm run db:backup`) and restores (`npm run db:restore -- <file>`).
 *
 * A backup is a pg_dump custom-format archive (compressed, restorable table by table), written under a
 * temporary name and renamed when complete, named `<database>-<UTC timestamp>.dump` in BACKUP_DIR
 * (default .data/backups); only the newest BACKUP_KEEP (default 14) of that database are kept.
 * A restore goes into an empty database in one transaction (all or nothing), and refuses a database
 * that holds tables unless --force (then the public schema is dropped and recreated first).
 *
 * The binaries: pg_dump / pg_restore of the embedded PostgreSQL package (the same major version as
 * the embedded server) when they serve the server's major version, else a PostgreSQL installation of
 * the machine whose major version is the server's (or the nearest newer one: pg_dump refuses older).
 */
const fs = require("fs")
const path = require("path")
const { execFileSync } = require("child_process")
const { redact } = require("./database")
const {
  parseBackupArgs,
  parseRestoreArgs,
  BACKUP_USAGE,
  RESTORE_USAGE,
} = require("./backup-args")
const {
  BackupError,
  findBinary,
  connection,
  serverInfo,
  run,
  tableCounter,
} = require("./pg-tools")

function timestamp(date = new Date()) {
  return date
    .toISOString()
    .replace(/:/g, "-")
    .replace(/\.(\d{3})Z$/, "-$1Z")
}

/** The backups of `database` in `dir`, oldest first. */
function listBackups(dir, database) {
  const prefix = `${database}-`
  if (!fs.existsSync(dir)) {
    return []
  }
  return fs
    .readdirSync(dir)
    .filter(
      (f) =>
        f.startsWith(prefix) &&
        f.endsWith(".dump") &&
        /^\d{4}-\d{2}-\d{2}T/.test(f.slice(prefix.length))
    )
    .sort()
    .map((f) => path.join(dir, f))
}

/**
 * Backs up the database at `url` into `dir`, keeps the newest `keep` backups of that database.
 * @returns {{ file: string, bytes: number, removed: string[], ms: number }}
 */
async function backup({
  url,
  dir,
  keep = 14,
  log = console.error,
  progress = null,
}) {
  const started = Date.now()
  const { major, tables } = await serverInfo(url)
  const { file: pgDump, major: dumpMajor } = findBinary("pg_dump", major)
  const { dbname, env, database } = connection(url)
  fs.mkdirSync(dir, { recursive: true })
  const target = path.join(dir, `${database}-${timestamp()}.dump`)
  const partial = `${target}.partial`
  log(
    `backing up ${redact(url)} (PostgreSQL ${major}, ${tables} tables) with pg_dump ${dumpMajor} to ${path.relative(process.cwd(), target) || target}`
  )
  try {
    await run(
      pgDump,
      [
        "--format=custom",
        "--compress=6",
        "--no-owner",
        "--no-acl",
        "--verbose",
        `--file=${partial}`,
        `--dbname=${dbname}`,
      ],
      {
        env,
        onLine: tableCounter(
          progress,
          /dumping contents of table "?([^"\s]+)"?/,
          tables,
          "dumped"
        ),
      }
    )
  } catch (e) {
    fs.rmSync(partial, { force: true })
    throw e
  } finally {
    if (progress) {
      progress.done()
    }
  }
  fs.renameSync(partial, target)
  const removed = []
  const all = listBackups(dir, database)
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    fs.rmSync(old, { force: true })
    removed.push(old)
  }
  const bytes = fs.statSync(target).size
  const ms = Date.now() - started
  log(
    `backup written: ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${(ms / 1000).toFixed(1)} s)${removed.length ? `; ${removed.length} older backup(s) removed (keeping ${keep})` : ""}`
  )
  return { file: target, bytes, removed, ms }
}

/**
 * Restores `file` (a pg_dump custom archive) into the database at `url`, in one transaction. A database
 * with tables is refused unless `force` (then its public schema is dropped first).
 */
async function restore({
  url,
  file,
  force = false,
  log = console.error,
  progress = null,
}) {
  const started = Date.now()
  const { major, tables } = await serverInfo(url)
  const { file: pgRestore, major: restoreMajor } = findBinary(
    "pg_restore",
    major
  )
  const { dbname, env } = connection(url)
  // the archive is read before anything is changed: a file that is no backup changes nothing
  let entries
  try {
    entries = execFileSync(pgRestore, ["--list", file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 256 * 1024 * 1024,
    })
  } catch (e) {
    const reason = String((e.stderr && e.stderr.toString()) || e.message)
      .trim()
      .split("\n")
      .pop()
    throw new BackupError(
      `${file} is not a backup made by db:backup (pg_restore: ${reason.replace(/^pg_restore: (error: )?/, "")})`
    )
  }
  const dataEntries = entries
    .split("\n")
    .filter((l) => /^\d+;.* TABLE DATA /.test(l)).length
  if (tables > 0) {
    if (!force) {
      throw new BackupError(
        `the database ${redact(url)} is not empty (${tables} tables): restore into an empty database, or add --force to replace everything in it`
      )
    }
    log(
      `--force: dropping the ${tables} tables of ${redact(url)} (schema public) before the restore`
    )
  }
  log(
    `restoring ${path.basename(file)} into ${redact(url)} with pg_restore ${restoreMajor}`
  )
  const args = [
    "--no-owner",
    "--no-acl",
    "--single-transaction",
    "--exit-on-error",
    "--verbose",
    `--dbname=${dbname}`,
    file,
  ]
  if (tables > 0) {
    // dropped inside the restore's own transaction: a failed restore leaves the database as it was
    const pre = path.join(
      require("os").tmpdir(),
      `shabou-restore-${process.pid}.sql`
    )
    fs.writeFileSync(
      pre,
      "DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n"
    )
    try {
      await restoreWithPrelude({
        pgRestore,
        args,
        env,
        dbname,
        pre,
        file,
        progress,
        dataEntries,
      })
    } finally {
      fs.rmSync(pre, { force: true })
    }
  } else {
    try {
      await run(pgRestore, args, {
        env,
        onLine: tableCounter(
          progress,
          /processing data for table "?([^"\s]+)"?/,
          dataEntries,
          "restored"
        ),
      })
    } finally {
      if (progress) {
        progress.done()
      }
    }
  }
  log(
    `restored ${dataEntries} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}

/**
 * --force: pg_restore cannot run SQL of ours in its transaction, so the archive is turned into a
 * script (pg_restore --file=-) and played with psql after the drop, in one transaction.
 */
async function restoreWithPrelude({
  pgRestore,
  env,
  dbname,
  pre,
  file,
  progress,
  dataEntries,
}) {
  const psql = path.join(path.dirname(pgRestore), "psql")
  if (!fs.existsSync(psql)) {
    throw new BackupError(`--force needs psql beside ${pgRestore}`)
  }
  const script = path.join(
    require("os").tmpdir(),
    `shabou-restore-${process.pid}-body.sql`
  )
  try {
    await run(pgRestore, ["--no-owner", "--no-acl", `--file=${script}`, file], {
      env,
    })
    let done = 0
    await run(
      psql,
      [
        "--no-psqlrc",
        "--quiet",
        "--set=ON_ERROR_STOP=1",
        "--single-transaction",
        `--file=${pre}`,
        `--file=${script}`,
        `--dbname=${dbname}`,
      ],
      {
        env: { ...env, PGOPTIONS: "--client-min-messages=warning" },
        onLine: () => {
          if (progress) {
            progress.update(`restoring (${++done} messages)`)
          }
        },
      }
    )
    if (progress) {
      progress.done(`${dataEntries} tables restored`)
    }
  } finally {
    fs.rmSync(script, { force: true })
  }
}

module.exports = {
  backup,
  restore,
  listBackups,
  findBinary,
  parseBackupArgs,
  parseRestoreArgs,
  timestamp,
  BACKUP_USAGE,
  RESTORE_USAGE,
}
