/** One JSON client for the tests' HTTP calls (admin or anonymous), and the refusal of a medusa-js call. */
import { adminHeaders, testEnv } from "./env"
import { fetchOnce } from "./fetch-once"

export type Reply = {
  status: number
  /** the answer parsed as JSON; null when it is empty or not JSON */
  body: any
  text: string
  bytes: Buffer
  /** the content-type header, "" when there is none */
  type: string
  headers: Headers
}

export type CallOptions = {
  /** as the seeded admin user (default: anonymous) */
  admin?: boolean
  /** a bearer token of the caller's own */
  token?: string
  /** another server than the test server */
  baseUrl?: string
  /** this string as the body, as it is (for malformed JSON) */
  raw?: string
  /** a multipart form as the body (an upload, as the admin UI or `curl -F` sends it) */
  form?: FormData
}

export async function call(
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {}
): Promise<Reply> {
  const headers: Record<string, string> = options.admin
    ? await adminHeaders()
    : {}
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`
  }
  const payload =
    options.raw ?? (body === undefined ? undefined : JSON.stringify(body))
  if (payload !== undefined) {
    headers["content-type"] = "application/json"
  }
  const res = await fetchOnce(
    `${options.baseUrl ?? testEnv().baseUrl}${path}`,
    { method, headers, body: options.form ?? payload }
  )
  const bytes = Buffer.from(await res.arrayBuffer())
  const text = bytes.toString("utf8")
  let parsed: any = null
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = null
  }
  return {
    status: res.status,
    body: parsed,
    text,
    bytes,
    type: res.headers.get("content-type") ?? "",
    headers: res.headers,
  }
}

/** `call` as the seeded admin user. */
export function adminCall(
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {}
): Promise<Reply> {
  return call(method, path, body, { ...options, admin: true })
}

/** A multipart form holding `content` as the CSV file field "file" named `name` (as `curl -F file=@name` sends it). */
export function csvForm(content: string, name: string): FormData {
  const form = new FormData()
  form.append("file", new Blob([content], { type: "text/csv" }), name)
  return form
}

/** The status and message of a refused medusa-js call; fails when the call was accepted. */
export async function refused(
  promise: Promise<unknown>
): Promise<{ status: number; message: string }> {
  try {
    await promise
  } catch (e) {
    const res = (
      e as { response?: { status: number; data?: { message?: string } } }
    ).response
    if (res) {
      return { status: res.status, message: String(res.data?.message ?? "") }
    }
    throw e
  }
  throw new Error("the call was accepted")
}
