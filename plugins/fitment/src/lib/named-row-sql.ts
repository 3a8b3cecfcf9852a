import { insertSql } from "@shabou/sql"

/** The tables whose rows a make or model is known by: a name, a handle, a key and aliases. */
export type NamedTable = "vehicle_make" | "vehicle_model"

/** What such a row holds besides its id (and a model's make). */
export type NamedValues = {
  name: string
  handle: string
  key: string
  aliases: string[]
}

/** The INSERT of a make or model: its ids (a make's `{ id }`, a model's `{ id, make_id }`), then its names. */
export function insertNamedSql(
  table: NamedTable,
  ids: { id: string; make_id?: string },
  values: NamedValues
): [string, unknown[]] {
  return insertSql(table, {
    ...ids,
    name: values.name,
    handle: values.handle,
    key: values.key,
    aliases: values.aliases,
  })
}

/** The UPDATE of a make's or model's names, with its bound values. */
export function updateNamesSql(
  table: NamedTable,
  id: string,
  values: NamedValues
): [string, unknown[]] {
  return [
    `UPDATE ${table} SET name = $2, handle = $3, key = $4, aliases = $5, updated_at = now() WHERE id = $1`,
    [id, values.name, values.handle, values.key, values.aliases],
  ]
}

/** The UPDATE of a make's or model's aliases alone, with its bound values. */
export function setAliasesSql(
  table: NamedTable,
  id: string,
  aliases: string[]
): [string, unknown[]] {
  return [
    `UPDATE ${table} SET aliases = $2, updated_at = now() WHERE id = $1`,
    [id, aliases],
  ]
}
