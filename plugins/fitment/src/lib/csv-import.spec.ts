import { parseFitmentCsv, parseVehicleCsv } from "./csv-import"
import { CsvFormatError, invalidRowsToCsv, readCsv } from "./csv-table"
import { parse } from "csv-parse/sync"
import { generateVehicleFile } from "./__fixtures__/messy-files"

const now = new Date("2025-06-01T00:00:00Z")

describe("readCsv", () => {
  it("detects semicolons and commas, strips the BOM, numbers lines from the header", () => {
    const semi = readCsv(
      '\ufeffmake;model;year_from\r\nPeugeot;208;2012\r\n\r\nRenault;"Clio; IV";2013\r\n'
    )
    expect(semi).toMatchObject({
      delimiter: ";",
      bom: true,
      encoding: "utf-8",
      headers: ["make", "model", "year_from"],
    })
    expect(semi.rows).toEqual([
      { line: 2, cells: ["Peugeot", "208", "2012"] },
      { line: 4, cells: ["Renault", "Clio; IV", "2013"] },
    ])
    const comma = readCsv(
      Buffer.from('make,"model; name",year_from\nPeugeot,208,2012\n')
    )
    expect(comma.delimiter).toBe(",")
    expect(comma.bom).toBe(false)
  })

  it("keeps the start line of a record with a quoted newline", () => {
    const table = readCsv(
      'make,model,note\nPeugeot,208,"two\nlines"\nRenault,Clio,x\n'
    )
    expect(table.rows.map((r) => r.line)).toEqual([2, 4])
  })

  it("reads Windows-1252 files saved by French Excel", () => {
    const latin = Buffer.from([
      0x6d, 0x61, 0x6b, 0x65, 0x0a, 0x43, 0x69, 0x74, 0x72, 0x6f, 0xeb, 0x6e,
      0x0a,
    ]) // make\nCitroën\n
    const table = readCsv(latin)
    expect(table.encoding).toBe("windows-1252")
    expect(table.rows[0].cells).toEqual(["Citroën"])
  })

  it("throws a CsvFormatError with the line for an empty file or a broken quote", () => {
    expect(() => readCsv("")).toThrow(CsvFormatError)
    expect(() => readCsv('make,model\nPeugeot,"208\nRenault,Clio\n')).toThrow(
      "the CSV cannot be read: a quote opened on line 2 is never closed"
    )
    let error: CsvFormatError | undefined
    try {
      readCsv('make,model\nPeugeot,"2""08"\nRenault,"Clio\nDacia,Logan\n')
    } catch (e) {
      error = e as CsvFormatError
    }
    expect(error?.line).toBe(3)
  })
})

