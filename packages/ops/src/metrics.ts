import client from "prom-client"

/**
 * The Prometheus metrics of one process (prom-client's default registry). Every metric is created
 * once per process, whoever asks first (the server, a plugin, a test), so plugins and the server
 * share them. Values that live elsewhere (the database pool, the catalogue cache's counters, the
 * Places ledger) are read at scrape time by collectors registered with `onScrape`.
 */

export const register = client.register

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
const RUN_SECONDS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600]

function once<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as unknown as T) ?? make()
}

export const metrics = {
  get httpRequests() {
    return once(
      "http_requests_total",
      () =>
        new client.Counter({
          name: "http_requests_total",
          help: "HTTP requests answered, by route pattern and status",
          labelNames: ["method", "route", "status"],
        })
    )
  },
  get httpDuration() {
    return once(
      "http_request_duration_seconds",
      () =>
        new client.Histogram({
          name: "http_request_duration_seconds",
          help: "Time to answer an HTTP request, by route pattern and status",
          labelNames: ["method", "route", "status"],
          buckets: SECONDS,
        })
    )
  },
  /** lead search, price watch, report, forecast: every run whoever started it (job, CLI, admin) */
  get runs() {
    return once(
      "shabou_runs_total",
      () =>
        new client.Counter({
          name: "shabou_runs_total",
          help: "Long runs finished, by kind (search, watch, report, forecast), trigger and outcome",
          labelNames: ["kind", "trigger", "outcome"],
        })
    )
  },
  get runDuration() {
    return once(
      "shabou_run_duration_seconds",
      () =>
        new client.Histogram({
          name: "shabou_run_duration_seconds",
          help: 'Duration of long runs (the forecast run duration is kind="forecast")',
          labelNames: ["kind", "outcome"],
          buckets: RUN_SECONDS,
        })
    )
  },
  get scheduledJobs() {
    return once(
      "shabou_scheduled_job_runs_total",
      () =>
        new client.Counter({
          name: "shabou_scheduled_job_runs_total",
          help: "Scheduled (BullMQ) jobs run by this process, by job and outcome",
          labelNames: ["job", "outcome"],
        })
    )
  },
  get scheduledJobDuration() {
    return once(
      "shabou_scheduled_job_duration_seconds",
      () =>
        new client.Histogram({
          name: "shabou_scheduled_job_duration_seconds",
          help: "Duration of scheduled jobs",
          labelNames: ["job"],
          buckets: RUN_SECONDS,
        })
    )
  },
  get events() {
    return once(
      "shabou_events_handled_total",
      () =>
        new client.Counter({
          name: "shabou_events_handled_total",
          help: "Event-bus events handled by this process' subscribers, by event, subscriber and outcome",
          labelNames: ["event", "subscriber", "outcome"],
        })
    )
  },
  get eventDuration() {
    return once(
      "shabou_event_handle_duration_seconds",
      () =>
        new client.Histogram({
          name: "shabou_event_handle_duration_seconds",
          help: "Time a subscriber took to handle an event",
          labelNames: ["event"],
          buckets: SECONDS,
        })
    )
  },
  get placesRequests() {
    return once(
      "shabou_places_requests_total",
      () =>
        new client.Counter({
          name: "shabou_places_requests_total",
          help: "Google Places requests sent by this process, by outcome",
          labelNames: ["status"],
        })
    )
  },
}

type Collector = () => Promise<void> | void
const collectors = new Map<string, Collector>()

/** Registers (or replaces) a function that refreshes gauges just before a scrape. */
export function onScrape(name: string, collect: Collector): void {
  collectors.set(name, collect)
}

/** A gauge (created once) whose values a collector sets. */
export function gauge(
  name: string,
  help: string,
  labelNames: string[] = []
): client.Gauge<string> {
  return once(name, () => new client.Gauge({ name, help, labelNames }))
}

/** A counter whose total is read from elsewhere (e.g. a service's own counters) at scrape time. */
export function mirroredCounter(
  name: string,
  help: string,
  labelNames: string[] = []
): { set(value: number, labels?: Record<string, string>): void } {
  const counter = once(
    name,
    () => new client.Counter({ name, help, labelNames })
  )
  return {
    set(value: number, labels: Record<string, string> = {}) {
      const c = counter as client.Counter<string>
      c.remove(labels)
      c.inc(labels, Math.max(0, value))
    },
  }
}

/** Runs the collectors (each bounded by `timeoutMs`; one that fails or hangs leaves its old values) and renders. */
export async function scrape(
  timeoutMs = 2000
): Promise<{ contentType: string; body: string }> {
  await Promise.all(
    [...collectors.values()].map((collect) =>
      Promise.race([
        Promise.resolve().then(collect),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref?.()),
      ]).catch(() => undefined)
    )
  )
  return { contentType: register.contentType, body: await register.metrics() }
}

let defaultsOn = false
/** Node's process metrics (CPU, memory, event loop lag, GC). */
export function collectProcessMetrics(): void {
  if (!defaultsOn) {
    defaultsOn = true
    client.collectDefaultMetrics()
  }
}

/**
 * Times `fn` as a run of `kind`: counted with its outcome (succeeded, failed, or refused when another
 * run held the lease), its duration observed. `outcomeOf` reads the outcome of a run that returns a
 * failed run instead of throwing.
 */
export async function timeRun<T>(
  kind: string,
  trigger: string,
  fn: () => Promise<T>,
  outcomeOf?: (result: T) => "succeeded" | "failed"
): Promise<T> {
  const end = metrics.runDuration.startTimer({ kind })
  try {
    const out = await fn()
    const outcome = outcomeOf ? outcomeOf(out) : "succeeded"
    end({ outcome })
    metrics.runs.inc({ kind, trigger, outcome })
    return out
  } catch (e) {
    const outcome =
      (e as Error)?.name === "LeaseBusyError" ||
      (e as { type?: string })?.type === "not_allowed" ||
      (e as { type?: string })?.type === "conflict"
        ? "refused"
        : "failed"
    if (outcome === "failed") {
      end({ outcome })
    }
    metrics.runs.inc({ kind, trigger, outcome })
    throw e
  }
}

/** Resets every value (tests). */
export function resetMetrics(): void {
  register.resetMetrics()
}
