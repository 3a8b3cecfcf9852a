export { chunks, columnArrays, unnestFrom } from "./bulk"
export { containsPattern, SqlParams, SqlWhere } from "./where"
export type { Placeholder } from "./where"
