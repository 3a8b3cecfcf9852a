/**
 * Folding of business names for matching: case, accents, Arabic normalisation
 * (alef variants, ta marbuta, alef maksura, hamza carriers, diacritics, tatweel,
 * Arabic-Indic digits), punctuation. Optionally drops common words
 * ("garage", "ste", "sarl", "ورشة" ...), which carry no identity.
 */

const COMMON_WORDS = new Set([
  // French / Latin
  "garage", "ste", "societe", "sarl", "suarl", "sa", "ets", "etablissement", "etablissements",
  "chez", "le", "la", "les", "l", "de", "du", "des", "d", "et", "auto", "autos", "mecanique",
  "mecanicien", "atelier", "service", "services", "centre", "center", "tunisie",
  // Arabic (already folded: ة -> ه, أ -> ا)
  "شركه", "ورشه", "مؤسسه", "موسسه", "محل", "ميكانيك", "ميكانيك", "مستودع", "و",
])

export interface FoldOptions {
  dropCommonWords?: boolean
}

export function foldText(input: string): string {
  return (
    input
      .normalize("NFKD")
      // Latin combining marks (accents)
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      // Latin ligatures not split by NFKD
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/ß/g, "ss")
      // Arabic diacritics (tashkeel), superscript alef, Quranic marks
      .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g, "")
      // tatweel
      .replace(/\u0640/g, "")
      // alef variants -> bare alef
      .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, "\u0627")
      // ta marbuta -> ha, alef maksura -> ya
      .replace(/\u0629/g, "\u0647")
      .replace(/\u0649/g, "\u064a")
      // hamza on waw / ya -> the carrier letter
      .replace(/\u0624/g, "\u0648")
      .replace(/\u0626/g, "\u064a")
      // Persian/Urdu forms sometimes typed: keheh, farsi yeh
      .replace(/\u06a9/g, "\u0643")
      .replace(/\u06cc/g, "\u064a")
      // digits
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      // anything that is not a letter or digit -> space
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  )
}

/** Folded words of a name. */
export function foldTokens(input: string, options: FoldOptions = {}): string[] {
  const tokens = foldText(input).split(" ").filter(Boolean)
  if (!options.dropCommonWords) {
    return tokens
  }
  const kept = tokens.filter((t) => !COMMON_WORDS.has(t) && !COMMON_WORDS.has(stripArabicArticle(t)))
  // a name made only of common words ("Garage Auto") keeps its words
  return kept.length > 0 ? kept : tokens
}

/** Folded name: words joined by one space. */
export function foldName(input: string, options: FoldOptions = {}): string {
  return foldTokens(input, options).join(" ")
}

/** Key for equality matching: folded, common words dropped, Arabic article dropped, no spaces. */
export function nameKey(input: string): string {
  return foldTokens(input, { dropCommonWords: true })
    .map(stripArabicArticle)
    .join("")
}

function stripArabicArticle(token: string): string {
  return token.length > 3 && token.startsWith("\u0627\u0644") ? token.slice(2) : token
}
