import fs from "fs"
import path from "path"
import { Worker } from "worker_threads"
import { runPlanJob, WorkerInput } from "./forecast-worker"

/** What planning a run gives: the plan, the tuning per demand class and the weather effects kept. */
export type PlanResult = {
  plan: ReturnType<typeof runPlanJob>["plan"] | null
  tuning: ReturnType<typeof runPlanJob>["tuning"]
  /** per category, the weather effects tested and kept (empty without weather) */
  weather: ReturnType<typeof runPlanJob>["weather"]
}

/**
 * Plans a run (calendar effects, method and prior per demand class) in a worker thread
 * (`forecast-worker.js`), so a large run does not block the HTTP server; inline when `useWorker`
 * is off or the compiled worker is absent (tests from the TypeScript sources). When the run's
 * lease is lost (`lease.lost`) another instance may run now: the thread is stopped.
 */
export function planInThread(
  input: WorkerInput,
  opts: { useWorker: boolean; lease?: { lost: boolean } }
): Promise<PlanResult> {
  const file = path.join(__dirname, "forecast-worker.js")
  const lease = opts.lease
  if (!opts.useWorker || !fs.existsSync(file)) {
    return Promise.resolve().then(() => runPlanJob(input))
  }
  return new Promise<PlanResult>((resolve, reject) => {
    const worker = new Worker(file, {
      workerData: { orionForecast: true, input },
    })
    let settled = false
    // another instance may run now when the lease is lost: this one stops computing
    const watch = setInterval(() => {
      if (lease?.lost && !settled) {
        settled = true
        worker.terminate().catch(() => undefined)
        reject(new Error("the run lease was lost: the run stopped"))
      }
    }, 500)
    const done = () => clearInterval(watch)
    worker.on(
      "message",
      (msg: { type: string; result?: PlanResult; message?: string }) => {
        done()
        if (settled) {
          return
        }
        settled = true
        if (msg.type === "result") {
          resolve(msg.result as PlanResult)
        } else {
          reject(new Error(`forecast engine failed: ${msg.message}`))
        }
      }
    )
    worker.on("error", (e) => {
      done()
      if (!settled) {
        settled = true
        reject(e)
      }
    })
    worker.on("exit", (code) => {
      done()
      if (!settled) {
        settled = true
        reject(
          new Error(`forecast worker exited with code ${code} before finishing`)
        )
      }
    })
  })
}
