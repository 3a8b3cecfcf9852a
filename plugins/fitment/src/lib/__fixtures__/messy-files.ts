/**
 * Test-file generator: real-world-shaped vehicle and fitment CSVs of any size, with messy spellings,
 * duplicates written differently, malformed rows at known lines, BOM and semicolons.
 *
 * The generator knows what it wrote (the distinct vehicles, the duplicate lines, the broken lines and the
 * column each one breaks), so tests compare the parser's answer with that ground truth, not with itself.
 * The vehicles file is written by messy-vehicle-file.ts from the spellings of messy-vehicle-data.ts, the
 * fitments file by messy-fitment-file.ts.
 */

export * from "./messy-fitment-file"
export * from "./messy-vehicle-file"
