import * as lib from "./index"

describe("lib index", () => {
  it("exports the runtime API", () => {
    for (const name of [
      "parseVehicleCsv",
      "parseFitmentCsv",
      "planVehicleImport",
      "planFitmentImport",
      "decodeVin",
      "normalizePartNumber",
      "canonicalMake",
      "parseModel",
      "fitmentLinkKey",
      "matchVehicles",
      "invalidRowsToCsv",
      "CsvFormatError",
    ]) {
      expect(typeof (lib as Record<string, unknown>)[name]).toBe("function")
    }
    expect(lib.decodeVin("VF3LCYHZPKS123456").valid).toBe(true)
  })
})
