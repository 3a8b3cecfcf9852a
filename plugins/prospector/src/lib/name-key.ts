/**
 * Business names for matching: the folded words (@shabou/text: case, accents, Arabic letter forms, digits,
 * punctuation), optionally without the common words ("garage", "ste", "sarl", "ورشة" ...) that carry no identity.
 */
import { foldWords } from "@shabou/text"

const COMMON_WORDS = new Set([
  // French / Latin
  "garage",
  "ste",
  "societe",
  "sarl",
  "suarl",
  "sa",
  "ets",
  "etablissement",
  "etablissements",
  "chez",
  "le",
  "la",
  "les",
  "l",
  "de",
  "du",
  "des",
  "d",
  "et",
  "auto",
  "autos",
  "mecanique",
  "mecanicien",
  "atelier",
  "service",
  "services",
  "centre",
  "center",
  "tunisie",
  // Arabic (already folded: ة -> ه, أ -> ا)
  "شركه",
  "ورشه",
  "مؤسسه",
  "موسسه",
  "محل",
  "ميكانيك",
  "ميكانيك",
  "مستودع",
  "و",
])

export interface FoldOptions {
  dropCommonWords?: boolean
}

/** Folded words of a name. */
export function foldTokens(input: string, options: FoldOptions = {}): string[] {
  const tokens = foldWords(input)
  if (!options.dropCommonWords) {
    return tokens
  }
  const kept = tokens.filter(
    (t) => !COMMON_WORDS.has(t) && !COMMON_WORDS.has(stripArabicArticle(t))
  )
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
  return token.length > 3 && token.startsWith("\u0627\u0644")
    ? token.slice(2)
    : token
}
