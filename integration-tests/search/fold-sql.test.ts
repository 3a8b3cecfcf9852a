import { compactReference, foldText } from "@shabou/text"
import { sql } from "../helpers/env"

/**
 * The search plugin folds in SQL (`shabou_search_norm`, `shabou_ref_norm`, from its migrations, so documents and
 * queries share one definition in the database); the plugins and scripts fold in TypeScript (@shabou/text). Both must
 * give the same words and the same reference keys. Run on the test server's migrated database, so the functions
 * compared are the ones the migrations installed.
 *
 * shabou_search_norm keeps punctuation (the search splits words itself: latin words on [^a-z0-9], Arabic words on
 * non-Arabic letters); foldText turns it into spaces. So the SQL result is compared after splitting it into words.
 */
const TRICKY = [
  // case and Latin accents
  "ÉLÉGANCE",
  "Citroën",
  "Škoda",
  "Lemförder",
  "Mégane İstanbul",
  "ÀÂÄÇÈÊËÎÏÔÖÙÛÜŸ àâäçèêëîïôöùûüÿ",
  // ligatures and letters NFD does not split
  "ŒUVRE cœur",
  "Æsop",
  "Straße",
  "ﬁltre ﬂexible",
  "Łódź Ørsted Đuro",
  // hyphens, dashes, apostrophes and other separators
  "Mercedes-Benz",
  "5W-30",
  "l'huile d’origine",
  "hyphen‐dash–en—em",
  "C4  Picasso\tII",
  "Réf. 0 986.494-123",
  "a/b_c",
  // Arabic: alef variants, hamza carriers, ta marbuta, alef maksura, diacritics, tatweel, article
  "أحمد إسماعيل آمنة",
  "ٱلله",
  "مؤسسة بئر",
  "مصطفى",
  "مِيكَانِيك",
  "ورشــــة الأمانة",
  "هٰذا",
  "فرامل Bosch",
  // full-width letters
  "ＡＢＣ ｄｅｆ",
]

async function sqlFold(texts: string[]) {
  return sql<{ text: string; norm: string; ref: string }>(
    `SELECT t AS text, shabou_search_norm(t) AS norm, shabou_ref_norm(t) AS ref FROM unnest($1::text[]) t`,
    [texts]
  )
}

const words = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ")

describe("text folding: TypeScript (@shabou/text) and SQL (search migrations) agree", () => {
  it.each(TRICKY)("%s", async (text) => {
    const [row] = await sqlFold([text])
    expect(foldText(text)).not.toBe("")
    expect({ text, words: words(row.norm) }).toEqual({
      text,
      words: foldText(text),
    })
    expect({ text, ref: row.ref }).toEqual({
      text,
      ref: compactReference(text),
    })
  })

  // Known differences, pinned so that a change on either side is seen: the TypeScript fold also reads Persian letter
  // forms and Arabic-Indic digits, and splits superscripts (NFKD); the SQL functions keep them.
  it.each([
    ["کیا", "كيا", "کیا"],
    ["ورشة ٢٠٢٤", "ورشه 2024", "ورشه ٢٠٢٤"],
    ["m²", "m2", "m²"],
  ])("%s: TypeScript %s, SQL %s", async (text, ts, inSql) => {
    const [row] = await sqlFold([text])
    expect(foldText(text)).toBe(ts)
    expect(row.norm).toBe(inSql)
  })
})
