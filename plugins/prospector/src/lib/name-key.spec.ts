import { foldName, foldTokens, nameKey } from "./name-key"

describe("common words", () => {
  it("are dropped only on request", () => {
    expect(foldName("Garage Ben Salah SARL")).toBe("garage ben salah sarl")
    expect(foldName("Garage Ben Salah SARL", { dropCommonWords: true })).toBe(
      "ben salah"
    )
    expect(
      foldTokens("Sté Mécanique Générale", { dropCommonWords: true })
    ).toEqual(["generale"])
  })

  it("keep the words when nothing else is left", () => {
    expect(foldName("Garage Auto", { dropCommonWords: true })).toBe(
      "garage auto"
    )
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
