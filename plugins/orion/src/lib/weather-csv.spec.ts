import {
  normalizeGovernorate,
  parseGovernorateList,
  parseWeatherCsv,
} from "./weather-csv"

describe("parseWeatherCsv", () => {
  it("reads valid rows, whatever the column order, accents or case of the governorate", () => {
    const r = parseWeatherCsv(
      "\uFEFFGovernorate,date,rain,temperature\nTunis,2025-01-06,0,9.5\nBéja,2025-01-06,12.4,-1\nLe Kef,2025-01-07,0,7\n"
    )
    expect(r.errors).toEqual([])
    expect(r.rows).toEqual([
      {
        date: "2025-01-06",
        governorate: "tunis",
        temperature: 9.5,
        rain: 0,
        row: 2,
      },
      {
        date: "2025-01-06",
        governorate: "beja",
        temperature: -1,
        rain: 12.4,
        row: 3,
      },
      {
        date: "2025-01-07",
        governorate: "kef",
        temperature: 7,
        rain: 0,
        row: 4,
      },
    ])
    expect(normalizeGovernorate("Sidi-Bouzid")).toBe("sidi bouzid")
    expect(normalizeGovernorate("Paris")).toBeNull()
  })

  it("names the row and column of every bad value and returns no rows at all", () => {
    const r = parseWeatherCsv(
      [
        "date,governorate,temperature,rain",
        "2025-01-06,Tunis,9.5,0",
        "2025-02-30,Tunis,9.5,0",
        "2025-01-07,Paris,9.5,0",
        "2025-01-08,Sfax,chaud,0",
        "2025-01-09,Sfax,71,0",
        "2025-01-10,Sfax,12,-3",
        "2025-01-11,Sfax,12,",
        "2025-01-06,tunis,10,0",
      ].join("\n")
    )
    expect(r.rows).toEqual([])
    expect(r.errors).toEqual([
      {
        row: 3,
        column: "date",
        reason: '"2025-02-30" is not a valid YYYY-MM-DD date',
      },
      {
        row: 4,
        column: "governorate",
        reason:
          '"Paris" is not a governorate of Tunisia (e.g. Tunis, Sfax, Béja)',
      },
      {
        row: 5,
        column: "temperature",
        reason:
          '"chaud" is not a daily mean temperature in °C between -20 and 55',
      },
      {
        row: 6,
        column: "temperature",
        reason: '"71" is not a daily mean temperature in °C between -20 and 55',
      },
      {
        row: 7,
        column: "rain",
        reason: '"-3" is not a daily rain in mm between 0 and 500',
      },
      {
        row: 8,
        column: "rain",
        reason: '"" is not a daily rain in mm between 0 and 500',
      },
      {
        row: 9,
        column: "date",
        reason: "2025-01-06 for tunis is already on row 2",
      },
    ])
  })

  it("rejects a wrong header, an empty file and broken CSV", () => {
    expect(
      parseWeatherCsv("date,gov,temperature,rain\n2025-01-06,Tunis,9,0\n")
        .errors
    ).toEqual([
      {
        row: 1,
        column: null,
        reason:
          'header must name the columns date,governorate,temperature,rain; missing governorate (got "date,gov,temperature,rain")',
      },
    ])
    expect(
      parseWeatherCsv("date,governorate,temperature,rain\n").errors[0]
    ).toMatchObject({ row: 2, reason: "the file has a header but no rows" })
    const broken = parseWeatherCsv(
      'date,governorate,temperature,rain\n2025-01-06,"Tunis,9,0\n'
    )
    expect(broken.rows).toEqual([])
    expect(broken.errors[0].reason).toMatch(/^not a valid CSV file/)
  })
})

describe("governorate lists (ORION_WEATHER_GOVERNORATES, --governorate)", () => {
  it("normalizes the names, drops repeats and blanks, and returns the bad ones as written", () => {
    expect(parseGovernorateList(" Tunis, ariana ,Béja,,TUNIS, le Kef")).toEqual(
      { governorates: ["tunis", "ariana", "beja", "kef"], bad: [] }
    )
    expect(parseGovernorateList(["Sidi-Bouzid", "Lyon", "Paris"])).toEqual({
      governorates: ["sidi bouzid"],
      bad: ["Lyon", "Paris"],
    })
    expect(parseGovernorateList("")).toEqual({ governorates: [], bad: [] })
  })
})
