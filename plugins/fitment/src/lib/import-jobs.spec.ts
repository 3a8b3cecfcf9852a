import { ImportJobRegistry, progressPercent } from "./import-jobs"

describe("import job registry", () => {
  it("follows a job from queued to done, the percentage never going back", () => {
    let now = Date.parse("2026-03-01T10:00:00Z")
    const jobs = new ImportJobRegistry(1000, () => now)
    jobs.start("fimp_1", {
      type: "fitments",
      file_name: "a.csv",
      dry_run: false,
      skip_invalid: true,
    })
    expect(jobs.get("fimp_1")).toMatchObject({
      status: "running",
      progress: { stage: "queued", percent: 0 },
    })
    jobs.progress("fimp_1", "parsed", 100, 100)
    expect(jobs.get("fimp_1")!.progress.percent).toBe(30)
    jobs.progress("fimp_1", "planned", 100, 100)
    expect(jobs.get("fimp_1")!.progress.percent).toBe(50)
    jobs.progress("fimp_1", "links", 500, 1000)
    expect(jobs.get("fimp_1")!.progress).toEqual({
      stage: "links",
      done: 500,
      total: 1000,
      percent: 74,
    })
    // a later stage starting at 0 does not move the bar back
    jobs.progress("fimp_1", "vehicles", 0, 1000)
    expect(jobs.get("fimp_1")!.progress.percent).toBe(74)
    expect(jobs.running().map((j) => j.id)).toEqual(["fimp_1"])
    jobs.finish("fimp_1", { applied: true })
    expect(jobs.get("fimp_1")).toMatchObject({
      status: "done",
      result: { applied: true },
      progress: { percent: 100 },
    })
    expect(jobs.running()).toEqual([])
    now += 2000
    expect(jobs.get("fimp_1")).toBeNull()
  })

  it("keeps the failure with its status and message, and ignores unknown ids", () => {
    const jobs = new ImportJobRegistry()
    jobs.start("fimp_2", {
      type: "vehicles",
      file_name: null,
      dry_run: true,
      skip_invalid: false,
    })
    jobs.fail("fimp_2", 400, "header, column make: is required")
    jobs.progress("fimp_2", "parsed", 1, 1)
    expect(jobs.get("fimp_2")).toMatchObject({
      status: "failed",
      error: { status: 400, message: "header, column make: is required" },
      progress: { percent: 0 },
    })
    jobs.progress("nope", "parsed", 1, 1)
    expect(jobs.get("nope")).toBeNull()
  })

  it("scales a dry run to its two stages", () => {
    expect(progressPercent("parsed", 1, 1, true)).toBe(59)
    expect(progressPercent("planned", 1, 1, true)).toBe(99)
    expect(progressPercent("parsed", 1, 1, false)).toBe(30)
    expect(progressPercent("unknown-stage", 0, 0, false)).toBe(99)
  })
})
