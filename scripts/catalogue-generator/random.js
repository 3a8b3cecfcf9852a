/**
 * The one seeded random stream of the catalogue generator and its helpers.
 * Every draw advances the same stream, so the generator's steps must run in
 * the same order for the output to stay byte-identical.
 */
"use strict"

const { mulberry32, shuffled } = require("../lib/prng")
const rnd = mulberry32(20261031)
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1))
const pick = (arr) => arr[Math.floor(rnd() * arr.length)]
const chance = (p) => rnd() < p
const shuffle = (arr) => shuffled(arr, rnd)
function pickN(arr, n) {
  return shuffle(arr).slice(0, Math.min(n, arr.length))
}
// pattern: "#" digit, "@" upper-case letter (no I/O), anything else literal
function fill(pattern) {
  let s = ""
  for (const ch of pattern) {
    if (ch === "#") s += String(ri(0, 9))
    else if (ch === "@") s += pick("ABCDEFGHJKLMNPRSTUVWXYZ".split(""))
    else s += ch
  }
  return s
}
function slugify(s) {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
}

module.exports = { rnd, ri, pick, chance, shuffle, pickN, fill, slugify }
