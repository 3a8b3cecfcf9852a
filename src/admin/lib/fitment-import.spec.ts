import {
  type ImportResult,
  importMode,
  invalidRowLines,
} from "./fitment-import"

describe("importMode", () => {
  it("names the three ways an import runs", () => {
    expect(importMode({ dry_run: true, skip_invalid: true })).toBe("Simulation")
    expect(importMode({ dry_run: false, skip_invalid: true })).toBe(
      "Lignes invalides ignorées"
    )
    expect(importMode({ dry_run: false, skip_invalid: false })).toBe(
      "Tout ou rien"
    )
  })
})

describe("invalidRowLines", () => {
  it("gives one line per error, the row number marked on its first error", () => {
    const result = {
      invalid_rows: [
        {
          row: 3,
          errors: [
            { column: "year_from", value: "19x8", reason: "année invalide" },
            { column: null, value: null, reason: "modèle inconnu" },
          ],
        },
        {
          row: 7,
          errors: [{ column: "ktype", value: "-1", reason: "KType invalide" }],
        },
      ],
    } as ImportResult
    expect(invalidRowLines(result)).toEqual([
      {
        row: 3,
        first: true,
        column: "year_from",
        value: "19x8",
        reason: "année invalide",
      },
      {
        row: 3,
        first: false,
        column: null,
        value: null,
        reason: "modèle inconnu",
      },
      {
        row: 7,
        first: true,
        column: "ktype",
        value: "-1",
        reason: "KType invalide",
      },
    ])
  })

  it("is empty without a result", () => {
    expect(invalidRowLines(null)).toEqual([])
  })
})
