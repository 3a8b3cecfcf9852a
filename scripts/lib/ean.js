/** EAN-13 codes: the check digit, and whether a code is valid. */
"use strict"

/** The check digit of the 12 first digits `d12` (a string). */
function eanCheck(d12) {
  let s = 0
  for (let i = 0; i < 12; i++) s += +d12[i] * (i % 2 === 0 ? 1 : 3)
  return String((10 - (s % 10)) % 10)
}

/** True when `e` is 13 digits ending with the right check digit. */
function eanValid(e) {
  return /^\d{13}$/.test(e) && eanCheck(e.slice(0, 12)) === e[12]
}

module.exports = { eanCheck, eanValid }
