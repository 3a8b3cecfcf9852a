/**
 * The integration tests' server: the real Medusa app of this repository,
 * booted by the same code as `npm start` (migrations, loaders, seed, admin
 * user), on the port and database given by the environment.
 */
const { startServer } = require("../../scripts/lib/app")
const { createLog } = require("../../scripts/lib/observability")

startServer({
  port: Number(process.env.PORT),
  seed: true,
  adminEmail: process.env.MEDUSA_ADMIN_EMAIL,
  adminPassword: process.env.MEDUSA_ADMIN_PASSWORD,
  log: createLog(process.env, { prefix: "[test-server]" }),
})
  .then(({ port, close }) => {
    console.log(`SHABOU_TEST_SERVER_READY ${port}`)
    const stop = () => close().finally(() => process.exit(0))
    process.on("SIGTERM", stop)
    process.on("SIGINT", stop)
  })
  .catch((e) => {
    console.error(`[test-server] failed: ${e.stack || e.message}`)
    process.exit(1)
  })
