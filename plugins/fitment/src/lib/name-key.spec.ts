import { foldKey, slugify as slugifyText } from "@shabou/text"
import { normalizeKey, slugify, tidyName } from "./name-key"

describe("normalizeKey", () => {
  // the folding is @shabou/text's foldKey (fold.spec checks that these spellings give one key)
  it.each([
    "Mercedes-Benz",
    "MERCEDES BENZ",
    "Škoda",
    "mercedes benz",
    "Mercedes.Benz",
    " mercedes  -  benz ",
    "C-Elysée",
  ])("keys %j as @shabou/text's foldKey does", (name) => {
    expect(normalizeKey(name)).toBe(foldKey(name))
  })

  it("drops case, accents, spaces, dashes and dots", () => {
    expect(normalizeKey("Mercedes-Benz")).toBe("mercedesbenz")
    expect(normalizeKey(" mercedes  -  benz ")).toBe("mercedesbenz")
    expect(normalizeKey("Citroën")).toBe(normalizeKey("CITROEN"))
    expect(normalizeKey("Škoda")).toBe("skoda")
    expect(normalizeKey("C-Elysée")).toBe("celysee")
    expect(normalizeKey("XJ-6")).toBe(normalizeKey("XJ6"))
  })

  it("keeps different names apart", () => {
    expect(normalizeKey("206")).not.toBe(normalizeKey("207"))
    expect(normalizeKey("Clio")).not.toBe(normalizeKey("Clio 4"))
    expect(normalizeKey("206+")).not.toBe(normalizeKey("206"))
    expect(normalizeKey("206+")).toBe(normalizeKey("206 Plus"))
  })
})

describe("slugify", () => {
  // the handles themselves are @shabou/text's (packages/text/src/fold.spec.ts checks them)
  it.each(["Citroën C4 Picasso", "Mercedes-Benz", "  Alfa   Romeo / 159 "])(
    "builds the url handle @shabou/text builds for %j",
    (name) => {
      expect(slugify(name)).toBe(slugifyText(name))
      expect(slugify(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    }
  )

  it("spells + as plus", () => {
    expect(slugify("Peugeot 206+")).toBe("peugeot-206-plus")
  })
})

describe("tidyName", () => {
  it("title-cases names typed in one case, keeps codes", () => {
    expect(tidyName("CLIO")).toBe("Clio")
    expect(tidyName("sandero stepway")).toBe("Sandero Stepway")
    expect(tidyName("C3 AIRCROSS")).toBe("C3 Aircross")
    expect(tidyName("Golf GTI")).toBe("Golf GTI")
    expect(tidyName("i10")).toBe("i10")
  })
})
