import { createHash } from "crypto"

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
  }) => Promise<{ rows: unknown[] }>
}

/**
 * Runs `sql` as a named prepared statement on the manager's connection pool; inside a transaction
 * (a manager bound to a query runner) it runs on that transaction's connection, unprepared.
 */
export async function preparedQuery<T>(
  manager: QueryManager,
  sql: string,
  params: unknown[]
): Promise<T[]> {
  const pool = (manager.connection.driver as { master?: Pool }).master
  if (manager.queryRunner || !pool || typeof pool.query !== "function") {
    return (await manager.query(sql, params)) as T[]
  }
  const { rows } = await pool.query({
    name: statementName(sql),
    text: sql,
    values: params,
  })
  return rows as T[]
}

/**
 * A statement and its values; `prepared` when its plan does not depend on them (see above). Results
 * are always read in text format: node-postgres decodes every field of a row as UTF-8 before its
 * type parser sees it, binary results included, which saves nothing on text and corrupts `bytea`.
 */
export type Statement = {
  sql: string
  params: unknown[]
  prepared?: boolean
}

/** Runs a statement: prepared when it says so, else parsed and planned for its values. */
export async function runStatement<T>(
  manager: QueryManager,
  { sql, params, prepared }: Statement
): Promise<T[]> {
  return prepared
    ? preparedQuery<T>(manager, sql, params)
    : ((await manager.query(sql, params)) as T[])
}
