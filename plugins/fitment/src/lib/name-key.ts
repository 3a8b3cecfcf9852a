/**
 * Name keys for makes and models.
 *
 * Two spellings that a person would read as the same name must give the same key:
 * "Mercedes-Benz" = "MERCEDES BENZ" = "mercedes benz" = "Mercedes.Benz".
 * Keys drop case, accents, spaces, dashes, dots and every other separator (the folding of @shabou/text), and
 * read "+" as the word "plus".
 */
import {
  cleanText,
  foldKey,
  foldText,
  slugify as slugifyText,
} from "@shabou/text"

/** Roman numerals read as generations ("Golf VII"); tidyName keeps them upper case. */
export const ROMAN_RE = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$/

/** "206+" is a model of its own (the 206's facelift), not the 206: the plus is a word of the name. */
function withPlus(value: string): string {
  return value.replace(/\+/g, " plus ")
}

/** Folded words (@shabou/text) separated by single spaces: "Citroën C4-Picasso" → "citroen c4 picasso". */
export function normalizeWords(value: string): string {
  return foldText(withPlus(value))
}

/**
 * Dedupe key: lowercase, no accents, no separators at all.
 * "Mercedes-Benz", "MERCEDES BENZ" and "mercedes.benz" all give "mercedesbenz".
 */
export function normalizeKey(value: string): string {
  return foldKey(withPlus(value))
}

/** URL handle: "Citroën C4 Picasso" → "citroen-c4-picasso", "206+" → "206-plus". */
export function slugify(value: string): string {
  return slugifyText(withPlus(value))
}

/**
 * Display form for a name typed all upper or all lower case ("CLIO", "sandero") → "Clio", "Sandero".
 * Mixed-case input is kept as written; short words and words with digits ("C3", "GTI", "i10") are kept.
 */
export function tidyName(value: string): string {
  const text = cleanText(value)
  const letters = text.replace(/[^\p{L}]/gu, "")
  if (!letters) {
    return text
  }
  const allUpper = letters === letters.toUpperCase()
  const allLower = letters === letters.toLowerCase()
  if (!allUpper && !allLower) {
    return text
  }
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (/\p{N}/u.test(word) || word.length < 4 || ROMAN_RE.test(word)) {
      return allLower && word.length < 4 && !/\p{N}/u.test(word)
        ? capitalize(word)
        : word
    }
    return capitalize(word)
  })
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}
