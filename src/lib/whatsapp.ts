/**
 * The "order on WhatsApp" message: a https://wa.me/<number>?text=… link whose text lists the cart in French,
 * opened by an Arabic greeting, and whose whole URL stays within MAX_WHATSAPP_URL_LENGTH. Long carts are
 * summarised (the first lines, then "… et N autres articles" with the cart's reference); long titles are
 * shortened on a whole character (grapheme), never inside one.
 */

/**
 * Longest link we produce. WhatsApp documents no limit for `text`; links are opened by phone browsers,
 * Android intents and desktop apps, and 2,000 characters is the limit kept by the most restrictive of those
 * (old browsers, some SMS/e-mail clients). A 60-line cart still gets a useful summary within it.
 */
export const MAX_WHATSAPP_URL_LENGTH = 2000

/** Arabic greeting that opens the message ("Peace be upon you"), as Tunisian customers write it. */
export const WHATSAPP_GREETING = "السلام عليكم"

const TITLE_MAX = 48

export interface WhatsAppLine {
  title: string
  reference: string | null
  quantity: number
  /** Line total in millimes. */
  total: number
}

export interface WhatsAppOrder {
  shopName: string
  cartId: string
  lines: WhatsAppLine[]
  vehicle: { label: string; vin: string | null } | null
  delivery: { name: string; amount: number } | null
  /** Cart total in millimes (with delivery and taxes). */
  total: number
}

export interface WhatsAppLink {
  url: string
  text: string
  /** Lines written out in full; the others are summarised in one line. */
  lines_listed: number
  lines_total: number
}

/** 45500 millimes → "45,500 DT" (decimal comma, 3 decimals, thin space for thousands). */
export function dinarsText(millimes: number): string {
  const sign = millimes < 0 ? "-" : ""
  const abs = Math.abs(Math.round(millimes))
  const whole = String(Math.floor(abs / 1000)).replace(
    /\B(?=(\d{3})+(?!\d))/g,
    " "
  )
  return `${sign}${whole},${String(abs % 1000).padStart(3, "0")} DT`
}

/**
 * A WhatsApp number as wa.me wants it (international, digits only), or an error. Tunisian numbers may be
 * written locally (8 digits, e.g. "20 123 456"); "00216…" and "+216…" are the same number.
 */
export function normalizeWhatsAppNumber(
  raw: string
): { number: string } | { error: string } {
  const trimmed = raw.trim()
  if (!/^[+\d][\d\s().-]*$/.test(trimmed)) {
    return { error: `"${raw}" is not a phone number (digits, spaces, + only)` }
  }
  let digits = trimmed.replace(/\D/g, "")
  if (digits.startsWith("00")) {
    digits = digits.slice(2)
  } else if (!trimmed.startsWith("+") && digits.length === 8) {
    digits = `216${digits}`
  }
  if (digits.length < 8 || digits.length > 15) {
    return {
      error: `"${raw}" has ${digits.length} digits; an international number has 8 to 15 (e.g. +216 20 123 456)`,
    }
  }
  if (digits.startsWith("216") && digits.length !== 11) {
    return {
      error: `"${raw}" is not a Tunisian number: +216 is followed by 8 digits`,
    }
  }
  return { number: digits }
}

/**
 * The shop's WhatsApp number: the store settings (`store.metadata.whatsapp`) first, then the value of
 * SHOP_WHATSAPP_NUMBER; an error (answered 409) when none is usable.
 */
export function shopWhatsAppNumber(
  metadata: Record<string, unknown> | null | undefined,
  envValue: string | undefined
): { number: string } | { error: string } {
  const fromStore =
    typeof metadata?.whatsapp === "string" && metadata.whatsapp.trim()
      ? metadata.whatsapp
      : null
  const raw = fromStore ?? envValue?.trim() ?? ""
  if (!raw) {
    return {
      error:
        'The shop has no WhatsApp number: set it in the store settings (metadata "whatsapp") or in SHOP_WHATSAPP_NUMBER',
    }
  }
  const n = normalizeWhatsAppNumber(raw)
  return "error" in n
    ? {
        error: `The shop's WhatsApp number (${fromStore ? "store settings" : "SHOP_WHATSAPP_NUMBER"}) is wrong: ${n.error}`,
      }
    : n
}

/** Intl.Segmenter (Node 16+); our TypeScript lib setting (ES2021) does not declare it yet. */
const GraphemeSegmenter = (
  Intl as unknown as {
    Segmenter: new (
      locale: string,
      options: { granularity: "grapheme" }
    ) => { segment(text: string): Iterable<{ segment: string }> }
  }
).Segmenter

