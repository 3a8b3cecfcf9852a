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

/** A counter (created once). */
function counter<T extends string>(
  name: string,
  help: string,
  labelNames: readonly T[]
): client.Counter<T> {
  return once(name, () => new client.Counter({ name, help, labelNames }))
}

/** A histogram (created once) with these buckets, in seconds. */
function histogram<T extends string>(
  name: string,
  help: string,
  labelNames: readonly T[],
  buckets: number[]
): client.Histogram<T> {
  return once(
    name,
    () => new client.Histogram({ name, help, labelNames, buckets })
  )
}

export const metrics = {
  get httpRequests() {
    return counter(
      "http_requests_total",
      "HTTP requests answered, by route pattern and status",
      ["method", "route", "status"]
    )
  },
  get httpDuration() {
    return histogram(
      "http_request_duration_seconds",
      "Time to answer an HTTP request, by route pattern and status",
      ["method", "route", "status"],
      SECONDS
    )
  },
  /** lead search, price watch, report, forecast: every run whoever started it (job, CLI, admin) */
  get runs() {
    return counter(
      "shabou_runs_total",
      "Long runs finished, by kind (search, watch, report, forecast), trigger and outcome",
      ["kind", "trigger", "outcome"]
    )
  },
  get runDuration() {
    return histogram(
      "shabou_run_duration_seconds",
      'Duration of long runs (the forecast run duration is kind="forecast")',
      ["kind", "outcome"],
      RUN_SECONDS
    )
  },
  get scheduledJobs() {
    return counter(
      "shabou_scheduled_job_runs_total",
      "Scheduled (BullMQ) jobs run by this process, by job and outcome",
      ["job", "outcome"]
    )
  },
  get scheduledJobDuration() {
    return histogram(
      "shabou_scheduled_job_duration_seconds",
      "Duration of scheduled jobs",
      ["job"],
      RUN_SECONDS
    )
  },
  get events() {
    return counter(
      "shabou_events_handled_total",
      "Event-bus events handled by this process' subscribers, by event, subscriber and outcome",
      ["event", "subscriber", "outcome"]
    )
  },
  get eventDuration() {
    return histogram(
      "shabou_event_handle_duration_seconds",
      "Time a subscriber took to handle an event",
      ["event"],
      SECONDS
    )
  },
  get placesRequests() {
    return counter(
      "shabou_places_requests_total",
      "Google Places requests sent by this process, by outcome",
      ["status"]
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
  const mirror = counter(name, help, labelNames)
  return {
    set(value: number, labels: Record<string, string> = {}) {
      mirror.remove(labels)
      mirror.inc(labels, Math.max(0, value))
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
