/**
 * Tunisian phone numbers -> E.164 (+216 followed by 8 digits).
 *
 * Accepts national numbers ("71 234 567", "98.123.456"), "+216 ...", "00216 ...",
 * "216..." and separators (spaces, dots, dashes, slashes, parentheses).
 * Tunisian numbers have 8 digits and do not start with 0 or 1.
 */

const SEPARATORS = /[\s.\-/()\u00a0\u202f]/g

export function normalizeTunisianPhone(
  input: string | null | undefined
): string | null {
  if (typeof input !== "string") {
    return null
  }
  // Arabic-Indic and Eastern Arabic-Indic digits -> ASCII
  let s = input
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(SEPARATORS, "")
  if (!s) {
    return null
  }
  if (s.startsWith("+")) {
    s = s.slice(1)
    if (!s.startsWith("216")) {
      return null
    }
    s = s.slice(3)
  } else if (s.startsWith("00")) {
    if (!s.startsWith("00216")) {
      return null
    }
    s = s.slice(5)
  } else if (s.length === 11 && s.startsWith("216")) {
    s = s.slice(3)
  }
  if (!/^[2-9]\d{7}$/.test(s)) {
    return null
  }
  return `+216${s}`
}

/** Pretty display form: "+216 71 234 567". */
export function formatTunisianPhone(e164: string): string {
  const m = /^\+216(\d{2})(\d{3})(\d{3})$/.exec(e164)
  return m ? `+216 ${m[1]} ${m[2]} ${m[3]}` : e164
}
