/** listing counts and resolved category filters kept in memory (a few bytes each; the oldest go first) */
export const KEPT_VALUES = 20000

/**
 * The value kept under `key`, else `make()`'s, kept (a promise: concurrent callers share one
 * statement; a failure is not kept). At most `limit` per map, the oldest dropped first.
 */
export function kept<T>(
  map: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
  limit = KEPT_VALUES
): Promise<T> {
  let value = map.get(key)
  if (!value) {
    value = make()
    map.set(key, value)
    value.catch(() => map.delete(key))
    if (map.size > limit) {
      // a Map keeps insertion order
      map.delete(map.keys().next().value as string)
    }
  }
  return value
}
