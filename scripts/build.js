#!/usr/bin/env node
/**
 * Builds the shared packages first (`packages/<name>/src/` → `packages/<name>/dist/`, with
 * declarations: the others type-check against them), then the project (`src/` → `dist/`) and every
 * local plugin (`plugins/<name>/src/` → `plugins/<name>/dist/`) with tsc, and the admin UI
 * (`build/`) with medusa-admin.
 *
 *   node scripts/build.js              build everything
 *   node scripts/build.js --if-changed build only what changed since the last build
 *   node scripts/build.js --no-admin   skip the admin UI
 */
const fs = require("fs")
const path = require("path")
const crypto = require("crypto")
const { spawn } = require("child_process")

const ROOT = path.resolve(__dirname, "..")
const STATE_FILE = path.join(ROOT, ".cache", "build-state.json")

function listFiles(dir, out = []) {
  if (!fs.existsSync(dir)) {
    return out
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") {
      continue
    }
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      listFiles(full, out)
    } else {
      out.push(full)
    }
  }
  return out
}

function fingerprint(paths) {
  const hash = crypto.createHash("sha1")
  for (const p of paths) {
    const files =
      fs.existsSync(p) && fs.statSync(p).isDirectory() ? listFiles(p) : [p]
    for (const file of files.sort()) {
      if (!fs.existsSync(file)) {
        continue
      }
      hash.update(path.relative(ROOT, file))
      hash.update(fs.readFileSync(file))
    }
  }
  return hash.digest("hex")
}

function run(cmd, args, label) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.on("close", (code) => {
      if (code === 0) {
        resolve()
      } else {
        reject(new Error(`${label} failed (exit ${code}):\n${output}`))
      }
    })
  })
}

/** `<folder>/<name>` for each sub-folder with a tsconfig.json. */
function tsProjects(folder) {
  const dir = path.join(ROOT, folder)
  if (!fs.existsSync(dir)) {
    return []
  }
  return fs
    .readdirSync(dir)
    .sort()
    .filter((name) => fs.existsSync(path.join(dir, name, "tsconfig.json")))
    .map((name) => ({ name: `${folder}/${name}`, dir: path.join(dir, name) }))
}

/** Build stages, in order: the shared packages, then the project and the plugins that use them. */
function stages() {
  return [
    tsProjects("packages"),
    [{ name: "project", dir: ROOT }, ...tsProjects("plugins")],
  ]
}

async function buildServer(state, ifChanged, log) {
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc")
  const shared = [
    path.join(ROOT, "tsconfig.base.json"),
    path.join(ROOT, "package-lock.json"),
  ]
  let built = 0
  for (const stage of stages()) {
    const todo = []
    for (const project of stage) {
      const key = fingerprint([
        ...shared,
        path.join(project.dir, "tsconfig.json"),
        path.join(project.dir, "src"),
      ])
      const distExists = fs.existsSync(path.join(project.dir, "dist"))
      if (ifChanged && distExists && state[project.name] === key) {
        continue
      }
      todo.push({ ...project, key })
    }
    // two at a time: our machines have two cores
    const queue = [...todo]
    const worker = async () => {
      while (queue.length) {
        const project = queue.shift()
        const started = Date.now()
        fs.rmSync(path.join(project.dir, "dist"), {
          recursive: true,
          force: true,
        })
        await run(
          process.execPath,
          [tsc, "-p", path.join(project.dir, "tsconfig.json")],
          `tsc ${project.name}`
        )
        state[project.name] = project.key
        log(
          `built ${project.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`
        )
      }
    }
    await Promise.all([worker(), worker()])
    built += todo.length
    // a package's sources are part of what its users are built from: a change there rebuilds them
    shared.push(...stage.map((project) => path.join(project.dir, "src")))
  }
  return built
}

async function buildAdmin(state, ifChanged, log) {
  const key = fingerprint([
    path.join(ROOT, "src", "admin"),
    // the shared packages the admin imports (@shabou/vehicle-label)
    path.join(ROOT, "packages"),
    path.join(ROOT, "package-lock.json"),
    path.join(ROOT, "medusa-config.js"),
    // patch-package patches of the admin UI's sources (applied by npm's postinstall)
    path.join(ROOT, "patches"),
  ])
  if (
    ifChanged &&
    state.admin === key &&
    fs.existsSync(path.join(ROOT, "build", "index.html"))
  ) {
    return 0
  }
  const started = Date.now()
  log("building the admin UI (about a minute)…")
  await run(
    process.execPath,
    [
      path.join(
        ROOT,
        "node_modules",
        "@medusajs",
        "admin",
        "bin",
        "medusa-admin.js"
      ),
      "build",
    ],
    "medusa-admin build"
  )
  state.admin = key
  log(`built admin UI in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return 1
}

async function build({ ifChanged = false, admin = true, quiet = false } = {}) {
  const log = quiet ? (m) => process.stderr.write(`${m}\n`) : console.log
  let state = {}
  if (fs.existsSync(STATE_FILE)) {
    try {
      state = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"))
    } catch (e) {
      state = {}
    }
  }
  const save = () => {
    fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true })
    fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2))
  }
  try {
    await buildServer(state, ifChanged, log)
    if (admin) {
      await buildAdmin(state, ifChanged, log)
    }
  } finally {
    save()
  }
}

module.exports = { build }

if (require.main === module) {
  const args = process.argv.slice(2)
  build({
    ifChanged: args.includes("--if-changed"),
    admin: !args.includes("--no-admin"),
  }).catch((e) => {
    console.error(e.message)
    process.exit(1)
  })
}
