/**
 * Fitment command line (run through `npm run fitment -- …`, see scripts/cli.js):
 *
 *   import vehicles <file.csv> [--dry-run] [--skip-invalid]
 *   import fitments <file.csv> [--dry-run] [--skip-invalid]
 *   export vehicles|fitments [<file.csv>]   (standard output without a file)
 *
 * Same code path as POST /admin/fitment/imports. Exit codes: 0 success; 1 invalid rows stopped the import
 * (nothing was written; also for a dry run that found invalid rows); 2 usage, file or header error.
 */
import fs from "fs"
import path from "path"
import { SingleBar, Presets } from "cli-progress"
import { EXPORT_TYPES, ExportType } from "../services/fitment-export"
import { ImportResult, ImportType } from "../lib/import-run"
import { exportService, importService, openDataSource } from "./services"

export const USAGE = `usage: fitment import vehicles|fitments <file.csv> [--dry-run] [--skip-invalid]
       fitment export vehicles|fitments [<file.csv>]`

export interface CliIo {
  out: (line: string) => void
  err: NodeJS.WritableStream
}

export interface CliOptions {
  databaseUrl: string
  io?: CliIo
  /** Where `export` writes without a file (default: standard output). */
  stdout?: NodeJS.WritableStream
  /** Show the progress bar (default: when stderr is a terminal or FITMENT_PROGRESS=1). */
  progress?: boolean
}

export async function main(
  argv: string[],
  options: CliOptions
): Promise<number> {
  const io: CliIo = options.io ?? {
    out: (l) => process.stdout.write(`${l}\n`),
    err: process.stderr,
  }
  const flags = new Set(argv.filter((a) => a.startsWith("--")))
  const args = argv.filter((a) => !a.startsWith("--"))
  const unknown = [...flags].filter(
    (f) => !["--dry-run", "--skip-invalid", "--help"].includes(f)
  )
  if (flags.has("--help")) {
    io.out(USAGE)
    return 0
  }
  if (!unknown.length && args[0] === "export" && flags.size === 0) {
    return await exportCommand(args, options, io)
  }
  if (
    unknown.length ||
    args[0] !== "import" ||
    !["vehicles", "fitments"].includes(args[1]) ||
    args.length !== 3
  ) {
    io.err.write(
      `${unknown.length ? `unknown option ${unknown.join(", ")}\n` : ""}${USAGE}\n`
    )
    return 2
  }
  const type = args[1] as ImportType
  const file = path.resolve(args[2])
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    io.err.write(`file not found: ${args[2]}\n`)
    return 2
  }
  const dryRun = flags.has("--dry-run")
  const skipInvalid = flags.has("--skip-invalid")

  const dataSource = await openDataSource(options.databaseUrl)
  const showBar =
    options.progress ??
    (Boolean((io.err as NodeJS.WriteStream).isTTY) ||
      process.env.FITMENT_PROGRESS === "1")
  const bar = new SingleBar(
    {
      stream: io.err,
      format: "{stage} [{bar}] {percentage}% | {value}/{total} rows",
      hideCursor: true,
      noTTYOutput: !(io.err as NodeJS.WriteStream).isTTY,
      notTTYSchedule: 500,
    },
    Presets.shades_classic
  )
  let barStarted = false
  try {
    const service = await importService(dataSource)
    const started = Date.now()
    if (showBar) {
      io.err.write(`reading ${path.basename(file)}…\n`)
    }
    const result = await service.import(type, fs.readFileSync(file), {
      dryRun,
      skipInvalid,
      fileName: path.basename(file),
      actor: "cli",
      detailsLimit: 0,
      onProgress: (stage, done, total) => {
        if (!showBar) return
        if (!barStarted) {
          bar.start(Math.max(total, 1), 0, { stage })
          barStarted = true
        }
        bar.setTotal(Math.max(total, 1))
        bar.update(done, { stage })
      },
    })
    if (barStarted) {
      bar.stop()
    }
    report(result, file, Date.now() - started, io)
    return result.invalid_rows.length && !skipInvalid ? 1 : 0
  } catch (e) {
    if (barStarted) bar.stop()
    const err = e as { type?: string; message?: string }
    io.err.write(`error: ${err.message ?? String(e)}\n`)
    return err.type === "invalid_data" ? 2 : 1
  } finally {
    await dataSource.destroy()
  }
}

