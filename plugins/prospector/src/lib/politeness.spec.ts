import { HostThrottle } from "./politeness"
import { fakeClock } from "./__fixtures__/fake-clock"

describe("HostThrottle", () => {
  const setup = (random = () => 0.5) => {
    const clock = fakeClock(1_000_000)
    const starts: Array<[string, number]> = []
    const t = new HostThrottle({
      minGapMs: 2000,
      jitterMs: 1000,
      now: clock.now,
      sleep: clock.sleep,
      random,
    })
    const go = async (url: string, crawlDelaySeconds?: number) => {
      await t.wait(url, { crawlDelaySeconds })
      starts.push([new URL(url).host, clock.now()])
    }
    return { go, sleeps: clock.sleeps, starts, tick: clock.tick }
  }

  it("keeps a minimum gap plus jitter between requests to the same host", async () => {
    const s = setup()
    await Promise.all([
      s.go("http://a.tn/1"),
      s.go("http://a.tn/2"),
      s.go("http://a.tn/3"),
    ])
    const times = s.starts.map(([, at]) => at)
    expect(times[1] - times[0]).toBe(2500)
    expect(times[2] - times[1]).toBe(2500)
  })

  it("does not delay other hosts", async () => {
    const s = setup()
    await Promise.all([
      s.go("http://a.tn/1"),
      s.go("http://b.tn/1"),
      s.go("http://c.tn/1"),
    ])
    expect(s.sleeps).toEqual([])
  })

  it("only waits for what is left of the gap", async () => {
    const s = setup(() => 0)
    await s.go("http://a.tn/1")
    s.tick(1500)
    await s.go("http://a.tn/2")
    expect(s.sleeps).toEqual([500])
  })

  it("honours a larger Crawl-delay as a floor", async () => {
    const s = setup(() => 0)
    await s.go("http://a.tn/1", 5)
    await s.go("http://a.tn/2", 5)
    expect(s.sleeps).toEqual([5000])
    await s.go("http://a.tn/3", 1)
    expect(s.sleeps).toEqual([5000, 2000])
  })

  it("jitter stays within [0, jitterMs]", async () => {
    for (const r of [0, 0.25, 0.999]) {
      const s = setup(() => r)
      await s.go("http://a.tn/1")
      await s.go("http://a.tn/2")
      expect(s.sleeps[0]).toBeGreaterThanOrEqual(2000)
      expect(s.sleeps[0]).toBeLessThanOrEqual(3000)
    }
  })
})