/** Shortens a text to `max` characters as a reader counts them (graphemes), with "…" when cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim()
  const graphemes = Array.from(
    new GraphemeSegmenter("fr", { granularity: "grapheme" }).segment(clean),
    (s) => s.segment
  )
  return graphemes.length <= max
    ? clean
    : `${graphemes
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
}

function lineText(index: number, l: WhatsAppLine): string {
  const ref = l.reference ? ` (réf. ${l.reference})` : ""
  return `${index}. ${shorten(l.title, TITLE_MAX)}${ref} × ${l.quantity} : ${dinarsText(l.total)}`
}

function linkOf(number: string, text: string): string {
  return `https://wa.me/${number}?text=${encodeURIComponent(text)}`
}

/**
 * Builds the link. All lines are listed when they fit; otherwise as many as fit, then one summary line with
 * the number and value of the others. Throws when not even the summary fits (a limit far too small).
 */
export function whatsAppLink(
  number: string,
  order: WhatsAppOrder,
  maxLength = MAX_WHATSAPP_URL_LENGTH
): WhatsAppLink {
  const head = [
    `${WHATSAPP_GREETING}`,
    `Bonjour ${order.shopName}, je souhaite commander :`,
    "",
  ]
  const tail: string[] = [""]
  if (order.vehicle) {
    tail.push(
      `Véhicule : ${order.vehicle.label}${order.vehicle.vin ? ` (VIN ${order.vehicle.vin})` : ""}`
    )
  }
  tail.push(
    order.delivery
      ? `Livraison : ${order.delivery.name} : ${order.delivery.amount ? dinarsText(order.delivery.amount) : "gratuite"}`
      : "Livraison : à choisir"
  )
  tail.push(
    `Total : ${dinarsText(order.total)}`,
    `Panier : ${order.cartId}`,
    "Merci !"
  )
  const compose = (listed: number): string => {
    const body = order.lines.slice(0, listed).map((l, i) => lineText(i + 1, l))
    const rest = order.lines.slice(listed)
    if (rest.length) {
      const units = rest.reduce((n, l) => n + l.quantity, 0)
      const value = rest.reduce((n, l) => n + l.total, 0)
      body.push(
        `… et ${rest.length} autre${rest.length > 1 ? "s" : ""} article${rest.length > 1 ? "s" : ""} (${units} pièce${units > 1 ? "s" : ""}, ${dinarsText(value)}) : détail dans le panier ${order.cartId}`
      )
    }
    return [...head, ...body, ...tail].join("\n")
  }
  // the most lines that fit (the length grows with each line listed)
  let listed = order.lines.length
  while (listed >= 0 && linkOf(number, compose(listed)).length > maxLength) {
    listed--
  }
  if (listed < 0) {
    throw new Error(
      `the WhatsApp message does not fit in ${maxLength} characters even summarised`
    )
  }
  const text = compose(listed)
  return {
    url: linkOf(number, text),
    text,
    lines_listed: listed,
    lines_total: order.lines.length,
  }
}

export interface WhatsAppProductQuestion {
  shopName: string
  /** Product title, with the variant's name when the product has several. */
  title: string
  /** SKU of the variant (null when it has none, or when no variant was picked among several). */
  reference: string | null
  /** Price in millimes, taxes included; `from` when no variant was picked and the variants' prices differ. */
  price: { amount: number; from: boolean } | null
  /** Number of variants to choose from when none was picked (0 or 1: nothing to choose). */
  variantsToChoose: number
  vehicle: { label: string; vin: string | null } | null
  /** Product handle or id, so that the shop finds the page. */
  productRef: string
}

/**
 * "Demander ce produit": a https://wa.me link asking the shop about one product (is it available, does it fit
 * the vehicle), with the same greeting, prices and length limit as the cart's link. The title is shortened
 * (on whole characters) until the link fits.
 */
export function whatsAppProductLink(
  number: string,
  q: WhatsAppProductQuestion,
  maxLength = MAX_WHATSAPP_URL_LENGTH
): { url: string; text: string } {
  const compose = (titleMax: number): string => {
    const lines = [
      WHATSAPP_GREETING,
      `Bonjour ${q.shopName}, je voudrais ce produit :`,
      "",
      shorten(q.title, titleMax),
    ]
    if (q.reference) {
      lines.push(`Réf. : ${q.reference}`)
    }
    if (q.variantsToChoose > 1) {
      lines.push(`Variante : à préciser (${q.variantsToChoose} choix)`)
    }
    if (q.price) {
      lines.push(
        `Prix : ${q.price.from ? "à partir de " : ""}${dinarsText(q.price.amount)}`
      )
    }
    lines.push(`Produit : ${q.productRef}`)
    if (q.vehicle) {
      lines.push(
        "",
        `Pour mon véhicule : ${q.vehicle.label}${q.vehicle.vin ? ` (VIN ${q.vehicle.vin})` : ""}`
      )
      lines.push("Est-il disponible et compatible ? Merci !")
    } else {
      lines.push("", "Est-il disponible ? Merci !")
    }
    return lines.join("\n")
  }
  for (let titleMax = 200; titleMax >= 10; titleMax -= 10) {
    const text = compose(titleMax)
    const url = linkOf(number, text)
    if (url.length <= maxLength) {
      return { url, text }
    }
  }
  throw new Error(
    `the WhatsApp message does not fit in ${maxLength} characters`
  )
}
