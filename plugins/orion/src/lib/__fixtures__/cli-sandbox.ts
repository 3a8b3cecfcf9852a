import fs from "fs"
import os from "os"
import path from "path"

/** What a CLI spec works in: a temporary folder, and stdout / stderr captured. */
export type CliSandbox = {
  dir: string
  err: jest.SpyInstance
  out: jest.SpyInstance
}

/** Registers the hooks giving each test a fresh sandbox (read its fields inside the tests). */
export function cliSandbox(): CliSandbox {
  const sandbox = {} as CliSandbox
  beforeEach(() => {
    sandbox.dir = fs.mkdtempSync(path.join(os.tmpdir(), "orion-cli-"))
    sandbox.err = jest
      .spyOn(process.stderr, "write")
      .mockImplementation(() => true)
    sandbox.out = jest
      .spyOn(process.stdout, "write")
      .mockImplementation(() => true)
  })
  afterEach(() => {
    sandbox.err.mockRestore()
    sandbox.out.mockRestore()
    fs.rmSync(sandbox.dir, { recursive: true, force: true })
  })
  return sandbox
}
