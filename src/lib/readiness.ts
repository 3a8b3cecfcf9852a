/**
 * Readiness (GET /health/ready): each dependency the server needs to answer is checked, each within a
 * time limit, all at once. Ready (200) when every configured check passes; otherwise 503 naming the
 * failed ones. A dependency that is not configured (Redis without REDIS_URL) is reported, not checked.
 */

export type Check = () => Promise<unknown>

export type CheckResult =
  | { ok: true; ms: number }
  | { ok: false; ms: number; error: string }
  | { configured: false }

export interface Readiness {
  status: 200 | 503
  body: {
    status: "ready" | "not_ready"
    failed?: string[]
    checks: Record<string, CheckResult>
  }
}

/** An error's first line, without credentials of URLs it may quote (redis://user:secret@host). */
export function describeError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  const line = (message.split("\n")[0] || "unknown error").replace(
    /\/\/[^@/\s]*@/g,
    "//***@"
  )
  return line.length > 200 ? `${line.slice(0, 197)}...` : line
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    timer.unref?.()
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export async function checkReadiness(
  checks: Record<string, Check | null>,
  timeoutMs = 2000
): Promise<Readiness> {
  const results: Record<string, CheckResult> = {}
  await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      if (!check) {
        results[name] = { configured: false }
        return
      }
      const started = Date.now()
      try {
        await withTimeout(Promise.resolve().then(check), timeoutMs)
        results[name] = { ok: true, ms: Date.now() - started }
      } catch (e) {
        results[name] = {
          ok: false,
          ms: Date.now() - started,
          error: describeError(e),
        }
      }
    })
  )
  const failed = Object.keys(checks).filter(
    (name) => "ok" in results[name] && !(results[name] as { ok: boolean }).ok
  )
  const ordered: Record<string, CheckResult> = {}
  for (const name of Object.keys(checks)) {
    ordered[name] = results[name]
  }
  return failed.length
    ? { status: 503, body: { status: "not_ready", failed, checks: ordered } }
    : { status: 200, body: { status: "ready", checks: ordered } }
}
