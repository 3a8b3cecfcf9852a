import {
  dinarsText,
  MAX_WHATSAPP_URL_LENGTH,
  normalizeWhatsAppNumber,
  shopWhatsAppNumber,
  shorten,
  WHATSAPP_GREETING,
  whatsAppLink,
  WhatsAppOrder,
  whatsAppProductLink,
} from "./whatsapp"

const order = (
  lines: number,
  title = "Plaquettes de frein avant Ferodo Premier"
): WhatsAppOrder => ({
  shopName: "Shabou Auto Pièces",
  cartId: "cart_01TEST",
  lines: Array.from({ length: lines }, (_, i) => ({
    title: `${title} ${i + 1}`,
    reference: `FER-FDB${8900 + i}`,
    quantity: (i % 3) + 1,
    total: 45500 * ((i % 3) + 1),
  })),
  vehicle: {
    label: "Peugeot 208 1.6 HDi (9HP) · 2012 – 2019",
    vin: "VF3CA9HP0CW123456",
  },
  delivery: { name: "Livraison Grand Tunis (24–48 h)", amount: 7000 },
  total: 98000,
})

describe("dinarsText", () => {
  it("writes millimes as dinars with 3 decimals", () => {
    expect(dinarsText(45500)).toBe("45,500 DT")
    expect(dinarsText(7)).toBe("0,007 DT")
    expect(dinarsText(1234567)).toBe("1 234,567 DT")
  })
})

describe("normalizeWhatsAppNumber", () => {
  it("accepts international and local Tunisian spellings", () => {
    expect(normalizeWhatsAppNumber("+216 20 123 456")).toEqual({
      number: "21620123456",
    })
    expect(normalizeWhatsAppNumber("00216 20-123-456")).toEqual({
      number: "21620123456",
    })
    expect(normalizeWhatsAppNumber("20 123 456")).toEqual({
      number: "21620123456",
    })
    expect(normalizeWhatsAppNumber("+33 6 12 34 56 78")).toEqual({
      number: "33612345678",
    })
  })

  it("refuses what is not a number, with the reason", () => {
    expect(normalizeWhatsAppNumber("call us")).toEqual({
      error: expect.stringMatching(/not a phone number/),
    })
    expect(normalizeWhatsAppNumber("+216 20 123")).toEqual({
      error: expect.stringMatching(/\+216 is followed by 8 digits/),
    })
    expect(normalizeWhatsAppNumber("123")).toEqual({
      error: expect.stringMatching(/8 to 15/),
    })
  })
})

describe("shorten", () => {
  it("never cuts inside a character, even one made of several code points", () => {
    const flag = "🇹🇳"
    const text = `${"é".normalize("NFD")}${flag}`.repeat(10)
    const short = shorten(text, 5)
    expect(short.endsWith("…")).toBe(true)
    expect(short.normalize("NFC")).toBe(`é${flag}é${flag}…`)
  })
})

describe("whatsAppLink", () => {
  it("lists every line of a small cart, with the vehicle, the delivery and the total", () => {
    const link = whatsAppLink("21620123456", order(2))
    expect(link.url.startsWith("https://wa.me/21620123456?text=")).toBe(true)
    const text = decodeURIComponent(link.url.split("?text=")[1])
    expect(text).toBe(link.text)
    expect(text.split("\n")[0]).toBe(WHATSAPP_GREETING)
    expect(text).toContain(
      "1. Plaquettes de frein avant Ferodo Premier 1 (réf. FER-FDB8900) × 1 : 45,500 DT"
    )
    expect(text).toContain(
      "2. Plaquettes de frein avant Ferodo Premier 2 (réf. FER-FDB8901) × 2 : 91,000 DT"
    )
    expect(text).toContain(
      "Véhicule : Peugeot 208 1.6 HDi (9HP) · 2012 – 2019 (VIN VF3CA9HP0CW123456)"
    )
    expect(text).toContain(
      "Livraison : Livraison Grand Tunis (24–48 h) : 7,000 DT"
    )
    expect(text).toContain("Total : 98,000 DT")
    expect(link).toMatchObject({ lines_listed: 2, lines_total: 2 })
  })

  it("summarises a 60-line cart within the limit, with the count and value of the lines left out", () => {
    const big = order(
      60,
      "Filtre à huile Mann-Filter W 712/95 pour moteurs essence et diesel"
    )
    const link = whatsAppLink("21620123456", big)
    expect(link.url.length).toBeLessThanOrEqual(MAX_WHATSAPP_URL_LENGTH)
    expect(link.lines_listed).toBeGreaterThan(3)
    expect(link.lines_listed).toBeLessThan(60)
    const rest = big.lines.slice(link.lines_listed)
    const value = rest.reduce((n, l) => n + l.total, 0)
    expect(link.text).toContain(
      `… et ${rest.length} autres articles (${rest.reduce((n, l) => n + l.quantity, 0)} pièces, ${dinarsText(value)})`
    )
    expect(link.text).toContain("Total : 98,000 DT")
    // one more listed line would not fit: the summary is as long as it can be
    expect(decodeURIComponent(link.url.split("?text=")[1])).toBe(link.text)
  })

  it("says when the delivery is free or still to choose", () => {
    expect(
      whatsAppLink("21620123456", {
        ...order(1),
        delivery: { name: "Retrait au magasin", amount: 0 },
      }).text
    ).toContain("Livraison : Retrait au magasin : gratuite")
    expect(
      whatsAppLink("21620123456", {
        ...order(1),
        delivery: null,
        vehicle: null,
      }).text
    ).toMatch(/Livraison : à choisir/)
  })
})

