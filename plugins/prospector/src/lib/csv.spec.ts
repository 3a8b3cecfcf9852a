import { parse } from "csv-parse/sync"

import { LeadCsvRow, csvString, csvStream, leadsCsvStream } from "./csv"

const BOM = "\ufeff"

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream)
    chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c))
  return Buffer.concat(chunks)
}

describe("CSV", () => {
  const rows: LeadCsvRow[] = [
    {
      name: "Garage Élite Mécanique",
      phone: "+21671234567",
      city: "Tunis",
      score: 87,
      notes: 'Rappeler lundi; prix "pro"',
    },
    {
      name: "ورشة الأمانة للميكانيك",
      phone: "+21698123456",
      city: "صفاقس",
      score: 64,
      rating: 4.5,
    },
    {
      name: '=HYPERLINK("http://evil","x")',
      phone: "+21620000000",
      notes: "@SUM(A1)",
      city: "-2+3",
      address: "\tcaché",
      website: "\rcr",
    },
  ]

  it("starts with a UTF-8 BOM, uses CRLF and keeps French and Arabic text", async () => {
    const buf = await collect(leadsCsvStream(rows))
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = buf.toString("utf8")
    expect(text.startsWith(BOM + "Nom,Téléphone,Ville")).toBe(true)
    expect(text.split("\r\n")).toHaveLength(rows.length + 2)
    expect(text).toContain("Garage Élite Mécanique")
    expect(text).toContain("ورشة الأمانة للميكانيك")
    expect(text).toContain("صفاقس")
  })

  it("neutralises formula cells (=, +, -, @, tab, CR) with a leading quote", async () => {
    const text = await csvString(rows, [
      { header: "name", value: "name" },
      { header: "notes", value: "notes" },
      { header: "city", value: "city" },
      { header: "address", value: "address" },
      { header: "website", value: "website" },
      { header: "phone", value: "phone" },
    ])
    const [, , , evil] = parse(text.slice(1), {
      relax_column_count: true,
    }) as string[][]
    expect(evil).toEqual([
      '\'=HYPERLINK("http://evil","x")',
      "'@SUM(A1)",
      "'-2+3",
      "'\tcaché",
      "'\rcr",
      "'+21620000000",
    ])
    for (const cellText of evil) {
      expect(/^[=+\-@\t\r]/.test(cellText)).toBe(false)
    }
  })

  it("keeps negative numbers as numbers and quotes delimiters and quotes", async () => {
    const text = await csvString(
      [{ a: -5, b: "x;y", c: 'dit "oui"' }],
      [
        { header: "a", value: "a" },
        { header: "b", value: "b" },
        { header: "c", value: "c" },
      ],
      { delimiter: ";" }
    )
    expect(text).toBe(`${BOM}a;b;c\r\n-5;"x;y";"dit ""oui"""\r\n`)
  })

  it("streams from an async iterable", async () => {
    async function* gen() {
      for (let i = 0; i < 1000; i++) yield { n: i, name: `Garage ${i}` }
    }
    const text = await csvString(gen(), [
      { header: "n", value: "n" },
      { header: "name", value: (r) => r.name.toUpperCase() },
    ])
    const records = parse(text, { bom: true, columns: true }) as Array<{
      n: string
      name: string
    }>
    expect(records).toHaveLength(1000)
    expect(records[999]).toEqual({ n: "999", name: "GARAGE 999" })
  })

  it("reports the failing row when a row cannot be read", async () => {
    async function* gen() {
      yield { name: "ok" }
      yield null as unknown as { name: string }
    }
    await expect(
      csvString(gen(), [{ header: "name", value: (r) => r.name }])
    ).rejects.toThrow(/CSV row 2/)
  })

  it("can go without BOM and writes dates and booleans readably", async () => {
    const text = await csvString(
      [{ d: new Date("2025-01-06T07:00:00Z"), b: true }],
      [
        { header: "d", value: "d" },
        { header: "b", value: "b" },
      ],
      { bom: false }
    )
    expect(text).toBe("d,b\r\n2025-01-06T07:00:00.000Z,oui\r\n")
  })

  it("needs columns", () => {
    expect(() => csvStream([], [])).toThrow(/at least one column/)
  })
})