/** `export vehicles|fitments [file]`: the same CSV as GET /admin/fitment/export, to a file or standard output. */
async function exportCommand(
  args: string[],
  options: CliOptions,
  io: CliIo
): Promise<number> {
  if (
    !(EXPORT_TYPES as readonly string[]).includes(args[1]) ||
    args.length > 3
  ) {
    io.err.write(`${USAGE}\n`)
    return 2
  }
  const type = args[1] as ExportType
  const file = args[2] ? path.resolve(args[2]) : null
  if (file && !fs.existsSync(path.dirname(file))) {
    io.err.write(`folder not found: ${path.dirname(args[2])}\n`)
    return 2
  }
  const dataSource = await openDataSource(options.databaseUrl)
  // written to a temporary file renamed at the end: an interrupted export never leaves half a file under the name
  const tmp = file ? `${file}.${process.pid}.part` : null
  const out: NodeJS.WritableStream = tmp
    ? fs.createWriteStream(tmp)
    : (options.stdout ?? process.stdout)
  try {
    const started = Date.now()
    const result = await (
      await exportService(dataSource)
    ).export(type, (chunk) => {
      if (!out.write(chunk)) {
        return new Promise<void>((resolve) =>
          out.once("drain", () => resolve())
        )
      }
    })
    if (tmp && file) {
      await new Promise<void>((resolve, reject) =>
        (out as fs.WriteStream).end((e?: Error | null) =>
          e ? reject(e) : resolve()
        )
      )
      fs.renameSync(tmp, file)
    }
    const skipped = result.variant_links_skipped
      ? `; ${result.variant_links_skipped} links bound to one variant left out (the CSV import writes product links)`
      : ""
    io.err.write(
      `${type} export: ${result.rows} rows${file ? ` written to ${args[2]}` : ""} in ${((Date.now() - started) / 1000).toFixed(1)} s${skipped}\n`
    )
    return 0
  } catch (e) {
    if (tmp) {
      ;(out as fs.WriteStream).destroy()
      fs.rmSync(tmp, { force: true })
    }
    io.err.write(`error: ${(e as Error).message ?? String(e)}\n`)
    return 1
  } finally {
    await dataSource.destroy()
  }
}

export function report(
  r: ImportResult,
  file: string,
  ms: number,
  io: CliIo
): void {
  const s = r.summary
  io.out(
    `${r.type} import of ${path.basename(file)}${r.dry_run ? " (dry run: nothing written)" : ""}`
  )
  io.out(
    `  rows read:  ${s.total_rows} (${r.delimiter === ";" ? "semicolon" : r.delimiter === "," ? "comma" : "tab"} separated${r.bom ? ", BOM" : ""}, ${r.encoding})`
  )
  io.out(
    `  created:    ${s.created}${r.type === "vehicles" ? ` (${s.makes_created} new makes, ${s.models_created} new models)` : ` (${s.links_created} links, ${s.universal_set} universal products)`}`
  )
  io.out(`  updated:    ${s.updated}`)
  io.out(`  unchanged:  ${s.unchanged}`)
  io.out(
    `  duplicates: ${s.duplicates} (rows repeating an earlier row, skipped)`
  )
  io.out(`  invalid:    ${s.invalid}`)
  if (r.ignored_columns.length) {
    io.out(`  ignored columns: ${r.ignored_columns.join(", ")}`)
  }
  for (const row of r.invalid_rows) {
    io.out(
      `  row ${row.row}: ${row.errors.map((e) => `${e.column ? `${e.column}: ` : ""}${e.reason}`).join("; ")}`
    )
  }
  if (r.stopped_reason) {
    io.out(`NOT IMPORTED: ${r.stopped_reason}`)
  } else if (r.applied) {
    io.out(
      `done in ${(ms / 1000).toFixed(1)} s${r.invalid_rows.length ? ` (${r.invalid_rows.length} invalid rows skipped; import ${r.id} keeps them as CSV)` : ""}`
    )
  } else if (r.dry_run && r.invalid_rows.length && !r.skip_invalid) {
    io.out(`a real run would stop: fix the invalid rows or use --skip-invalid`)
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL
  if (!url) {
    process.stderr.write(
      "DATABASE_URL is not set (run through `npm run fitment`, which also starts the embedded PostgreSQL)\n"
    )
    process.exit(2)
  }
  main(process.argv.slice(2), { databaseUrl: url }).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${e.stack ?? e}\n`)
      process.exit(1)
    }
  )
}