describe("parseVehicleCsv", () => {
  it("matches headers without case or accents, reports ignored columns", () => {
    const parsed = parseVehicleCsv(
      "Marque;MODÈLE;Année Début;Année fin;CC;Puissance kW;Couleur\nVW;Golf VII Variant;2013;2020;1598;81;bleu\n",
      { now }
    )
    expect(parsed.columns).toEqual({
      make: "Marque",
      model: "MODÈLE",
      year_from: "Année Début",
      year_to: "Année fin",
      displacement_cc: "CC",
      power_kw: "Puissance kW",
    })
    expect(parsed.ignored_columns).toEqual(["Couleur"])
    expect(parsed.errors).toEqual([])
    expect(parsed.rows[0]).toMatchObject({
      row: 2,
      make: "Volkswagen",
      model: "Golf",
      generation: "VII",
      body: "estate",
      year_from: 2013,
      year_to: 2020,
      displacement_cc: 1598,
      power_kw: 81,
      power_hp: 110,
    })
  })

  it("refuses a header without the required columns or with two columns for one field", () => {
    const missing = parseVehicleCsv("make,model\nPeugeot,208\n", { now })
    expect(missing.errors).toEqual([
      {
        row: 1,
        column: "year_from",
        value: null,
        reason: 'required column "year_from" is missing from the header',
      },
    ])
    expect(missing.rows).toEqual([])
    const twice = parseVehicleCsv(
      "make,model,year_from,hp,CH\nPeugeot,208,2012,90,90\n",
      { now }
    )
    expect(twice.errors[0]).toMatchObject({
      row: 1,
      column: "CH",
      reason:
        'column "CH" means the same as column "hp" (power_hp); keep only one',
    })
  })

  it("reports each malformed row with line, column, value and reason", () => {
    const csv = [
      "make,model,year_from,year_to,fuel,hp,kw",
      ",208,2012,,diesel,,",
      "Peugeot,208,2O12,,diesel,,",
      "Peugeot,208,2015,2009,diesel,,",
      "Peugeot,208,1948,,diesel,,",
      "Peugeot,208,2012,,kerosene,,",
      "Peugeot,208,2012,,diesel,90,120",
      "Peugeot,208,2012,,diesel,-90,",
      "Peugeot,208,2012,,diesel,90,",
    ].join("\n")
    const parsed = parseVehicleCsv(csv, { now })
    expect(parsed.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, "make", ""],
      [3, "year_from", "2O12"],
      [4, "year_to", "2009"],
      [5, "year_from", "1948"],
      [6, "fuel", "kerosene"],
      [7, "kw", "120"],
      [8, "hp", "-90"],
    ])
    expect(parsed.errors.map((e) => e.reason)).toEqual([
      "make is missing",
      '"2O12" is not a year (expected e.g. 2014, 2014-03 or 03/2014)',
      "year_to 2009 is before year_from 2015",
      "year 1948 is outside 1950..2026",
      expect.stringMatching(/^unknown fuel "kerosene"/),
      "power_kw 120 does not match power_hp 90 (expected about 66 kW; 1 hp = 0.7355 kW)",
      '"-90" is negative',
    ])
    expect(parsed.rows.map((r) => r.row)).toEqual([9])
    expect(parsed.rows[0].power_kw).toBe(66)
  })

  it("merges exact repeats written differently and refuses contradicting repeats", () => {
    const csv = [
      "make,model,year_from,year_to,engine,fuel,ktype",
      "Mercedes-Benz,Classe C,2014,2021,C 220 d,Diesel,111",
      "MERCEDES BENZ,CLASSE-C,2014,2021,c220d,gazole,111",
      "mb,classe c,2014,2020,C 220 D,diesel,111",
    ].join("\n")
    const parsed = parseVehicleCsv(csv, { now })
    expect(parsed.rows).toHaveLength(1)
    expect(parsed.duplicates).toEqual([{ row: 3, same_as: 2 }])
    expect(parsed.errors).toEqual([
      {
        row: 4,
        column: "year_to",
        value: "2020",
        reason:
          "same vehicle as row 2 but year_to differs: 2020 here, 2021 there",
      },
    ])
  })

  it("writes invalid rows back as a CSV with the reasons in the last column", () => {
    const parsed = parseVehicleCsv(
      "make;model;year_from\n;208;2012\nPeugeot;208;2012\nPeugeot;;x\n",
      { now }
    )
    const out = invalidRowsToCsv(
      parsed.headers,
      parsed.invalid,
      parsed.delimiter
    )
    expect(out.charCodeAt(0)).toBe(0xfeff)
    const records = parse(out, { bom: true, delimiter: ";" })
    expect(records).toEqual([
      ["make", "model", "year_from", "row", "errors"],
      ["", "208", "2012", "2", "make: make is missing"],
      [
        "Peugeot",
        "",
        "x",
        "4",
        'model: model is missing | year_from: "x" is not a year (expected e.g. 2014, 2014-03 or 03/2014)',
      ],
    ])
  })

  describe("a real-world-shaped file of 20,000+ rows", () => {
    const file = generateVehicleFile({
      vehicles: 20000,
      duplicates: 300,
      currentYear: 2025,
    })
    let parsed: ReturnType<typeof parseVehicleCsv>
    let ms = 0

    beforeAll(() => {
      const t = Date.now()
      parsed = parseVehicleCsv(Buffer.from(file.csv, "utf8"), { now })
      ms = Date.now() - t
    })

    it("has the shape promised: BOM, semicolons, more than 20,000 data lines", () => {
      expect(file.dataLines).toBeGreaterThan(20000)
      expect(parsed.bom).toBe(true)
      expect(parsed.delimiter).toBe(";")
      expect(parsed.total_rows).toBe(file.dataLines)
      expect(parsed.ignored_columns).toEqual(["Commentaire interne"])
    })

    it("finds exactly the distinct vehicles despite messy spellings", () => {
      expect(parsed.rows).toHaveLength(file.vehicles.length)
      expect(new Set(parsed.rows.map((r) => r.key)).size).toBe(
        file.vehicles.length
      )
      // every vehicle comes out under its canonical make, whatever the spelling in the file
      expect(new Set(parsed.rows.map((r) => r.make))).toEqual(
        new Set([
          "Peugeot",
          "Renault",
          "Citroën",
          "Volkswagen",
          "Mercedes-Benz",
          "Skoda",
          "Kia",
          "Hyundai",
          "Dacia",
          "Fiat",
          "SEAT",
          "Toyota",
          "Great Wall",
        ])
      )
      const byKtype = new Map(parsed.rows.map((r) => [r.ktype, r]))
      const wrong = file.vehicles.filter((truth) => {
        const row = byKtype.get(truth.ktype)
        return (
          !row ||
          row.body !== truth.body ||
          row.generation !== truth.generation ||
          row.year_from !== truth.year_from ||
          row.year_to !== truth.year_to
        )
      })
      expect(wrong.slice(0, 5)).toEqual([])
    })

    it("reports the repeats as duplicates of their first line", () => {
      expect(parsed.duplicates.map((d) => d.row)).toEqual(file.duplicateLines)
    })

    it("reports every broken line, with its column and reason, and nothing else", () => {
      expect(parsed.invalid.map((r) => r.row)).toEqual(
        file.broken.map((b) => b.line)
      )
      for (const expected of file.broken) {
        const errors = parsed.errors.filter((e) => e.row === expected.line)
        expect(errors).toHaveLength(1)
        expect(errors[0].column).toBe(expected.column)
        expect(errors[0].reason).toMatch(expected.reason)
      }
    })

    it("parses every row (speed is measured by npm run bench:fitment, not here)", () => {
      expect(parsed.total_rows).toBeGreaterThanOrEqual(20000)
      if (process.env.FITMENT_TIMING) {
        console.log(`parsed ${parsed.total_rows} rows in ${ms} ms`)
      }
    })
  })
})

