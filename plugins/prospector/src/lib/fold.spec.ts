import { foldName, foldText, foldTokens, nameKey } from "./fold"

describe("foldText", () => {
  it("folds case, accents and punctuation", () => {
    expect(foldText("Garage  Mécanique-Élégance, S.A.R.L.")).toBe("garage mecanique elegance s a r l")
    expect(foldText("Cœur d'Auto")).toBe("coeur d auto")
  })

  it("normalises alef variants, ta marbuta, alef maksura and hamza carriers", () => {
    expect(foldText("أحمد")).toBe(foldText("احمد"))
    expect(foldText("إسماعيل")).toBe(foldText("اسماعيل"))
    expect(foldText("آمنة")).toBe("امنه")
    expect(foldText("مصطفى")).toBe("مصطفي")
    expect(foldText("مؤسسة")).toBe("موسسه")
  })

  it("removes Arabic diacritics and tatweel", () => {
    expect(foldText("مِيكَانِيك")).toBe("ميكانيك")
    expect(foldText("ورشــــة")).toBe("ورشه")
  })

  it("converts Arabic-Indic digits", () => {
    expect(foldText("ورشة ٢٠٢٤")).toBe("ورشه 2024")
  })
})

describe("common words", () => {
  it("are dropped only on request", () => {
    expect(foldName("Garage Ben Salah SARL")).toBe("garage ben salah sarl")
    expect(foldName("Garage Ben Salah SARL", { dropCommonWords: true })).toBe("ben salah")
    expect(foldTokens("Sté Mécanique Générale", { dropCommonWords: true })).toEqual(["generale"])
  })

  it("keep the words when nothing else is left", () => {
    expect(foldName("Garage Auto", { dropCommonWords: true })).toBe("garage auto")
  })
})

describe("nameKey", () => {
  it("matches spellings of the same name", () => {
    expect(nameKey("GARAGE BEN SALAH")).toBe(nameKey("Ste Ben-Salah"))
    expect(nameKey("Garage Élite Auto")).toBe(nameKey("elite"))
    expect(nameKey("ورشة الأمانة")).toBe(nameKey("ورشه امانه"))
  })

  it("separates different names", () => {
    expect(nameKey("Garage Ben Salah")).not.toBe(nameKey("Garage Ben Salem"))
  })
})
