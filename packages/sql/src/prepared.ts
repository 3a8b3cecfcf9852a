import { createHash } from "crypto"
import { types } from "pg"

/**
 * Statements PostgreSQL parses and plans once per connection (named prepared statements) instead of on
 * every call. For the store's hottest reads, whose text is fixed and whose best plan does not depend on
 * the values bound to it (a page of one kept list, a count of it, a product by id): planning one costs
 * about twice its execution (0.3-0.9 ms against 0.2 ms on the 100k bench catalogue), and after five
 * calls PostgreSQL keeps its generic plan (0.01 ms). Listings whose plan depends on their filters
 * (a brand of 10 products or of 10,000) keep being planned on each call: they use `manager.query`.
 *
 * Each connection keeps the statements it has prepared: behind a pooler in transaction mode
 * (PgBouncer before 1.21) named statements fail; connect such a pooler in session mode.
 */

/** A statement's name: derived from its text, so one name never stands for two texts. */
export function statementName(sql: string): string {
  let name = names.get(sql)
  if (!name) {
    name = `s_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`
    names.set(sql, name)
  }
  return name
}

const names = new Map<string, string>()

/** What `preparedQuery` needs of a TypeORM EntityManager (typed loosely: TypeORM's driver is internal). */
export type QueryManager = {
  query: (sql: string, params?: unknown[]) => Promise<any>
  queryRunner?: { isTransactionActive?: boolean } | null
  connection: { driver: unknown }
}

type Pool = {
  query: (config: {
    name: string
    text: string
    values: unknown[]
    binary?: boolean
    types?: typeof BYTES_TYPES
  }) => Promise<{ rows: unknown[] }>
}

const TEXT_OID = 25

/**
 * The result types of a statement read in binary format: `text` columns as their UTF-8 bytes
 * (Buffer), every other type parsed as usual (varchar as a string, timestamptz as a Date).
 */
const BYTES_TYPES = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === TEXT_OID && format === "binary"
      ? (value: Buffer) => value
      : types.getTypeParser(oid, format),
}

/**
 * Runs `sql` as a named prepared statement on the manager's connection pool; inside a transaction
 * (a manager bound to a query runner) it runs on that transaction's connection, unprepared.
 */
export async function preparedQuery<T>(
  manager: QueryManager,
  sql: string,
  params: unknown[],
  { bytes = false }: { bytes?: boolean } = {}
): Promise<T[]> {
  const pool = (manager.connection.driver as { master?: Pool }).master
  if (manager.queryRunner || !pool || typeof pool.query !== "function") {
    return (await manager.query(sql, params)) as T[]
  }
  const { rows } = await pool.query({
    name: statementName(sql),
    text: sql,
    values: params,
    ...(bytes ? { binary: true, types: BYTES_TYPES } : {}),
  })
  return rows as T[]
}

/**
 * A statement and its values; `prepared` when its plan does not depend on them (see above);
 * `bytes` (prepared ones only): its `text` columns come back as UTF-8 bytes, not decoded into
 * strings (a page of 70 kB of JSON bodies that is only sent on). Inside a transaction they come
 * back as strings: the reader takes both.
 */
export type Statement = {
  sql: string
  params: unknown[]
  prepared?: boolean
  bytes?: boolean
}

/** Runs a statement: prepared when it says so, else parsed and planned for its values. */
export async function runStatement<T>(
  manager: QueryManager,
  { sql, params, prepared, bytes }: Statement
): Promise<T[]> {
  return prepared
    ? preparedQuery<T>(manager, sql, params, { bytes })
    : ((await manager.query(sql, params)) as T[])
}