describe("parseFitmentCsv", () => {
  it("reads products, vehicle selectors and French qualifiers", () => {
    const csv = [
      "SKU;Marque;Modèle;Année début;Année fin;Code moteur;Position;Qté;Mois début;Note;Note AR;Universel",
      "PLQ-208;Peugeot;208 II;2019;;HMZ;avant;2;2019-06;Sauf ABS;باستثناء ABS;",
      "HUILE-5W30;;;;;;;;;;;oui",
      ";Peugeot;208;2019;;;;;;;;",
      "PLQ-208;Peugeot;208;2019;;;haut;;;;;",
      "PLQ-208;;208;2019;;;;;;;;",
      "HUILE-5W30;Peugeot;208;;;;;;;;;1",
      "PLQ-208;Peugeot;208 II;2019;;HMZ;avant;2;2019-06;Sauf ABS;باستثناء ABS;",
    ].join("\n")
    const parsed = parseFitmentCsv(csv, { now })
    expect(parsed.rows).toHaveLength(2)
    expect(parsed.rows[0]).toEqual({
      row: 2,
      product: { sku: "PLQ-208", handle: null, product_id: null },
      universal: false,
      vehicle: {
        vehicle_id: null,
        ktype: null,
        make: "Peugeot",
        make_key: "peugeot",
        model: "208",
        model_key: "208",
        generation: "II",
        body: null,
        year_from: 2019,
        year_to: null,
        engine: null,
        engine_code: "HMZ",
        fuel: null,
      },
      position: "front",
      quantity: 2,
      engine_code: "HMZ",
      month_from: 201906,
      month_to: null,
      note_fr: "Sauf ABS",
      note_ar: "باستثناء ABS",
    })
    expect(parsed.rows[1]).toMatchObject({
      row: 3,
      universal: true,
      vehicle: null,
    })
    expect(parsed.duplicates).toEqual([{ row: 8, same_as: 2 }])
    expect(parsed.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [4, "SKU", "the product is missing: give its sku or handle"],
      [5, "Position", expect.stringMatching(/^unknown position "haut"/)],
      [6, "Marque", "make is missing"],
      [7, "Marque", "a universal row fits every vehicle and must not name one"],
      [7, "Modèle", "a universal row fits every vehicle and must not name one"],
    ])
  })

  it("needs a product column and a way to name vehicles", () => {
    expect(
      parseFitmentCsv("make,model\nPeugeot,208\n", { now }).errors[0].reason
    ).toBe('the header needs a product column: "sku" or "handle"')
    expect(
      parseFitmentCsv("sku,position\nA,front\n", { now }).errors[0].reason
    ).toMatch(/the header needs vehicle columns/)
  })

  it("needs a year for a bare month", () => {
    const parsed = parseFitmentCsv(
      "sku,make,model,month_from\nA,Peugeot,208,3\n",
      { now }
    )
    expect(parsed.errors[0].reason).toBe(
      "month 3 has no year: write it as YYYY-MM (e.g. 2014-03) or fill the year column"
    )
  })
})
