import { metrics, mirroredCounter, register, scrape, timeRun } from "./metrics"

describe("metrics", () => {
  afterEach(() => register.resetMetrics())

  it("creates each metric once, with its help, labels and buckets", async () => {
    expect(metrics.runs).toBe(metrics.runs)
    expect(register.getSingleMetric("shabou_runs_total")).toBe(metrics.runs)
    metrics.httpRequests.inc({ method: "GET", route: "/health", status: "200" })
    metrics.httpDuration.observe(
      { method: "GET", route: "/health", status: "200" },
      0.02
    )
    metrics.scheduledJobDuration.observe({ job: "daily" }, 90)
    const { body } = await scrape()
    expect(body).toContain(
      "# HELP http_requests_total HTTP requests answered, by route pattern and status"
    )
    expect(body).toContain(
      'http_requests_total{method="GET",route="/health",status="200"} 1'
    )
    expect(body).toContain(
      'http_request_duration_seconds_bucket{le="0.025",method="GET",route="/health",status="200"} 1'
    )
    expect(body).toContain(
      'shabou_scheduled_job_duration_seconds_bucket{le="120",job="daily"} 1'
    )
  })

  it("a mirrored counter shows the last total it was given", async () => {
    const mirror = mirroredCounter("test_mirrored_total", "a mirror", ["kind"])
    mirror.set(5, { kind: "a" })
    mirror.set(3, { kind: "a" })
    mirror.set(-1, { kind: "b" })
    const { body } = await scrape()
    expect(body).toContain('test_mirrored_total{kind="a"} 3')
    expect(body).toContain('test_mirrored_total{kind="b"} 0')
  })

  it("times a run: counted with its outcome and trigger", async () => {
    await timeRun("watch", "job", async () => 1)
    await expect(
      timeRun("watch", "admin", async () => {
        throw new Error("boom")
      })
    ).rejects.toThrow("boom")
    const { body } = await scrape()
    expect(body).toContain(
      'shabou_runs_total{kind="watch",trigger="job",outcome="succeeded"} 1'
    )
    expect(body).toContain(
      'shabou_runs_total{kind="watch",trigger="admin",outcome="failed"} 1'
    )
    expect(body).toContain(
      'shabou_run_duration_seconds_count{kind="watch",outcome="succeeded"} 1'
    )
  })
})
