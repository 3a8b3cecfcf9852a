import { execFileSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"

describe("embedded PostgreSQL (the default database of npm start)", () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "shabou-embedded-"))
  fs.chmodSync(base, 0o777)
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

  it("initialises a cluster with the search extensions, keeps its data across restarts, and refuses a second instance", () => {
    const out = execFileSync(
      process.execPath,
      [
        path.join(__dirname, "fixtures", "embedded-roundtrip.js"),
        path.join(base, "data"),
      ],
      {
        encoding: "utf8",
        timeout: 110000,
      }
    )
    const result = JSON.parse(out.trim().split("\n").pop()!)
    expect(result.port).not.toBe(5432)
    expect(result.unaccent).toBe("Eclairage")
    expect(result.similarity).toBeGreaterThan(0.5)
    expect(result.secondInstance).toMatch(
      /Another PostgreSQL already runs on the data folder/
    )
    expect(result.keptAfterRestart).toEqual(["frein"])
  })
})
