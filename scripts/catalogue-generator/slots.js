/** Slots: groups of vehicles one part fits, heaviest (most sold makes) first. */
"use strict"

const { rnd } = require("./random")
const { DRUM_CHASSIS, MAKE_WEIGHT } = require("./data/models")
const { VEHICLES, batteryClass } = require("./vehicles")

const byKey = (f) => {
  const m = new Map()
  for (const v of VEHICLES) {
    const k = f(v)
    if (k == null) continue
    if (!m.has(k)) m.set(k, [])
    m.get(k).push(v)
  }
  return m
}
function chunk(vs, max) {
  if (vs.length <= max) return [vs]
  const sorted = vs
    .slice()
    .sort((a, b) =>
      (a.make + a.model + a.year_from).localeCompare(
        b.make + b.model + b.year_from
      )
    )
  const parts = Math.ceil(vs.length / max)
  const size = Math.ceil(vs.length / parts)
  const out = []
  for (let i = 0; i < sorted.length; i += size)
    out.push(sorted.slice(i, i + size))
  return out
}
function slotsFor(cat, spec) {
  let groups
  const era = (v) => (v.year_from < 2010 ? "a" : "b")
  switch (spec.slot) {
    case "chassis":
      groups = byKey((v) =>
        spec.drumOnly && !DRUM_CHASSIS.has(v.chassis) ? null : v.chassis
      )
      break
    case "chassis_fuel":
      groups = byKey((v) => `${v.chassis}/${v.e.fuel === "diesel" ? "d" : "e"}`)
      break
    case "fam":
      groups = byKey((v) => `${v.e.fam}/${era(v)}`)
      break
    case "fam_petrol":
      groups = byKey((v) => (v.e.fuel === "diesel" ? null : v.e.fam))
      break
    case "fam_diesel":
      groups = byKey((v) => (v.e.fuel === "diesel" ? v.e.fam : null))
      break
    case "fam_chassis":
      groups = byKey((v) => `${v.e.fam}/${v.chassis}`)
      break
    case "battery":
      groups = byKey((v) => batteryClass(v))
      break
    case "sensor":
      groups = byKey((v) => v.chassis)
      break
    case "wiper":
      groups = byKey((v) => v.chassis)
      break
    default:
      return []
  }
  const slots = []
  for (const [key, vs] of groups) {
    for (const part of chunk(vs, spec.slot === "battery" ? 30 : 24)) {
      const weight =
        part.reduce((s, v) => s + (MAKE_WEIGHT[v.make] || 1), 0) * (0.5 + rnd())
      slots.push({ key, vehicles: part, weight })
    }
  }
  slots.sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key))
  return slots
}

module.exports = { slotsFor }
