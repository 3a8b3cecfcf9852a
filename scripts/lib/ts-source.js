/**
 * Loads a pure TypeScript module of the project from its source, without a
 * build: the data scripts run on a fresh clone before `npm start` has built
 * anything, yet share a few pure modules with the plugins (Orion's random
 * generator and calendar) instead of keeping copies of them. The source is
 * compiled in memory by @swc/core, the compiler the unit tests use (jest.config.js).
 *
 * Only for modules without decorators or Medusa wiring: relative imports are
 * loaded the same way, packages with Node's require.
 */
"use strict"

const fs = require("fs")
const path = require("path")
const vm = require("vm")
const { createRequire } = require("module")
const { transformSync } = require("@swc/core")

const loaded = new Map()

function resolveSource(from, id) {
  const base = path.resolve(path.dirname(from), id)
  for (const file of [base, `${base}.ts`, path.join(base, "index.ts")]) {
    if (file.endsWith(".ts") && fs.existsSync(file)) {
      return file
    }
  }
  throw new Error(`ts-source: cannot find ${id} from ${from}`)
}

/** The exports of the TypeScript file `file` (absolute path). */
function requireSource(file) {
  const filename = path.resolve(file)
  const hit = loaded.get(filename)
  if (hit) {
    return hit.exports
  }
  const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: { parser: { syntax: "typescript" }, target: "es2021" },
    module: { type: "commonjs" },
  })
  const mod = { exports: {} }
  loaded.set(filename, mod)
  const nodeRequire = createRequire(filename)
  const localRequire = (id) =>
    id.startsWith(".")
      ? requireSource(resolveSource(filename, id))
      : nodeRequire(id)
  const run = vm.compileFunction(
    code,
    ["exports", "require", "module", "__filename", "__dirname"],
    { filename }
  )
  run(mod.exports, localRequire, mod, filename, path.dirname(filename))
  return mod.exports
}

/** Orion's pure modules (random generator, calendar), which the data scripts load with requireSource. */
const ORION_LIB = path.join(
  __dirname,
  "..",
  "..",
  "plugins",
  "orion",
  "src",
  "lib"
)

module.exports = { requireSource, ORION_LIB }
