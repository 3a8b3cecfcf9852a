/**
 * Writes the parts (`chunks(rows, n)`) one after the other and adds up the counts each write
 * returns (`keys`: the counts to add up, each 0 when there is nothing to write).
 */
export async function sumOverChunks<T, K extends string>(
  parts: T[][],
  keys: readonly K[],
  write: (part: T[]) => Promise<Record<K, number>>
): Promise<Record<K, number>> {
  const total = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
  for (const part of parts) {
    const counts = await write(part)
    for (const k of keys) {
      total[k] += counts[k]
    }
  }
  return total
}
