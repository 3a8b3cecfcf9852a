import { BulkColumn, unnestSql } from "@shabou/sql"

/**
 * A bulk upsert that answers how many rows it inserted and how many it updated. `upsert` is an
 * `INSERT … SELECT … FROM input … ON CONFLICT … DO UPDATE …` without RETURNING: `input` is the table
 * of rows the arrays of `columns` make (parameters $1 … $n, in their order). PostgreSQL gives a row
 * it inserted xmax = 0 and a row it updated another xmax; a conflicting row the DO UPDATE's WHERE
 * leaves alone is not returned, so counted in neither. `counts` names the two counts.
 */
export function countedUpsertSql<T>(
  columns: ReadonlyArray<BulkColumn<T>>,
  upsert: string,
  counts: readonly [inserted: string, updated: string] = ["inserted", "updated"]
): string {
  return `WITH input AS (
           SELECT * FROM ${unnestSql(columns)}
         ), up AS (
           ${upsert}
           RETURNING (xmax = 0) AS inserted
         )
         SELECT count(*) FILTER (WHERE inserted)::int AS ${counts[0]}, count(*) FILTER (WHERE NOT inserted)::int AS ${counts[1]} FROM up`
}
