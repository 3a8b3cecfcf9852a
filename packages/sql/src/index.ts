export {
  BULK_CHUNK,
  chunks,
  columnArrays,
  unnestSql,
  writeInChunks,
} from "./bulk"
export type { BulkColumn } from "./bulk"
export { insertSql } from "./insert"
export { containsPattern, SqlParams, SqlWhere } from "./where"
export type { Placeholder } from "./where"
export { preparedQuery, runStatement, statementName } from "./prepared"
export type { QueryManager, Statement } from "./prepared"
