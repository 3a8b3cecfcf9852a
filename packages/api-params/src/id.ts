import { invalidParam } from "./errors"
import { single } from "./single"

/** Ids as Medusa and our plugins write them (`veh_01H…`, `pcat_…`): letters, digits, `_ . : -`. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/

/** One id; undefined when absent; anything that cannot be an id (quotes, spaces, SQL) is refused. */
export function id(value: unknown, name: string): string | undefined {
  const raw = single(value, name)
  if (raw === undefined || raw === "") {
    return undefined
  }
  if (!ID_PATTERN.test(raw)) {
    throw invalidParam(
      name,
      `is not a valid id: ${JSON.stringify(raw.slice(0, 60))}`
    )
  }
  return raw
}
