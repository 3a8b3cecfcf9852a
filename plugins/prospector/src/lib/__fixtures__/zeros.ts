/** `{ name: 0, … }` for each of the space-separated `names`: the counters of a summary before anything was counted. */
export function zeros(names: string): Record<string, number> {
  return Object.fromEntries(names.split(" ").map((name) => [name, 0]))
}
