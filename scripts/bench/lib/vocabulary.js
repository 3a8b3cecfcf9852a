/**
 * The words of the generated benchmark catalogues (search-bench, store-bench, fitment-bench):
 * part types with their Arabic name, a query typed with typos and their parent category; brands;
 * vehicle makes and models. One copy, so every bench generates the same kind of shop.
 */

/** The rows of a text table: one a line, cells separated by ` | `. */
const table = (text) =>
  text
    .trim()
    .split("\n")
    .map((line) => line.split(" | "))

// French name | Arabic name | a typed-with-typos query | parent category
const PART_TYPES = table(`
Plaquettes de frein avant | وسادات فرامل أمامية | plaquete frein avan | Freinage
Plaquettes de frein arrière | وسادات فرامل خلفية | plaquettes frein arriere | Freinage
Disques de frein avant | أقراص فرامل أمامية | disque frien avant | Freinage
Disques de frein arrière | أقراص فرامل خلفية | disques de frein arière | Freinage
Tambours de frein | طنابير فرامل | tambour frein | Freinage
Étrier de frein | فك الفرامل | etrier de frin | Freinage
Filtre à huile | فلتر زيت | filtre a huil | Filtration
Filtre à air | فلتر هواء | filtre air | Filtration
Filtre d'habitacle | فلتر المقصورة | filtre habitacle | Filtration
Filtre à carburant | فلتر وقود | filtre carburan | Filtration
Amortisseur avant | ممتص صدمات أمامي | amortiseur avant | Suspension
Amortisseur arrière | ممتص صدمات خلفي | amortisseur arriere | Suspension
Rotule de direction | رأس الدركسيون | rotule direction | Direction
Biellette de barre stabilisatrice | ذراع المثبت | biellette stabilisatrice | Suspension
Triangle de suspension | مثلث التعليق | triangle suspention | Suspension
Kit de distribution | طقم التوزيع | kit distrib | Moteur
Courroie d'accessoires | سير الملحقات | courroie accessoire | Moteur
Pompe à eau | مضخة ماء | pompe a eau | Refroidissement
Radiateur moteur | رادياتير المحرك | radiateur moteur | Refroidissement
Thermostat | ترموستات | termostat | Refroidissement
Bougie d'allumage | شمعة الإشعال | bougie allumage | Allumage
Bobine d'allumage | بوبينة الإشعال | bobine d'alumage | Allumage
Bougie de préchauffage | شمعة التسخين | bougie prechauffage | Allumage
Kit d'embrayage | طقم الدبرياج | kit embrayage | Transmission
Cardan de transmission | كردان | cardan transmision | Transmission
Alternateur | دينامو | alternateur | Électricité
Démarreur | مارش | demareur | Électricité
Batterie | بطارية | baterie | Électricité
Balais d'essuie-glace | مساحات الزجاج | essuie glace | Visibilité
Phare avant | ضوء أمامي | phare avant | Visibilité
Rétroviseur extérieur | مرآة جانبية | retroviseur | Carrosserie
Roulement de roue | رولمان العجلة | roulement roue | Transmission
`)
const BRANDS = [
  "Bosch",
  "Valeo",
  "TRW",
  "Ferodo",
  "Brembo",
  "Textar",
  "Mann-Filter",
  "Mahle",
  "NGK",
  "Sachs",
  "Monroe",
  "KYB",
  "Gates",
  "SKF",
  "Dayco",
  "Continental",
  "Febi Bilstein",
  "Lemförder",
  "Delphi",
  "Denso",
  "Hella",
  "Magneti Marelli",
  "LuK",
  "Purflux",
]
// make | its models
const MAKES = table(`
Peugeot | 206, 207, 208, 301, 308, 3008, Partner, Expert, Boxer, 508
Renault | Clio, Symbol, Megane, Kangoo, Logan, Sandero, Duster, Master, Trafic, Captur
Volkswagen | Golf, Polo, Passat, Caddy, Jetta, Tiguan, Touran, Transporter, Up, Touareg
Citroën | C3, C4, Berlingo, C-Elysée, Jumpy, Jumper, C5, Xsara, Saxo, C1
Kia | Picanto, Rio, Cerato, Sportage, Sorento, Soul, Ceed, Stonic, Carens, K2500
Hyundai | i10, i20, Accent, Elantra, Tucson, Santa Fe, Creta, H1, Getz, Atos
Fiat | Punto, Palio, Siena, Doblo, Fiorino, Tipo, Panda, 500, Ducato, Uno
Toyota | Yaris, Corolla, Hilux, RAV4, Auris, Land Cruiser, Prado, Avensis, Aygo, C-HR
Mercedes-Benz | Classe A, Classe C, Classe E, Sprinter, Vito, Citan, GLA, GLC, ML, CLA
Chery | Tiggo, QQ, Arrizo, Fulwin, A113, Tiggo 7, Tiggo 4, Tiggo 2, Arrizo 5, Fora
`).map(([make, models]) => [make, models.split(", ")])

/** SQL VALUES rows from JS arrays (numbers as is, strings quoted). */
const lit = (rows) =>
  rows
    .map(
      (r) =>
        `(${r.map((v) => (typeof v === "number" ? v : `'${String(v).replace(/'/g, "''")}'`)).join(", ")})`
    )
    .join(",\n")

module.exports = { PART_TYPES, BRANDS, MAKES, lit }
