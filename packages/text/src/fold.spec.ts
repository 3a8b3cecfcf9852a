import {
  cleanText,
  foldKey,
  foldText,
  foldWords,
  slugify,
  stripAccents,
} from "./fold"

describe("stripAccents", () => {
  it("drops accents and folds letters NFKD does not split, keeping case", () => {
    expect(stripAccents("Lemförder Straße Œuvre")).toBe(
      "Lemforder Strasse OEuvre"
    )
    expect(stripAccents("Škoda Citroën Łódź Ørsted Đuro")).toBe(
      "Skoda Citroen Lodz Orsted Duro"
    )
  })

  it("splits compatibility forms (ligatures, superscripts, full-width)", () => {
    expect(stripAccents("ﬁltre m² ＡＢＣ")).toBe("filtre m2 ABC")
  })
})

describe("foldText", () => {
  it("folds case, accents and punctuation", () => {
    expect(foldText("Garage  Mécanique-Élégance, S.A.R.L.")).toBe(
      "garage mecanique elegance s a r l"
    )
    expect(foldText("Cœur d'Auto")).toBe("coeur d auto")
    expect(foldText("Citroën C4-Picasso")).toBe("citroen c4 picasso")
    expect(foldText("  ÆSOP  ")).toBe("aesop")
  })

  it("normalises alef variants, ta marbuta, alef maksura and hamza carriers", () => {
    expect(foldText("أحمد")).toBe(foldText("احمد"))
    expect(foldText("إسماعيل")).toBe(foldText("اسماعيل"))
    expect(foldText("ٱلله")).toBe(foldText("الله"))
    expect(foldText("آمنة")).toBe("امنه")
    expect(foldText("مصطفى")).toBe("مصطفي")
    expect(foldText("مؤسسة")).toBe("موسسه")
    expect(foldText("بئر")).toBe("بير")
  })

  it("removes Arabic diacritics, superscript alef and tatweel", () => {
    expect(foldText("مِيكَانِيك")).toBe("ميكانيك")
    expect(foldText("ورشــــة")).toBe("ورشه")
    expect(foldText("هٰذا")).toBe("هذا")
  })

  it("folds Persian letter forms and Arabic-Indic digits", () => {
    expect(foldText("کیا")).toBe("كيا")
    expect(foldText("ورشة ٢٠٢٤")).toBe("ورشه 2024")
    expect(foldText("۱۲")).toBe("12")
  })

  it("gives nothing for text without letters or digits", () => {
    expect(foldText(" -- / . ")).toBe("")
    expect(foldWords(" -- ")).toEqual([])
  })
})

describe("foldKey", () => {
  it("drops case, accents, spaces, dashes and dots", () => {
    const spellings = [
      "Mercedes-Benz",
      "MERCEDES BENZ",
      "mercedes benz",
      "Mercedes.Benz",
      " mercedes  -  benz ",
    ]
    expect(new Set(spellings.map(foldKey))).toEqual(new Set(["mercedesbenz"]))
    expect(foldKey("Škoda")).toBe("skoda")
    expect(foldKey("ورشة الأمانة")).toBe("ورشهالامانه")
  })

  it("keeps different names apart", () => {
    expect(foldKey("206")).not.toBe(foldKey("207"))
    expect(foldKey("Clio")).not.toBe(foldKey("Clio 4"))
  })
})

describe("slugify", () => {
  it("builds url handles", () => {
    expect(slugify("Citroën C4 Picasso")).toBe("citroen-c4-picasso")
    expect(slugify("Mercedes-Benz")).toBe("mercedes-benz")
    expect(slugify("  Alfa   Romeo / 159 ")).toBe("alfa-romeo-159")
  })
})

describe("cleanText", () => {
  it("collapses whitespace only", () => {
    expect(cleanText("  Clio \t IV\nEstate ")).toBe("Clio IV Estate")
  })
})
