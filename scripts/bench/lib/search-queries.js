/** The searches the store bench sends: what shoppers type, typos included, in a fixed order. */
const { mulberry32, shuffled } = require("../../lib/prng")
const { PART_TYPES } = require("./vocabulary")

/** Deterministic shuffle, so two runs send the same sequence. */
function shuffle(items, seed) {
  return shuffled(items, mulberry32(seed))
}

/** A typing mistake in `word`: a letter dropped, doubled or swapped with the next one. */
function typo(word, seed) {
  const letters = [...word]
  if (letters.length < 4) {
    return word
  }
  const at = 1 + (seed % (letters.length - 2))
  const kind = seed % 3
  if (kind === 0) {
    letters.splice(at, 1)
  } else if (kind === 1) {
    letters.splice(at, 0, letters[at])
  } else {
    ;[letters[at], letters[at + 1]] = [letters[at + 1], letters[at]]
  }
  return letters.join("")
}

const plain = (s) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()

/** 200 different searches a shopper types: part names with typos, brands, Arabic names, references. */
function searchQueries(brands, references) {
  const out = new Set()
  const add = (q) => out.size < 200 && q.trim() && out.add(q.trim())
  PART_TYPES.forEach(([, , typed]) => add(typed))
  PART_TYPES.forEach(([, ar]) => add(ar))
  PART_TYPES.forEach(([fr], i) =>
    add(
      plain(fr)
        .split(" ")
        .map((w, j) => (j === 0 ? typo(w, i + 7) : w))
        .join(" ")
    )
  )
  brands.slice(0, 24).forEach((b, i) => add(typo(b.toLowerCase(), i + 3)))
  PART_TYPES.forEach(([fr], i) =>
    add(
      `${plain(fr).split(" ")[0]} ${brands[(i * 5) % brands.length].toLowerCase()}`
    )
  )
  references.forEach((r, i) =>
    add(i % 2 ? r : `${r.slice(0, 2)} ${r.slice(2)}`)
  )
  for (let i = 0; out.size < 200 && i < 1000; i++) {
    const [fr] = PART_TYPES[i % PART_TYPES.length]
    add(`${typo(plain(fr), i)} ${brands[i % brands.length]}`)
  }
  return [...out]
}

module.exports = { shuffle, searchQueries }
