/**
 * One value kept between calls while its key stays the same, made again when the key changes
 * (e.g. a robots.txt cache kept across passes until the user agent changes).
 */
export class KeptByKey<T> {
  private kept: { key: string; value: T } | null = null

  /** The value kept under `key`, or a new one from `make` (kept from then on) when the key differs. */
  get(key: string, make: () => T): T {
    if (!this.kept || this.kept.key !== key) {
      this.kept = { key, value: make() }
    }
    return this.kept.value
  }
}
