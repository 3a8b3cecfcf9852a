/** What the messy files are made of: makes and models, bodies and engines, each with the spellings people use. */

export interface MakeSpec {
  spellings: string[]
  models: Array<{ spellings: string[]; generations: string[] }>
}

export const MAKES: MakeSpec[] = [
  {
    spellings: ["Peugeot", "PEUGEOT", "peugeot"],
    models: [
      { spellings: ["208"], generations: ["I", "II"] },
      { spellings: ["206"], generations: ["I"] },
      { spellings: ["308"], generations: ["I", "II", "III"] },
      { spellings: ["Partner", "PARTNER"], generations: ["I", "II", "III"] },
      { spellings: ["301"], generations: ["I"] },
    ],
  },
  {
    spellings: ["Renault", "RENAULT", "renault"],
    models: [
      {
        spellings: ["Clio", "CLIO", "clio"],
        generations: ["II", "III", "IV", "V"],
      },
      {
        spellings: ["Mégane", "Megane", "MEGANE"],
        generations: ["II", "III", "IV"],
      },
      { spellings: ["Kangoo", "KANGOO"], generations: ["I", "II"] },
      { spellings: ["Symbol", "SYMBOL"], generations: ["I", "II"] },
    ],
  },
  {
    spellings: ["Citroën", "Citroen", "CITROEN", "citroën"],
    models: [
      {
        spellings: ["C-Elysée", "C Elysee", "c-elysee", "C-ELYSEE"],
        generations: ["I"],
      },
      { spellings: ["Berlingo", "BERLINGO"], generations: ["I", "II", "III"] },
      { spellings: ["C3", "c3"], generations: ["II", "III"] },
      {
        spellings: ["C4 Picasso", "C4-Picasso", "c4 picasso"],
        generations: ["I", "II"],
      },
    ],
  },
  {
    spellings: ["Volkswagen", "VW", "V.W.", "volkswagen"],
    models: [
      { spellings: ["Golf", "GOLF"], generations: ["IV", "V", "VI", "VII"] },
      { spellings: ["Polo", "POLO"], generations: ["IV", "V", "VI"] },
      { spellings: ["Caddy", "CADDY"], generations: ["III", "IV"] },
    ],
  },
  {
    spellings: [
      "Mercedes-Benz",
      "MERCEDES BENZ",
      "mercedes benz",
      "Mercedes",
      "MB",
    ],
    models: [
      {
        spellings: ["Classe C", "CLASSE C", "classe-c"],
        generations: ["W203", "W204", "W205"],
      },
      { spellings: ["Sprinter", "SPRINTER"], generations: ["II", "III"] },
      { spellings: ["Vito", "VITO"], generations: ["II", "III"] },
    ],
  },
  {
    spellings: ["Škoda", "Skoda", "SKODA"],
    models: [
      { spellings: ["Octavia", "OCTAVIA"], generations: ["II", "III", "IV"] },
      { spellings: ["Fabia", "FABIA"], generations: ["II", "III"] },
    ],
  },
  {
    spellings: ["Kia", "KIA", "Kia Motors"],
    models: [
      { spellings: ["Picanto", "PICANTO"], generations: ["II", "III"] },
      { spellings: ["Rio", "RIO"], generations: ["III", "IV"] },
    ],
  },
  {
    spellings: ["Hyundai", "HYUNDAI", "Hyunday"],
    models: [
      { spellings: ["i10", "I10"], generations: ["I", "II", "III"] },
      { spellings: ["Accent", "ACCENT"], generations: ["III", "IV"] },
    ],
  },
  {
    spellings: ["Dacia", "DACIA"],
    models: [
      { spellings: ["Logan", "LOGAN"], generations: ["I", "II"] },
      { spellings: ["Sandero", "SANDERO"], generations: ["I", "II", "III"] },
    ],
  },
  {
    spellings: ["Fiat", "FIAT"],
    models: [
      { spellings: ["Doblò", "Doblo", "DOBLO"], generations: ["I", "II"] },
      { spellings: ["Punto", "PUNTO"], generations: ["II", "III"] },
    ],
  },
  {
    spellings: ["SEAT", "Seat", "seat"],
    models: [
      { spellings: ["Ibiza", "IBIZA"], generations: ["III", "IV", "V"] },
    ],
  },
  {
    spellings: ["Toyota", "TOYOTA"],
    models: [
      { spellings: ["Hilux", "HILUX"], generations: ["VI", "VII", "VIII"] },
    ],
  },
  {
    spellings: ["Great Wall", "GWM", "great-wall"],
    models: [{ spellings: ["Wingle", "WINGLE"], generations: ["V", "VII"] }],
  },
]

/** Body: the body column spellings, and suffixes people write into the model name instead. */
export const BODIES: Array<{
  body: string
  column: string[]
  suffix: string[]
}> = [
  {
    body: "hatchback",
    column: ["5 portes", "Hayon", "hatchback"],
    suffix: ["5 portes", "5P"],
  },
  {
    body: "estate",
    column: ["Break", "SW", "break"],
    suffix: ["SW", "Estate", "Break", "Variant"],
  },
  {
    body: "van",
    column: ["Fourgon", "Van", "fourgonnette"],
    suffix: ["Van", "Fourgon"],
  },
  {
    body: "sedan",
    column: ["Berline", "berline 4 portes", "Sedan"],
    suffix: ["Berline", "Sedan"],
  },
]

/**
 * Engines, one a line: code (empty when unknown), cc, hp, canonical fuel, then the labels and the fuels as
 * people write them (" / " between spellings).
 */
export const ENGINES = engineTable(`
  K9K  | 1461 |  90 | diesel     | 1.5 dCi / 1.5 DCI / 1,5 dci | Diesel / Gazole / gasoil
  K9K  | 1461 | 110 | diesel     | 1.5 dCi 110 / 1.5 DCI 110   | Diesel / GAZOLE
  9HX  | 1560 |  90 | diesel     | 1.6 HDi / 1.6 HDI / 1,6 hdi | Diesel / Gasoil
  HMZ  | 1199 |  82 | petrol     | 1.2 PureTech / 1.2 PURETECH | Essence / essence / Petrol
  KFV  | 1360 |  75 | petrol     | 1.4 i / 1.4i / 1.4 I        | Essence / Gasoline
  K4M  | 1598 | 110 | petrol     | 1.6 16V / 1.6 16v           | Essence / ESSENCE
  CFHC | 1968 | 140 | diesel     | 2.0 TDI / 2.0 tdi / 2,0 TDI | Diesel
  G3LA |  998 |  67 | petrol     | 1.0 MPI / 1.0 mpi           | Essence
       | 1368 |  77 | petrol_lpg | 1.4 GPL / 1.4 gpl           | Essence/GPL / essence-gpl
`)

function engineTable(text: string) {
  return text
    .trim()
    .split("\n")
    .map((line) => {
      const [code, cc, hp, canonicalFuel, labels, fuel] = line
        .split("|")
        .map((cell) => cell.trim())
      return {
        labels: labels.split(" / "),
        code,
        cc: Number(cc),
        hp: Number(hp),
        fuel: fuel.split(" / "),
        canonicalFuel,
      }
    })
}
