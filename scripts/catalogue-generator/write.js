/** Writes the catalogue files: categories.json, brands.json, products.json, vehicles.csv, fitments.csv. */
"use strict"

const fs = require("fs")
const path = require("path")
const { stringify } = require("csv-stringify/sync")
const { BRANDS } = require("./data/brands")
const { CATEGORIES } = require("./data/categories")
const { products, fitmentRows } = require("./products")
const { MODELS, VEHICLES, vehicleColumns } = require("./vehicles")
const { FITMENT_COLUMNS, VEHICLE_COLUMNS } = require("../lib/data-files")

/** Writes the files into `OUT`; returns the one-line summary. */
function writeCatalogue(OUT) {
  fs.mkdirSync(OUT, { recursive: true })
  const categories = CATEGORIES.map(
    ([handle, name, name_ar, parent, description]) => ({
      handle,
      name,
      name_ar,
      parent,
      description,
    })
  )
  const brands = BRANDS.map(([handle, name, country, what]) => ({
    handle,
    name,
    country,
    logo_url: null,
    description:
      what === "SHABOU_OWN"
        ? "Marque propre de Shabou Auto Pièces pour les accessoires et équipements de sécurité courants."
        : `${country === "TN" ? "Fabricant tunisien" : "Fabricant"} de ${what}.`,
  }))
  const outProducts = products.map(({ _cat, _slot, ...p }) => p)

  fs.writeFileSync(
    path.join(OUT, "categories.json"),
    JSON.stringify(categories, null, 2) + "\n"
  )
  fs.writeFileSync(
    path.join(OUT, "brands.json"),
    JSON.stringify(brands, null, 2) + "\n"
  )
  fs.writeFileSync(
    path.join(OUT, "products.json"),
    JSON.stringify(outProducts, null, 2) + "\n"
  )
  fs.writeFileSync(
    path.join(OUT, "vehicles.csv"),
    stringify(
      VEHICLES.map((v) => ({
        ...vehicleColumns(v),
        displacement_cc: v.e.cc,
        power_hp: v.e.hp,
        power_kw: v.e.kw,
        fuel: v.e.fuel,
        body: v.body,
        ktype: "",
      })),
      { header: true, columns: VEHICLE_COLUMNS }
    )
  )
  fs.writeFileSync(
    path.join(OUT, "fitments.csv"),
    stringify(fitmentRows, { header: true, columns: FITMENT_COLUMNS })
  )

  const nVariants = outProducts.reduce((s, p) => s + p.variants.length, 0)
  return (
    `categories ${categories.length}, brands ${brands.length}, models ${MODELS.length}, vehicles ${VEHICLES.length}, ` +
    `products ${outProducts.length} (${outProducts.filter((p) => p.variants.length > 1).length} with several variants), variants ${nVariants}, fitment rows ${fitmentRows.length}`
  )
}

module.exports = { writeCatalogue }
