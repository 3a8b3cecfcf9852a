#!/usr/bin/env node
/**
 * `npm test`: builds the project, then runs the unit tests and the
 * integration tests (which boot the real Medusa server) in one Jest run.
 * Extra arguments go to Jest, e.g. `npm test -- integration-tests/foundation`.
 */
const path = require("path")
const { spawnSync } = require("child_process")
const ROOT = path.resolve(__dirname, "..")
require("dotenv").config({ path: path.join(ROOT, ".env") })
const { build } = require("./build")

async function main() {
  const started = Date.now()
  await build({ ifChanged: true, admin: true })
  console.log(
    `[test] build ready in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
  const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js")
  const args = ["--runInBand", "--forceExit", ...process.argv.slice(2)]
  const result = spawnSync(process.execPath, [jest, ...args], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "test" },
  })
  process.exit(result.status === null ? 1 : result.status)
}

main().catch((e) => {
  console.error(e.message)
  process.exit(1)
})
