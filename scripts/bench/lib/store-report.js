/** The store bench's report: the machine, and the table of figures with issue 10's target. */
const os = require("os")

function fmt(n, digits = 0) {
  return n === null || n === undefined
    ? "—"
    : Number(n).toLocaleString("en-US", {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })
}

async function machine(db, redis) {
  const [{ version }] = (
    await db.query(`SELECT current_setting('server_version') AS version`)
  ).rows
  const cpus = os.cpus()
  return {
    cores: cpus.length,
    cpu: cpus[0] ? cpus[0].model.trim() : "?",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    postgres: version,
    redis,
    node: process.version,
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  }
}

/**
 * Issue 10's bar: at the first connection count ≥ 25 % of /health's req/s with p95 ≤ 50 ms; at the others
 * no error, timeout nor non-2xx and ≥ 90 % of the first count's req/s.
 */
function target(r, health, base, first) {
  if (r.key === "health") {
    return ""
  }
  const clean = r.errors + r.timeouts + r.non2xx === 0 && r.answered > 0
  const ok = first
    ? clean &&
      health &&
      health.rps > 0 &&
      r.rps >= 0.25 * health.rps &&
      r.p95 !== null &&
      r.p95 <= 50
    : clean && base && base.rps > 0 && r.rps >= 0.9 * base.rps
  return ok ? "✓" : "✗"
}

function table(results, connections) {
  const lines = [
    `| read | conn. | answers | req/s | p50 ms | p95 ms | p99 ms | errors / timeouts / non-2xx | vs /health | vs ${connections[0]} conn. | x-catalogue | target |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|:-:|",
  ]
  for (const c of connections) {
    const health = results.find(
      (r) => r.key === "health" && r.connections === c
    )
    for (const r of results.filter((x) => x.connections === c)) {
      const base = results.find(
        (x) => x.key === r.key && x.connections === connections[0]
      )
      const ratio =
        r.key === "health" || !health || !health.rps
          ? "—"
          : `${fmt((100 * r.rps) / health.rps, 1)} %`
      const scale =
        c === connections[0] || !base || !base.rps
          ? "—"
          : `${fmt((100 * r.rps) / base.rps)} %`
      const header = Object.entries(r.xCatalogue)
        .filter(([k]) => k !== "none" || Object.keys(r.xCatalogue).length > 1)
        .map(([k, n]) => `${k} ${fmt((100 * n) / Math.max(1, r.answered))} %`)
        .join(", ")
      lines.push(
        `| ${r.label} | ${c} | ${fmt(r.answered)} | ${fmt(r.rps, 1)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.errors} / ${r.timeouts} / ${r.non2xx} | ${ratio} | ${scale} | ${header || "—"} | ${target(r, health, base, c === connections[0])} |`
      )
    }
  }
  return lines.join("\n")
}

module.exports = { fmt, machine, table }
