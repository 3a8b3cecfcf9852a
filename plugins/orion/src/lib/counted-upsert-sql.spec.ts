import { BulkColumn } from "@shabou/sql"
import { countedUpsertSql } from "./counted-upsert-sql"

type Day = { date: string; rain: number }

const COLUMNS: BulkColumn<Day>[] = [
  { name: "date", type: "date", value: (d) => d.date },
  { name: "rain", type: "numeric", value: (d) => d.rain },
]

const oneLine = (sql: string) => sql.replace(/\s+/g, " ").trim()

describe("countedUpsertSql", () => {
  it("upserts the rows of the columns' arrays and counts the rows inserted and updated", () => {
    const sql = countedUpsertSql(
      COLUMNS,
      `INSERT INTO "t" ("date", "rain") SELECT date, rain FROM input
       ON CONFLICT ("date") DO UPDATE SET "rain" = EXCLUDED."rain"`
    )
    expect(oneLine(sql)).toBe(
      "WITH input AS ( SELECT * FROM unnest($1::date[], $2::numeric[]) AS u(date, rain) ), up AS (" +
        ' INSERT INTO "t" ("date", "rain") SELECT date, rain FROM input' +
        ' ON CONFLICT ("date") DO UPDATE SET "rain" = EXCLUDED."rain"' +
        " RETURNING (xmax = 0) AS inserted )" +
        " SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up"
    )
  })

  it("names the two counts as asked", () => {
    const sql = countedUpsertSql(COLUMNS, "INSERT …", ["opened", "refreshed"])
    expect(oneLine(sql)).toMatch(
      / SELECT count\(\*\) FILTER \(WHERE inserted\)::int AS opened, count\(\*\) FILTER \(WHERE NOT inserted\)::int AS refreshed FROM up$/
    )
  })
})
