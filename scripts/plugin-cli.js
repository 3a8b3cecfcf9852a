#!/usr/bin/env node
/**
 * Runs a plugin's command line (`plugins/<name>/src/cli/index.ts`), building
 * what changed first:  node scripts/plugin-cli.js orion forecast --input ...
 */
const path = require("path")
const ROOT = path.resolve(__dirname, "..")
require("dotenv").config({ path: path.join(ROOT, ".env") })

async function main() {
  const [plugin, ...argv] = process.argv.slice(2)
  if (!plugin) {
    throw new Error("usage: node scripts/plugin-cli.js <plugin> [command] [options]")
  }
  const { build } = require("./build")
  await build({ ifChanged: true, admin: false, quiet: true })
  const cli = require(path.join(ROOT, "plugins", plugin, "dist", "cli", "index.js"))
  if (typeof cli.main !== "function") {
    throw new Error(`plugins/${plugin}/src/cli/index.ts exports no main(argv)`)
  }
  const code = await cli.main(argv)
  process.exitCode = typeof code === "number" ? code : process.exitCode
}

main().catch((e) => {
  console.error(e.message)
  process.exit(1)
})
