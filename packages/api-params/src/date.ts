import { invalidParam } from "./errors"
import { single } from "./single"

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * A date or date-time in ISO 8601 form: `2024-03-01` (midnight UTC), `2024-03-01T10:30:00Z`,
 * `2024-03-01T10:30:00+01:00` (a time without zone is read as UTC). Impossible dates (`2024-02-30`)
 * and other spellings (`03/01/2024`, `yesterday`) are refused. Undefined when absent or empty.
 */
export function date(value: unknown, name: string): Date | undefined {
  const raw = single(value, name)
  if (raw === undefined || raw.trim() === "") {
    return undefined
  }
  const text = raw.trim()
  const m = ISO.exec(text)
  const refuse = () =>
    invalidParam(
      name,
      `must be a date like 2024-03-01 or 2024-03-01T10:30:00Z, got "${raw}"`
    )
  if (!m) {
    throw refuse()
  }
  const [, y, mo, d, h = "00", mi = "00", s = "00"] = m
  const calendar = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  if (
    calendar.getUTCFullYear() !== Number(y) ||
    calendar.getUTCMonth() !== Number(mo) - 1 ||
    calendar.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    throw refuse()
  }
  const zoned =
    m[4] === undefined
      ? `${y}-${mo}-${d}T00:00:00Z`
      : m[7]
        ? text.replace(" ", "T")
        : `${text.replace(" ", "T")}Z`
  const out = new Date(zoned)
  if (isNaN(out.getTime())) {
    throw refuse()
  }
  return out
}
