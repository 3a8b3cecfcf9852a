/**
 * Bulk writes through `unnest()`: one statement per chunk of rows, each column sent as one array
 * parameter, so that thousands of rows cost one round trip and a bounded parameter size.
 *
 *   const COLUMNS = { date: "date", governorate: "varchar", rain: "float8" }
 *   for (const part of chunks(rows, 5000)) {
 *     await db.query(`INSERT INTO t (date, governorate, rain) SELECT * FROM ${unnestFrom(COLUMNS)}`,
 *       columnArrays(part, Object.keys(COLUMNS)))
 *   }
 */

/** `rows` cut into consecutive parts of at most `size` rows (none for no rows). */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`chunk size must be a positive integer, got ${size}`)
  }
  const parts: T[][] = []
  for (let i = 0; i < rows.length; i += size) {
    parts.push(rows.slice(i, i + size))
  }
  return parts
}

type Column<T> = keyof T | ((row: T) => unknown)

/** One array per column (a property name or a function of the row), in the order given. */
export function columnArrays<T>(
  rows: readonly T[],
  columns: ReadonlyArray<Column<T> | string>
): unknown[][] {
  return columns.map((c) =>
    rows.map((row) =>
      typeof c === "function" ? c(row) : (row as any)[c as keyof T]
    )
  )
}

/**
 * `unnest($1::date[], $2::varchar[]) AS t(date, governorate)` for `columns` (name → SQL type, in
 * order); the first array is parameter `$first`.
 */
export function unnestFrom(
  columns: Record<string, string>,
  alias = "t",
  first = 1
): string {
  const names = Object.keys(columns)
  const arrays = names.map((n, i) => `$${first + i}::${columns[n]}[]`)
  return `unnest(${arrays.join(", ")}) AS ${alias}(${names.join(", ")})`
}
