/** The columns of a vehicles CSV file and the other names they go by (French, English, TecDoc). */
import type { ColumnSpec } from "./csv-table"

export const VEHICLE_COLUMNS: ColumnSpec[] = [
  {
    field: "make",
    aliases: [
      "marque",
      "constructeur",
      "manufacturer",
      "make_name",
      "vehicle_make",
    ],
  },
  {
    field: "model",
    aliases: ["modele", "model_name", "vehicle_model", "gamme"],
  },
  { field: "generation", aliases: ["gen", "generation_code", "phase"] },
  {
    field: "body",
    aliases: ["carrosserie", "body_type", "type_carrosserie", "bodywork"],
  },
  {
    field: "year_from",
    aliases: [
      "annee_debut",
      "annee_de",
      "de",
      "from",
      "debut",
      "year_start",
      "start_year",
      "from_year",
      "annee_from",
    ],
  },
  {
    field: "year_to",
    aliases: [
      "annee_fin",
      "annee_a",
      "a",
      "to",
      "fin",
      "year_end",
      "end_year",
      "to_year",
      "jusqu_a",
    ],
  },
  { field: "month_from", aliases: ["mois_debut", "month_start"] },
  { field: "month_to", aliases: ["mois_fin", "month_end"] },
  {
    field: "engine",
    aliases: [
      "moteur",
      "engine_label",
      "motorisation",
      "version",
      "engine_name",
    ],
  },
  {
    field: "engine_code",
    aliases: ["code_moteur", "type_moteur", "motor_code", "engine_type"],
  },
  {
    field: "displacement_cc",
    aliases: [
      "cc",
      "cylindree",
      "displacement",
      "cm3",
      "cylinder_capacity",
      "capacity_cc",
    ],
  },
  {
    field: "power_hp",
    aliases: ["hp", "ch", "chevaux", "puissance_ch", "power_ps", "ps", "bhp"],
  },
  { field: "power_kw", aliases: ["kw", "puissance_kw"] },
  {
    field: "fuel",
    aliases: ["carburant", "energie", "fuel_type", "carburation"],
  },
  {
    field: "ktype",
    aliases: ["k_type", "ktyp", "tecdoc_ktype", "ktype_nr", "ktypnr"],
  },
]

export const REQUIRED_VEHICLE_COLUMNS = ["make", "model", "year_from"]

/** A validated vehicle. Names are display forms; `*_key` are dedupe keys. */
