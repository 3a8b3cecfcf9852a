/** `x` rounded to `d` decimals, a half upwards as Math.round does (0.125 → 0.13, −2.5 → −2). */
export function round(x: number, d: number): number {
  const f = Math.pow(10, d)
  return Math.round(x * f) / f
}
