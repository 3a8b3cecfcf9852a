import { CliError, parseCommand } from "./index"

describe("prospector CLI arguments", () => {
  it("parses search, export, watch and report", () => {
    expect(
      parseCommand([
        "search",
        "--query",
        "garage mécanique",
        "--city",
        "Sfax",
        "--max-requests",
        "5",
      ])
    ).toMatchObject({
      command: "search",
      values: { query: "garage mécanique", city: ["Sfax"] },
      maxRequests: 5,
    })
    expect(
      parseCommand(["export", "--out", "x.csv", "--status", "new"]).values
    ).toMatchObject({ out: "x.csv", status: "new" })
    expect(parseCommand(["watch"]).command).toBe("watch")
    expect(parseCommand(["report"]).command).toBe("report")
  })

  it.each([
    [[], /usage: npm run prospector/],
    [["fly"], /unknown command "fly"/],
    [["search", "--query", "x"], /search: --city is required/],
    [["export"], /export: --out <file.csv> is required/],
    [
      ["search", "--city", "Sfax", "--max-requests", "lots"],
      /--max-requests: "lots"/,
    ],
    [
      ["report", "--start", "2026-01-05"],
      /report: give both --start and --end/,
    ],
    [
      ["report", "--start", "lundi", "--end", "2026-01-12"],
      /--start: "lundi" is not an ISO date/,
    ],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCommand(argv as string[])).toThrow(message)
  })

  it("rejects unknown flags", () => {
    expect(() => parseCommand(["watch", "--force"])).toThrow(
      /Unknown option '--force'/
    )
    expect(CliError).toBeDefined()
  })
})
