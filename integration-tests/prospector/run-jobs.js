/**
 * Boots the Medusa container on the test database (like scripts/cli.js,
 * without Redis so nothing is scheduled) and runs the steps given as JSON in argv[2]:
 *   { "job": "prospector-price-watch" }            the job file's default export, as BullMQ would call it
 *   { "call": "scheduledSearch", "now": "<ISO>" }  prospectorRunService.scheduledSearch(now)
 *   { "call": "scheduledReport", "now": "<ISO>" }  prospectorReportService.scheduledReport(now)
 * Prints one line `RESULT <json>` per step (null when the step returned nothing).
 */
const path = require("path")
const ROOT = path.resolve(__dirname, "..", "..")

const SERVICES = {
  scheduledSearch: "prospectorRunService",
  scheduledReport: "prospectorReportService",
}

async function main() {
  const steps = JSON.parse(process.argv[2] || "[]")
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  delete process.env.REDIS_URL
  const express = require("express")
  const loaders = require("@medusajs/medusa/dist/loaders").default
  const booted = await loaders({
    directory: ROOT,
    expressApp: express(),
    isTest: false,
  })
  try {
    for (const step of steps) {
      let result = null
      if (step.job) {
        const job = require(
          path.join(
            ROOT,
            "plugins",
            "prospector",
            "dist",
            "jobs",
            `${step.job}.js`
          )
        )
        await job.default({
          container: booted.container,
          data: {},
          pluginOptions: {},
        })
      } else if (SERVICES[step.call]) {
        result =
          (await booted.container
            .resolve(SERVICES[step.call])
            [step.call](new Date(step.now))) ?? null
      } else {
        throw new Error(`unknown step ${JSON.stringify(step)}`)
      }
      process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
    }
  } finally {
    await booted.shutdown().catch(() => undefined)
  }
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e.stack || e.message)
    process.exit(1)
  })
