/**
 * Bulk writes through PostgreSQL's `unnest`: the rows go as one array per column
 * (`unnest($1::text[], $2::int[], …) AS u(a, b, …)`), a fixed number of rows
 * per statement, so 100,000 rows take 20 statements, not 100,000.
 *
 *   const COLUMNS: BulkColumn<Row>[] = [{ name: "id", type: "text", value: (r) => r.id }, …]
 *   await writeInChunks(rows, (part) =>
 *     db.query(`INSERT INTO t (id, …) SELECT * FROM ${unnestSql(COLUMNS)}`, columnArrays(part, COLUMNS)))
 */

/** Rows written per statement. */
export const BULK_CHUNK = 5000

/** `items` cut into consecutive slices of at most `size` (none for no items). */
export function chunks<T>(items: readonly T[], size = BULK_CHUNK): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`chunks: size must be a whole number above 0, got ${size}`)
  }
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size))
  }
  return out
}

/** A column of a bulk write: its name in `u(…)`, its PostgreSQL type, and how to read it from a row. */
export interface BulkColumn<T> {
  name: string
  /** e.g. "text", "int", "numeric", "bool", "date", "jsonb" */
  type: string
  value: (row: T) => unknown
}

/** One array per column, in the order of `columns` (the parameters of `unnestSql`). */
export function columnArrays<T>(
  rows: readonly T[],
  columns: ReadonlyArray<BulkColumn<T>>
): unknown[][] {
  return columns.map((c) => rows.map((r) => c.value(r) ?? null))
}

/**
 * `unnest($first::type[], …) AS u(name, …)`: the table of rows the columns'
 * arrays make, numbered from parameter `first`.
 */
export function unnestSql<T>(
  columns: ReadonlyArray<BulkColumn<T>>,
  first = 1
): string {
  const arrays = columns.map((c, i) => `$${first + i}::${c.type}[]`)
  const names = columns.map((c) => c.name)
  return `unnest(${arrays.join(", ")}) AS u(${names.join(", ")})`
}

/**
 * Writes `items` a chunk at a time (in order, one statement after another in
 * the caller's transaction), telling `onChunk` how many were written so far.
 */
export async function writeInChunks<T>(
  items: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
  onChunk: (written: number) => void = () => undefined,
  size = BULK_CHUNK
): Promise<number> {
  let written = 0
  for (const chunk of chunks(items, size)) {
    await write(chunk)
    written += chunk.length
    onChunk(written)
  }
  return written
}
