const fs = require("fs")
const os = require("os")
const path = require("path")
const {
  parseBackupArgs,
  parseRestoreArgs,
  listBackups,
  timestamp,
  findBinary,
} = require("./backup")

describe("db:backup arguments", () => {
  it("defaults to BACKUP_DIR / BACKUP_KEEP, overridden by --dir / --keep", () => {
    expect(
      parseBackupArgs([], { BACKUP_DIR: "/srv/backups", BACKUP_KEEP: "7" })
    ).toEqual({ dir: "/srv/backups", keep: 7 })
    const d = parseBackupArgs([], {})
    expect(d.keep).toBe(14)
    expect(d.dir).toMatch(/\.data\/backups$/)
    expect(parseBackupArgs(["--dir", "/tmp/b", "--keep", "3"], {})).toEqual({
      dir: "/tmp/b",
      keep: 3,
    })
  })

  it("refuses a bad count or an unknown argument with one line naming it", () => {
    expect(() => parseBackupArgs(["--keep", "0"], {})).toThrow(
      '--keep expects a positive whole number, got "0"'
    )
    expect(() => parseBackupArgs(["--keep"], {})).toThrow(
      '--keep expects a positive whole number, got ""'
    )
    expect(() => parseBackupArgs([], { BACKUP_KEEP: "all" })).toThrow(
      'BACKUP_KEEP expects a positive whole number, got "all"'
    )
    expect(() => parseBackupArgs(["--fast"], {})).toThrow(
      /unknown argument "--fast"/
    )
    expect(() => parseBackupArgs(["--fast"], {})).toThrow(
      expect.objectContaining({ name: "UsageError" })
    )
  })
})

describe("db:restore arguments", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "restore-args-"))
  const file = path.join(dir, "shabou-2026-01-01T00-00-00-000Z.dump")
  fs.writeFileSync(file, "PGDMP")
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("takes one file and --force", () => {
    expect(parseRestoreArgs([file])).toEqual({ file, force: false })
    expect(parseRestoreArgs(["--force", file])).toEqual({ file, force: true })
  })

  it("names a missing file, a second file, an unknown option, no file", () => {
    expect(() => parseRestoreArgs([path.join(dir, "nope.dump")])).toThrow(
      `backup file not found: ${path.join(dir, "nope.dump")}`
    )
    expect(() => parseRestoreArgs([file, file])).toThrow(/one file only/)
    expect(() => parseRestoreArgs([file, "--yes"])).toThrow(
      /unknown option "--yes"/
    )
    expect(() => parseRestoreArgs([])).toThrow(
      /usage: npm run db:restore -- <file.dump>/
    )
    expect(() => parseRestoreArgs([dir])).toThrow(/backup file not found/)
  })
})

describe("backup files", () => {
  it("timestamps sort in time order and hold no colon", () => {
    const a = timestamp(new Date("2026-03-09T08:05:01.002Z"))
    const b = timestamp(new Date("2026-11-10T23:59:59.999Z"))
    expect(a).toBe("2026-03-09T08-05-01-002Z")
    expect([b, a].sort()).toEqual([a, b])
  })

  it("lists only this database's finished backups, oldest first", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backups-"))
    try {
      for (const f of [
        "shabou-2026-02-01T00-00-00-000Z.dump",
        "shabou-2026-01-01T00-00-00-000Z.dump",
        "shabou-2026-03-01T00-00-00-000Z.dump.partial",
        "shabou_test-2026-01-01T00-00-00-000Z.dump",
        "other-2026-01-01T00-00-00-000Z.dump",
        "shabou-notes.dump",
      ]) {
        fs.writeFileSync(path.join(dir, f), "")
      }
      expect(listBackups(dir, "shabou").map((f) => path.basename(f))).toEqual([
        "shabou-2026-01-01T00-00-00-000Z.dump",
        "shabou-2026-02-01T00-00-00-000Z.dump",
      ])
      expect(listBackups(path.join(dir, "none"), "shabou")).toEqual([])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("explains which client to install when no pg_dump serves the server's version", () => {
    expect(() => findBinary("pg_dump", 99)).toThrow(
      /no pg_dump of PostgreSQL 99 or newer found.*postgresql-client-99/
    )
  })
})
