/**
 * Folding: two spellings a person reads as the same words give the same folded text.
 * "Citroën C4-Picasso" → "citroen c4 picasso", "ورشــة الأمانة ٢" → "ورشه الامانه 2".
 *
 * Latin: compatibility forms split (NFKD: "ﬁ", "²", full-width letters), accents dropped, letters NFKD does not
 * split folded (ß æ œ ø đ ł ı), lower case. Arabic: diacritics, Quranic marks and tatweel dropped, one form per
 * letter (alef variants → ا, ة → ه, ى → ي, hamza carriers → the carrier, Persian keheh/yeh → ك/ي), Arabic-Indic
 * digits → 0-9. Anything that is not a letter or a digit separates words.
 *
 * The search plugin's SQL function `shabou_search_norm` folds the same way (see
 * integration-tests/search/fold-sql.test.ts for the strings on which both are compared).
 */

const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
  ı: "i",
}

/** Drops accents (every combining mark) and folds the letters NFKD does not split; case is kept. */
export function stripAccents(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßæÆœŒøØđĐłŁı]/g, (c) => SPECIAL_LETTERS[c] ?? c)
}

/** Folded words joined by single spaces: "Garage  Mécanique-Élégance" → "garage mecanique elegance". */
export function foldText(value: string): string {
  return (
    stripAccents(value)
      .toLowerCase()
      // Quranic marks that are not combining marks (end of ayah, small waw/yeh, …)
      .replace(/[\u0610-\u061a\u06d6-\u06ed]/g, "")
      // tatweel
      .replace(/\u0640/g, "")
      // alef variants NFKD does not split (alef wasla, wavy hamza) -> bare alef
      .replace(/[\u0671\u0672\u0673]/g, "\u0627")
      // ta marbuta -> ha, alef maksura -> ya
      .replace(/\u0629/g, "\u0647")
      .replace(/\u0649/g, "\u064a")
      // Persian/Urdu forms sometimes typed: keheh, farsi yeh
      .replace(/\u06a9/g, "\u0643")
      .replace(/\u06cc/g, "\u064a")
      // Arabic-Indic and extended Arabic-Indic digits
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      // anything that is not a letter or digit -> space
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  )
}

/** Folded words: foldText split on spaces ("" gives no word). */
export function foldWords(value: string): string[] {
  return foldText(value).split(" ").filter(Boolean)
}

/** Equality key: folded, no separators at all ("Mercedes-Benz", "MERCEDES BENZ" → "mercedesbenz"). */
export function foldKey(value: string): string {
  return foldText(value).replace(/ /g, "")
}

/** URL handle: folded words joined by dashes ("Citroën C4 Picasso" → "citroen-c4-picasso"). */
export function slugify(value: string): string {
  return foldText(value).replace(/ /g, "-")
}

/** Inner whitespace collapsed to one space, trimmed; nothing else changed. */
export function cleanText(value: string): string {
  return value.replace(/\s+/g, " ").trim()
}
