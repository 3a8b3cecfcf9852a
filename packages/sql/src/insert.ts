/**
 * A one-row INSERT from the row's named values: the columns in the order of the keys, a numbered
 * placeholder each, so that the column list, the placeholders and the values cannot get out of step.
 * Table and column names are the caller's own text (never user input); the values go as parameters.
 *
 *   await db.query(...insertSql("garage_vehicle", { id, customer_id: customerId, name }))
 */
export function insertSql(
  table: string,
  row: Readonly<Record<string, unknown>>
): [string, unknown[]] {
  const columns = Object.keys(row)
  if (columns.length === 0) {
    throw new Error(`insertSql: no column to insert into ${table}`)
  }
  const placeholders = columns.map((_, i) => `$${i + 1}`)
  return [
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders.join(", ")})`,
    columns.map((c) => row[c]),
  ]
}
