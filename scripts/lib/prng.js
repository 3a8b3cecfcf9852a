/**
 * mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)) for the data
 * generators and benches, so their output is the same on every run. It is
 * Orion's generator (`Rng` in plugins/orion/src/lib/random.ts), loaded from
 * its source so the scripts need no build and there is one copy of it.
 */
"use strict"

const path = require("path")
const { requireSource, ORION_LIB } = require("./ts-source")

const { Rng } = requireSource(path.join(ORION_LIB, "random.ts"))

/** A function returning the next number of the stream seeded with `seed`. */
function mulberry32(seed) {
  const rng = new Rng(seed)
  return () => rng.next()
}

/** A shuffled copy of `items` (Fisher–Yates, from the last item down), drawing from `rnd`. */
function shuffled(items, rnd) {
  const a = [...items]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

module.exports = { mulberry32, shuffled }