describe("shopWhatsAppNumber", () => {
  it("takes the store settings first, then the environment value, and explains what is wrong", () => {
    expect(
      shopWhatsAppNumber({ whatsapp: "+216 20 000 000" }, "+216 71 000 000")
    ).toEqual({ number: "21620000000" })
    expect(shopWhatsAppNumber({ whatsapp: " " }, "71 000 000")).toEqual({
      number: "21671000000",
    })
    expect(shopWhatsAppNumber(null, undefined)).toEqual({
      error: expect.stringMatching(/^The shop has no WhatsApp number/),
    })
    expect(shopWhatsAppNumber(null, "+216 20 12")).toEqual({
      error: expect.stringMatching(
        /^The shop's WhatsApp number \(SHOP_WHATSAPP_NUMBER\) is wrong/
      ),
    })
  })
})

describe("whatsAppProductLink", () => {
  const question = {
    shopName: "Shabou Auto Pièces",
    title: "Filtre à huile Mann W 712/75",
    reference: "MAN-W71275",
    price: { amount: 21420, from: false },
    variantsToChoose: 0,
    vehicle: {
      label: "Peugeot 206 1.4i (KFV (TU3JP)) · 1998 – 2010",
      vin: "VF32CKFVF44123456",
    },
    productRef: "filtre-huile-mann-w71275",
  }

  it("asks about one product: greeting, title, reference, price in dinars, the vehicle", () => {
    const { url, text } = whatsAppProductLink("21620000000", question)
    expect(url.startsWith("https://wa.me/21620000000?text=")).toBe(true)
    expect(decodeURIComponent(url.split("?text=")[1])).toBe(text)
    expect(text.split("\n")).toEqual([
      WHATSAPP_GREETING,
      "Bonjour Shabou Auto Pièces, je voudrais ce produit :",
      "",
      "Filtre à huile Mann W 712/75",
      "Réf. : MAN-W71275",
      "Prix : 21,420 DT",
      "Produit : filtre-huile-mann-w71275",
      "",
      "Pour mon véhicule : Peugeot 206 1.4i (KFV (TU3JP)) · 1998 – 2010 (VIN VF32CKFVF44123456)",
      "Est-il disponible et compatible ? Merci !",
    ])
  })

  it("without a variant picked among several: a price 'à partir de' and the choice to make; without a vehicle", () => {
    const { text } = whatsAppProductLink("21620000000", {
      ...question,
      reference: null,
      price: { amount: 9000, from: true },
      variantsToChoose: 3,
      vehicle: null,
    })
    expect(text).toContain(
      "\nVariante : à préciser (3 choix)\nPrix : à partir de 9,000 DT\n"
    )
    expect(text).not.toContain("Réf.")
    expect(text.endsWith("\n\nEst-il disponible ? Merci !")).toBe(true)
  })

  it("shortens a very long title on whole characters to stay within the limit", () => {
    const { url, text } = whatsAppProductLink(
      "21620000000",
      { ...question, title: "Kit de distribution 🇹🇳 ".repeat(60) },
      900
    )
    expect(url.length).toBeLessThanOrEqual(900)
    expect(text).toMatch(/…\nRéf\. : MAN-W71275/)
    expect(() => decodeURIComponent(url.split("?text=")[1])).not.toThrow()
    expect(
      whatsAppProductLink("21620000000", question).url.length
    ).toBeLessThanOrEqual(MAX_WHATSAPP_URL_LENGTH)
  })
})
