/**
 * Secrets never reach a log line: `redact()` masks what looks like a credential in a message, and
 * `redactValue()` in structured fields (by key name). Configured secrets (API keys, tokens) are
 * masked wherever they appear, whatever surrounds them.
 */

const SECRET_KEYS =
  /pass(word)?|secret|token|authorization|cookie|api[-_]?key|^key$|session|jwt|credential/i

const PATTERNS: [RegExp, string][] = [
  [/(authorization\s*[:=]\s*)(bearer|basic)\s+[^\s,;"']+/gi, "$1$2 [redacted]"],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 [redacted]"],
  [
    /((?:pass(?:word)?|secret|token|api[-_]?key|key|jwt|cookie|session)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
    "$1[redacted]",
  ],
  [
    /([?&](?:key|token|access_token|api_key|apikey|password|secret|sig)=)[^&\s"']+/gi,
    "$1[redacted]",
  ],
  [/(connect\.sid=)[^;\s"']+/gi, "$1[redacted]"],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s/]+@/gi, "$1[redacted]@"], // user:password@ in URLs
  [/\bAIza[0-9A-Za-z_-]{20,}/g, "[redacted]"], // Google API keys
  [
    /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    "[redacted]",
  ], // JWTs
]

let configured: string[] = []

/** Values (from the environment) masked wherever they appear; short values are ignored. */
export function registerSecrets(
  values: Array<string | undefined | null>
): void {
  const next = new Set(configured)
  for (const v of values) {
    if (typeof v === "string" && v.length >= 6) {
      next.add(v)
    }
  }
  configured = [...next].sort((a, b) => b.length - a.length)
}

/** The secret-looking environment variables of this process. */
export function secretsFromEnv(
  env: Record<string, string | undefined> = process.env
): string[] {
  return Object.entries(env)
    .filter(
      ([k, v]) =>
        v &&
        /(KEY|SECRET|TOKEN|PASSWORD)$/.test(k) &&
        !/^(npm_|PROSPECTOR_ROBOTS_TOKEN$)/.test(k)
    )
    .map(([, v]) => v as string)
}

export function redact(message: string): string {
  let out = String(message)
  for (const secret of configured) {
    if (out.includes(secret)) {
      out = out.split(secret).join("[redacted]")
    }
  }
  for (const [re, replacement] of PATTERNS) {
    out = out.replace(re, replacement)
  }
  return out
}

/** Deep copy with secret-named fields masked and every string redacted. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") {
    return redact(value)
  }
  if (value === null || typeof value !== "object" || depth > 6) {
    return value
  }
  if (Array.isArray(value)) {
    return value.map((v) => redactValue(v, depth + 1))
  }
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redact(value.message),
      stack: value.stack ? redact(value.stack) : undefined,
    }
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] =
      SECRET_KEYS.test(k) && v !== null && v !== undefined && v !== ""
        ? "[redacted]"
        : redactValue(v, depth + 1)
  }
  return out
}
