#!/usr/bin/env node
/**
 * The one launcher of the command-line tools: `node scripts/cli.js <tool> [arguments]`, behind the
 * npm scripts (`npm run fitment -- …`, `npm run prospector -- …`, `npm run orion -- …`,
 * `npm run search:reindex`, `npm run catalogue:rebuild`, `npm run db:backup`, `npm run db:restore -- <file>`,
 * `npm run migrate`, `npm run seed`). Every tool follows the contract of scripts/lib/cli.js: it works
 * beside a running `npm start` on the same data (using its embedded PostgreSQL), starts its own only
 * when none runs, prints progress on stderr and exits non-zero with one clear line on bad input.
 */
const path = require("path")
const {
  runCommand,
  bootContainer,
  progressLine,
  UsageError,
  ROOT,
} = require("./lib/cli")

/** Per-table progress of pg_dump / pg_restore: in a log, a line every 2 s at most. */
const tableProgress = (name) =>
  progressLine({ prefix: `[${name}] `, everyMs: 2000 })

const pluginCli = (plugin) =>
  require(path.join(ROOT, "plugins", plugin, "dist", "cli", "index.js"))

const TOOLS = {
  fitment: {
    usage:
      "usage: npm run fitment -- import vehicles|fitments <file.csv> [--dry-run] [--skip-invalid]" +
      " | export vehicles|fitments [<file.csv>] (standard output without a file)",
    tables: ["fitment", "vehicle"],
    // the fitment CLI checks its own arguments and file (exit 2 with the usage) before touching the database
    async run({ argv, db }) {
      const cli = pluginCli("fitment")
      return cli.main(argv, { databaseUrl: db.url })
    },
    async parse(argv) {
      const [command, type, file, ...rest] = argv.filter(
        (a) => !a.startsWith("--")
      )
      const flags = argv.filter((a) => a.startsWith("--"))
      const unknown = flags.filter(
        (f) => !["--dry-run", "--skip-invalid", "--help"].includes(f)
      )
      if (flags.includes("--help")) {
        return { help: true }
      }
      if (unknown.length) {
        throw new UsageError(
          `unknown option ${unknown.join(", ")} (${TOOLS.fitment.usage})`
        )
      }
      if (
        command === "export" &&
        ["vehicles", "fitments"].includes(type) &&
        !rest.length &&
        !flags.length
      ) {
        return {}
      }
      if (
        command !== "import" ||
        !["vehicles", "fitments"].includes(type) ||
        !file ||
        rest.length
      ) {
        throw new UsageError(TOOLS.fitment.usage)
      }
      const fs = require("fs")
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        throw new UsageError(`file not found: ${file}`)
      }
      return {}
    },
  },

  prospector: {
    usage: () => pluginCli("prospector").USAGE,
    tables: ["prospector_lead", "prospector_run"],
    parseAfterBuild: true,
    async parse(argv) {
      const cli = pluginCli("prospector")
      if (argv.includes("--help") || argv.includes("-h")) {
        return { help: true }
      }
      try {
        cli.parseCommand(argv)
      } catch (e) {
        throw new UsageError(e.message)
      }
      return {}
    },
    async run({ argv, progress }) {
      const cli = pluginCli("prospector")
      const { container, shutdown } = await bootContainer()
      try {
        return await cli.run(argv, container, {
          log: (line) => {
            progress.done()
            console.log(line)
          },
          progress: (line) => progress.update(line),
        })
      } finally {
        progress.done()
        await shutdown()
      }
    },
  },

  orion: {
    database: "none",
    async run({ argv }) {
      return pluginCli("orion").main(argv)
    },
  },

  "search:reindex": {
    usage:
      "usage: npm run search:reindex [-- --chunk N]   rebuilds every search document",
    tables: ["search_document", "catalogue_state"],
    parse: (argv) => require("./search-reindex").parseArgs(argv),
    async run({ args, db, log }) {
      await require("./search-reindex").reindex({
        url: db.url,
        chunk: args.chunk,
        log,
        summary: (m) => console.log(m),
      })
      return 0
    },
  },

  "catalogue:rebuild": {
    usage:
      "usage: npm run catalogue:rebuild [-- --chunk N]   rebuilds the store read model",
    tables: ["search_document", "catalogue_state"],
    parse: (argv) => require("./catalogue-rebuild").parseArgs(argv),
    async run({ args, db, log }) {
      await require("./catalogue-rebuild").rebuild({
        url: db.url,
        chunk: args.chunk,
        log,
      })
      return 0
    },
  },

  "db:backup": {
    usage: require("./lib/backup").BACKUP_USAGE,
    build: false,
    migrate: false,
    parse: (argv) => require("./lib/backup").parseBackupArgs(argv),
    async run({ args, db, log }) {
      const { backup } = require("./lib/backup")
      const result = await backup({
        url: db.url,
        dir: args.dir,
        keep: args.keep,
        log,
        progress: tableProgress("db:backup"),
      })
      console.log(result.file)
      return 0
    },
  },

  "db:restore": {
    usage: require("./lib/backup").RESTORE_USAGE,
    build: false,
    migrate: false,
    parse: (argv) => require("./lib/backup").parseRestoreArgs(argv),
    async run({ args, db, log }) {
      const { restore } = require("./lib/backup")
      await restore({
        url: db.url,
        file: args.file,
        force: args.force,
        log,
        progress: tableProgress("db:restore"),
      })
      return 0
    },
  },

  migrate: {
    usage:
      "usage: npm run migrate   runs every pending migration (core and plugins)",
    migrate: false,
    parse: (argv) => noArguments(argv, "migrate"),
    async run({ log }) {
      const { runMigrations } = require("./lib/app")
      await runMigrations({ log })
      return 0
    },
  },

  seed: {
    usage:
      "usage: npm run seed   loads the demo catalogue into an empty database (skipped when it has products)",
    tables: ["product", "fitment"],
    parse: (argv) => noArguments(argv, "seed"),
    async run({ log }) {
      const { container, shutdown } = await bootContainer()
      try {
        await require("./lib/seed").seedDemo(container, { log })
      } finally {
        await shutdown()
      }
      return 0
    },
  },
}

function noArguments(argv, name) {
  if (argv.includes("--help") || argv.includes("-h")) {
    return { help: true }
  }
  if (argv.length) {
    throw new UsageError(
      `unknown argument "${argv[0]}" (usage: npm run ${name})`
    )
  }
  return {}
}

if (require.main === module) {
  const [tool, ...argv] = process.argv.slice(2)
  const spec = TOOLS[tool]
  if (!spec) {
    process.stderr.write(
      `unknown tool "${tool || ""}": one of ${Object.keys(TOOLS).join(", ")} (usage: node scripts/cli.js <tool> [arguments])\n`
    )
    process.exit(2)
  }
  runCommand({ name: tool, ...spec }, argv)
}

module.exports = { TOOLS }
