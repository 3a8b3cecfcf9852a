/** The arguments of `npm run db:backup` and `npm run db:restore`. */
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")

const BACKUP_USAGE =
  "usage: npm run db:backup [-- --dir <folder>] [--keep N]   (defaults: BACKUP_DIR or .data/backups, BACKUP_KEEP or 14)"
const RESTORE_USAGE =
  "usage: npm run db:restore -- <file.dump> [--force]   (--force replaces a database that is not empty)"

function usageError(message) {
  const { UsageError } = require("./cli")
  return new UsageError(message)
}

function positiveInt(raw, what) {
  if (!/^[1-9][0-9]*$/.test(String(raw ?? ""))) {
    throw usageError(
      `${what} expects a positive whole number, got ${JSON.stringify(raw ?? "")}`
    )
  }
  return Number(raw)
}

function parseBackupArgs(argv, env = process.env) {
  const out = {
    dir: path.resolve(ROOT, env.BACKUP_DIR || ".data/backups"),
    keep: env.BACKUP_KEEP ? positiveInt(env.BACKUP_KEEP, "BACKUP_KEEP") : 14,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === "--help" || a === "-h") {
      return { help: true }
    } else if (a === "--dir") {
      if (!argv[i + 1]) {
        throw usageError(`--dir expects a folder (${BACKUP_USAGE})`)
      }
      out.dir = path.resolve(argv[++i])
    } else if (a === "--keep") {
      out.keep = positiveInt(argv[++i], "--keep")
    } else {
      throw usageError(`unknown argument "${a}" (${BACKUP_USAGE})`)
    }
  }
  return out
}

function parseRestoreArgs(argv) {
  const out = { force: false, file: null }
  for (const a of argv) {
    if (a === "--help" || a === "-h") {
      return { help: true }
    } else if (a === "--force") {
      out.force = true
    } else if (a.startsWith("-")) {
      throw usageError(`unknown option "${a}" (${RESTORE_USAGE})`)
    } else if (out.file) {
      throw usageError(
        `one file only, got "${out.file}" and "${a}" (${RESTORE_USAGE})`
      )
    } else {
      out.file = path.resolve(a)
    }
  }
  if (!out.file) {
    throw usageError(RESTORE_USAGE)
  }
  if (!fs.existsSync(out.file) || !fs.statSync(out.file).isFile()) {
    throw usageError(`backup file not found: ${out.file}`)
  }
  return out
}

module.exports = {
  parseBackupArgs,
  parseRestoreArgs,
  BACKUP_USAGE,
  RESTORE_USAGE,
}
