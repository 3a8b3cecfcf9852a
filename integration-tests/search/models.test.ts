import { DataSource } from "typeorm"
import { CatalogueBody } from "../../plugins/search/src/models/catalogue-body"
import { CatalogueListEntry } from "../../plugins/search/src/models/catalogue-list-entry"
import { CatalogueState } from "../../plugins/search/src/models/catalogue-state"
import { SearchDirty } from "../../plugins/search/src/models/search-dirty"
import { SearchDocument } from "../../plugins/search/src/models/search-document"
import { SearchMatch } from "../../plugins/search/src/models/search-match"
import { SearchWord } from "../../plugins/search/src/models/search-word"
import { sql, testEnv } from "../helpers/env"

/**
 * The search plugin's entities (plugins/search/src/models) describe its tables as its migrations made them:
 * the same columns, types, nullability and primary keys. Nothing synchronizes the schema from them (the
 * migrations own it), so a migration that changes a table must change its entity with it: this test says so.
 * The entities are loaded by a TypeORM DataSource of their own on the test server's migrated database (the
 * server itself loads them from the plugin's dist/models at boot, beside core's).
 */
const ENTITIES = [
  SearchDocument,
  SearchWord,
  SearchDirty,
  SearchMatch,
  CatalogueState,
  CatalogueListEntry,
  CatalogueBody,
]

type Described = {
  column: string
  type: string
  nullable: boolean
  primary: boolean
}

type TableColumn = {
  column: string
  data_type: string
  udt_name: string
  nullable: boolean
  primary: boolean
}

describe("search plugin entities", () => {
  let ds: DataSource

  beforeAll(async () => {
    ds = new DataSource({
      type: "postgres",
      url: testEnv().databaseUrl,
      entities: ENTITIES,
    })
    await ds.initialize()
  })

  afterAll(async () => {
    await ds?.destroy()
  })

  it("one entity per table of the plugin's migrations", async () => {
    const tables = await sql<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name = ANY($1::text[]) ORDER BY 1`,
      [
        [
          "catalogue_body",
          "catalogue_list_entry",
          "catalogue_state",
          "search_dirty",
          "search_document",
          "search_match",
          "search_word",
        ],
      ]
    )
    expect(ENTITIES.map((e) => ds.getMetadata(e).tableName).sort()).toEqual(
      tables.map((t) => t.name)
    )
  })

  it.each(ENTITIES.map((e) => [e.name, e] as const))(
    "%s has its table's columns, types, nullability and primary key",
    async (_name, entity) => {
      const meta = ds.getMetadata(entity)
      const columns = await sql<TableColumn>(
        `SELECT c.column_name AS column, c.data_type, c.udt_name, c.is_nullable = 'YES' AS nullable,
                EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
                         WHERE k.conrelid = to_regclass('public.' || $1::text) AND k.contype = 'p'
                           AND a.attname = c.column_name) AS primary
           FROM information_schema.columns c
          WHERE c.table_schema = 'public' AND c.table_name = $1
          ORDER BY c.column_name COLLATE "C"`,
        [meta.tableName]
      )
      const described: Described[] = meta.columns
        .map((c) => {
          const type = ds.driver.normalizeType(c)
          return {
            column: c.databaseName,
            type: c.isArray ? `${type}[]` : type,
            nullable: c.isNullable,
            primary: c.isPrimary,
          }
        })
        .sort((a, b) => (a.column < b.column ? -1 : 1))
      expect(described).toEqual(
        columns.map((c) => ({
          column: c.column,
          // arrays: data_type "ARRAY", udt_name "_text"
          type:
            c.data_type === "ARRAY" ? `${c.udt_name.slice(1)}[]` : c.data_type,
          nullable: c.nullable,
          primary: c.primary,
        }))
      )
      const [constraint] = await sql<{ name: string }>(
        `SELECT conname AS name FROM pg_constraint WHERE conrelid = to_regclass('public.' || $1::text) AND contype = 'p'`,
        [meta.tableName]
      )
      expect(
        meta.primaryColumns.map((c) => c.primaryKeyConstraintName)
      ).toEqual(meta.primaryColumns.map(() => constraint.name))
    }
  )
})
