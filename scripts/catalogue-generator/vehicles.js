/** The vehicle base: engines and models parsed into one row per model and engine. */
"use strict"

const { ENGINES_TXT } = require("./data/engines")
const { MODELS_TXT } = require("./data/models")

const ENGINE = {}
for (const line of ENGINES_TXT.trim().split("\n")) {
  const [id, label, code, cc, hp, fuel, cyl, fam, drive] = line.split("|")
  ENGINE[id] = {
    id,
    label,
    code,
    cc: +cc,
    hp: +hp,
    kw: Math.round(+hp * 0.7355),
    fuel,
    cyl: +cyl,
    fam,
    drive,
  }
}

const MODELS = []
const VEHICLES = []
for (const line of MODELS_TXT.trim().split("\n")) {
  const [make, model, from, to, body, chassis, engs] = line.split("|")
  const m = {
    make,
    model,
    year_from: +from,
    year_to: to ? +to : null,
    body,
    chassis,
  }
  MODELS.push(m)
  for (const id of engs.split(",")) {
    const e = ENGINE[id]
    if (!e) throw new Error(`unknown engine ${id} in ${make} ${model}`)
    VEHICLES.push({
      ...m,
      e,
      key: `${make}|${model}|${from}|${e.label}|${e.code}`,
    })
  }
}

// battery class of a vehicle: [capacity Ah, cold cranking A, layout]
function batteryClass(v) {
  const asian = [
    "Kia",
    "Hyundai",
    "Toyota",
    "Nissan",
    "Suzuki",
    "Mitsubishi",
    "Isuzu",
    "Chery",
    "MG",
    "Geely",
    "Great Wall",
    "Haval",
  ].includes(v.make)
  const big = ["pick-up", "utilitaire"].includes(v.body) && v.e.cc > 1900
  let ah
  if (big) ah = 95
  else if (v.e.fuel === "diesel") ah = v.e.cc > 1800 ? 80 : 70
  else if (v.e.cc <= 1250) ah = 45
  else ah = 60
  return `${ah}${asian ? "J" : "E"}`
}

/** The columns naming vehicle `v` in vehicles.csv and fitments.csv (make, model, years, engine). */
function vehicleColumns(v) {
  return {
    make: v.make,
    model: v.model,
    year_from: v.year_from,
    year_to: v.year_to ?? "",
    engine: v.e.label,
    engine_code: v.e.code,
  }
}

module.exports = { ENGINE, MODELS, VEHICLES, batteryClass, vehicleColumns }
