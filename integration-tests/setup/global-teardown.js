module.exports = async function globalTeardown() {
  const state = globalThis.__SHABOU_TEST__
  if (!state) {
    return
  }
  const { child, db } = state
  if (child.exitCode === null) {
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL")
        resolve()
      }, 15000)
      child.once("exit", () => {
        clearTimeout(timer)
        resolve()
      })
      child.kill("SIGTERM")
    })
  }
  await db.stop()
  if (state.serverEnvFile) {
    require("fs").rmSync(state.serverEnvFile, { force: true })
  }
  for (const fixture of state.fixtures ?? []) {
    await fixture.teardown?.()
  }
}
