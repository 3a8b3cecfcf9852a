/** Small seeded random generators (mulberry32) for reproducible synthetic data and tests. */
export class Rng {
  private s: number
  private spare: number | null = null

  constructor(seed: number) {
    this.s = seed >>> 0
  }

  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  normal(): number {
    if (this.spare !== null) {
      const v = this.spare
      this.spare = null
      return v
    }
    let u = 0
    let v = 0
    while (u === 0) {
      u = this.next()
    }
    v = this.next()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }

  /** Marsaglia–Tsang gamma(shape, scale 1). */
  gamma(shape: number): number {
    if (shape < 1) {
      return this.gamma(shape + 1) * Math.pow(this.next() || 1e-12, 1 / shape)
    }
    const d = shape - 1 / 3
    const c = 1 / Math.sqrt(9 * d)
    for (;;) {
      let x: number
      let v: number
      do {
        x = this.normal()
        v = 1 + c * x
      } while (v <= 0)
      v = v * v * v
      const u = this.next()
      if (
        u < 1 - 0.0331 * x * x * x * x ||
        Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))
      ) {
        return d * v
      }
    }
  }

  poisson(mean: number): number {
    if (mean <= 0) {
      return 0
    }
    if (mean > 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()))
    }
    const l = Math.exp(-mean)
    let k = 0
    let p = 1
    do {
      k++
      p *= this.next()
    } while (p > l)
    return k - 1
  }

  /** Negative binomial with mean μ and shape k (gamma–Poisson mixture). */
  negBinomial(mean: number, shape: number): number {
    if (mean <= 0) {
      return 0
    }
    return this.poisson((mean * this.gamma(shape)) / shape)
  }
}
