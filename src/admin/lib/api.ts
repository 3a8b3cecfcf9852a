/**
 * Calls to our admin API from the admin screens (same origin, session cookie): JSON in and out,
 * Medusa's error shape turned into one French-readable message, and file downloads.
 */

/** A value as it arrives in JSON: dates become their ISO text, the rest keeps its shape. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T

export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly type?: string
  ) {
    super(message)
  }
}

const BASE = "/admin"

/** `path` on this origin with the values of `query` that are set (undefined, null and "" are left out). */
function urlOf(path: string, query: Record<string, unknown> = {}): string {
  const url = new URL(path, window.location.origin)
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") {
      url.searchParams.set(k, String(v))
    }
  }
  return url.toString()
}

/**
 * `adminFetch("/brands", { method: "POST", body: {...} })` → parsed JSON; throws AdminApiError.
 * A path under `/store/` reads the public store API instead (e.g. `/store/vehicles/years`).
 */
export async function adminFetch<T = any>(
  path: string,
  init: {
    method?: string
    body?: unknown
    query?: Record<string, unknown>
  } = {}
): Promise<T> {
  const url = urlOf(
    (path.startsWith("/store/") ? "" : BASE) + path,
    init.query ?? {}
  )
  const res = await fetch(url, {
    method: init.method ?? "GET",
    credentials: "include",
    headers:
      init.body instanceof FormData
        ? {}
        : { "content-type": "application/json" },
    body:
      init.body === undefined
        ? undefined
        : init.body instanceof FormData
          ? init.body
          : JSON.stringify(init.body),
  })
  const text = await res.text()
  const data = text ? safeJson(text) : null
  if (!res.ok) {
    const message =
      (data && (data.message || data.error)) || `Erreur ${res.status}`
    throw new AdminApiError(String(message), res.status, data?.type)
  }
  return data as T
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text)
  } catch {
    return { message: text }
  }
}

/** Downloads an admin file (CSV…) with the session cookie and saves it under `filename`. */
export async function downloadAdminFile(
  path: string,
  filename: string,
  query: Record<string, unknown> = {}
): Promise<void> {
  const res = await fetch(urlOf(BASE + path, query), {
    credentials: "include",
  })
  if (!res.ok) {
    throw new AdminApiError(
      `Téléchargement impossible (${res.status})`,
      res.status
    )
  }
  const blob = await res.blob()
  const link = document.createElement("a")
  link.href = URL.createObjectURL(blob)
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 1000)
}

/** An admin resource as text (an HTML report shown inline…); throws AdminApiError. */
export async function adminFetchText(
  path: string,
  query: Record<string, unknown> = {}
): Promise<string> {
  const res = await fetch(urlOf(BASE + path, query), {
    credentials: "include",
  })
  const text = await res.text()
  if (!res.ok) {
    throw new AdminApiError(
      safeJson(text)?.message || `Erreur ${res.status}`,
      res.status
    )
  }
  return text
}
