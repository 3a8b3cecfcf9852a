/**
 * The one seeded random stream of the catalogue generator and its helpers.
 * Every draw advances the same stream, so the generator's steps must run in
 * the same order for the output to stay byte-identical.
 */
"use strict"

const { mulberry32 } = require("../lib/prng")
const rnd = mulberry32(20261031)
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1))
const pick = (arr) => arr[Math.floor(rnd() * arr.length)]
const chance = (p) => rnd() < p
function shuffle(arr) {
  const a = arr.slice()
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}
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
