/** Formats of each brand's manufacturer part numbers ("#" digit, "@" letter). */
"use strict"

const { chance, pick, ri } = require("../random")

const MPN = {
  bosch: {
    "plaquettes-de-frein": ["0 986 494 ###", "0 986 495 ###"],
    "disques-de-frein": ["0 986 479 ###", "0 986 478 ###"],
    "machoires-de-frein": ["0 986 487 ###"],
    "filtres-a-huile": ["F 026 407 ###", "0 451 103 ###"],
    "filtres-a-air": ["F 026 400 ###", "1 457 433 ###"],
    "filtres-habitacle": ["1 987 432 ###", "1 987 435 ###"],
    "filtres-a-carburant": ["F 026 402 ###", "0 450 906 ###"],
    "bougies-d-allumage": ["0 242 235 ###", "0 242 236 ###", "0 242 129 ###"],
    "bougies-de-prechauffage": ["0 250 403 ###", "0 250 202 ###"],
    "bobines-d-allumage": ["0 986 221 ###", "0 221 504 ###"],
    alternateurs: ["0 986 04# ###", "1 986 A0# ###"],
    demarreurs: ["0 986 02# ###", "1 986 S0# ###"],
    capteurs: ["0 265 007 ###", "0 258 006 ###", "0 261 210 ###"],
    "balais-d-essuie-glace": [
      "3 397 118 ###",
      "3 397 007 ###",
      "3 397 008 ###",
    ],
    "batteries-de-demarrage": [
      "0 092 S40 0##",
      "0 092 S50 0##",
      "0 092 S4E 0##",
    ],
    ampoules: ["1 987 302 ###", "1 987 301 ###"],
    "pompes-a-eau": ["1 987 949 ###"],
    "liquide-de-frein": ["1 987 479 ###"],
    "chargeurs-et-cables-de-demarrage": ["0 189 999 ###"],
  },
  valeo: {
    "plaquettes-de-frein": ["301###", "601###"],
    "disques-de-frein": ["186###", "197###"],
    "kits-d-embrayage": ["826###", "828###", "786###"],
    "filtres-a-huile": ["586###"],
    "filtres-a-air": ["585###"],
    "filtres-habitacle": ["715###", "698###"],
    alternateurs: ["439###", "440###"],
    demarreurs: ["458###", "438###"],
    "balais-d-essuie-glace": ["574###", "577###", "567###"],
    ampoules: ["032###"],
    phares: ["043###", "045###"],
    "feux-arriere": ["044###"],
    thermostats: ["820###"],
    radiateurs: ["735###", "734###"],
    "condenseurs-de-climatisation": ["814###", "818###"],
    "bobines-d-allumage": ["245###"],
    "kits-de-distribution": ["614###"],
    "pompes-a-eau": ["506###"],
    capteurs: ["366###", "255###"],
    retroviseurs: ["043###"],
  },
  trw: {
    "plaquettes-de-frein": ["GDB####"],
    "disques-de-frein": ["DF####", "DF####S"],
    "machoires-de-frein": ["BK####"],
    rotules: ["JTE####", "JBJ####"],
    "biellettes-de-barre-stabilisatrice": ["JTS####"],
    "liquide-de-frein": ["PFB4##"],
    amortisseurs: ["JGM####T", "JGS####T"],
  },
  brembo: {
    "plaquettes-de-frein": ["P ## ###", "P 61 ###", "P 85 ###"],
    "disques-de-frein": ["09.@###.##", "08.@###.##", "09.####.##"],
    "liquide-de-frein": ["L 04 ###"],
  },
  ferodo: {
    "plaquettes-de-frein": ["FDB####", "FVR####"],
    "disques-de-frein": ["DDF####", "DDF####C"],
    "machoires-de-frein": ["FSB###"],
    "liquide-de-frein": ["FBX###", "FBZ###"],
  },
  textar: {
    "plaquettes-de-frein": ["2###01", "2####01"],
    "disques-de-frein": ["92######"],
  },
  "mann-filter": {
    "filtres-a-huile": ["W ###/##", "HU ###/# x", "W ###", "HU ### x"],
    "filtres-a-air": ["C ####", "C ####/#", "C ##/###"],
    "filtres-habitacle": ["CU ####", "CUK ####", "FP ####"],
    "filtres-a-carburant": ["WK ###/#", "WK ###/# x", "WK ####"],
  },
  mahle: {
    "filtres-a-huile": ["OC ###", "OX ###D", "OX ###/#D"],
    "filtres-a-air": ["LX ####", "LX ####/#"],
    "filtres-habitacle": ["LA ###", "LAK ###", "LAO ###"],
    "filtres-a-carburant": ["KL ###", "KX ###D"],
    thermostats: ["TX ## ##D", "TI ## ##"],
    radiateurs: ["CR ### 000S", "CR #### 000P"],
    "condenseurs-de-climatisation": ["AC ### 000S"],
  },
  purflux: {
    "filtres-a-huile": ["LS ###", "L ###", "L ###D"],
    "filtres-a-air": ["A ####", "A ###"],
    "filtres-habitacle": ["AH ###", "AHC ###", "AHA ###"],
    "filtres-a-carburant": ["C ###", "CS ###", "FCS ###"],
  },
  ngk: {
    "bougies-d-allumage": [
      () =>
        pick([
          "BKR",
          "BCPR",
          "ZFR",
          "PFR",
          "LKR",
          "DCPR",
          "ILKAR",
          "ILZKR",
          "LFR",
          "BPR",
          "IFR",
        ]) +
        ri(5, 8) +
        pick([
          "E",
          "EK",
          "EIX",
          "E-11",
          "EY",
          "F-11",
          "Q",
          "B8",
          "A-11",
          "C-11",
          "D-8",
          "E-N",
        ]),
    ],
    "bougies-de-prechauffage": ["Y-###J", "Y-###AS", "CZ###"],
    capteurs: ["OZA###-@##", "LZA##-@#"],
    "bobines-d-allumage": ["U####", "U5###"],
  },
  denso: {
    "bougies-d-allumage": [
      () =>
        pick(["K", "IK", "XU", "VXUH", "SXU", "PK", "KJ", "IKH"]) +
        pick(["16", "20", "22", "24"]) +
        pick(["TT", "PR-L11", "R-U", "TR11", "", "-U"]),
    ],
    "bougies-de-prechauffage": ["DG-###"],
    alternateurs: ["DAN####"],
    demarreurs: ["DSN####"],
    "filtres-habitacle": ["DCF###P", "DCF###K"],
    capteurs: ["DOX-####"],
    "bobines-d-allumage": ["DIC-####"],
    "condenseurs-de-climatisation": ["DCN#####"],
  },
  champion: {
    "bougies-d-allumage": [
      () =>
        pick(["RC", "OE", "RN", "RE", "RA"]) +
        ri(7, 14) +
        pick(["YC", "MC", "ECC", "YCC", "ZYC"]) +
        (chance(0.4) ? ri(4, 5) : ""),
    ],
    "balais-d-essuie-glace": ["AFL##/B01", "EF##/B01", "X##/B01"],
  },
  beru: {
    "bougies-de-prechauffage": ["0 100 226 ###", "0 100 277 ###", "GN###"],
    "bobines-d-allumage": ["ZSE ###", "0 040 10# ###"],
    "bougies-d-allumage": ["Z ###", "UXF##"],
  },
  sachs: {
    "kits-d-embrayage": ["3000 950 ###", "3000 951 ###", "3000 970 ###"],
    amortisseurs: ["31# ###", "55# ###", "29# ###"],
  },
  luk: { "kits-d-embrayage": ["6## ####  ##", "62# ####  00"] },
  gates: {
    "kits-de-distribution": [
      "K015###",
      "K025###",
      "KP15###",
      "KP25###-#",
      "TCK####",
    ],
    "pompes-a-eau": ["WP0###"],
    "courroies-d-accessoires": ["#PK####", "K0#PK####"],
    thermostats: ["TH#####G#"],
  },
  dayco: {
    "kits-de-distribution": ["KTB###", "KTBWP####", "KTC####"],
    "courroies-d-accessoires": ["#PK####", "#PK####EE"],
    "pompes-a-eau": ["DP###"],
  },
  skf: {
    "kits-de-distribution": ["VKMA 0####", "VKMC 0####-#", "VKML 8####"],
    "pompes-a-eau": ["VKPC 8####", "VKPC 9####"],
    "roulements-de-roue": ["VKBA ####", "VKBA #####"],
    cardans: ["VKJC ####"],
    "soufflets-de-cardan": ["VKJP ####"],
    "courroies-d-accessoires": ["VKMV #PK####"],
  },
  ina: {
    "kits-de-distribution": ["530 0### 10", "530 0### 30", "559 0### 10"],
    "pompes-a-eau": ["538 0### 10"],
    "roulements-de-roue": ["713 6## ###"],
  },
  monroe: {
    amortisseurs: ["G####", "E####", "#####", "G####R", "742###SP"],
    "biellettes-de-barre-stabilisatrice": ["L#####"],
  },
  kyb: { amortisseurs: ["33####", "34####", "35####", "34####"] },
  moog: {
    rotules: ["@@-BJ-#####", "@@-ES-#####"],
    "biellettes-de-barre-stabilisatrice": ["@@-LS-#####"],
  },
  "febi-bilstein": { _: ["#####", "1#####"] },
  gsp: {
    cardans: ["2#####", "25####", "21####"],
    "roulements-de-roue": ["9#####", "9####"],
    "soufflets-de-cardan": ["7#####"],
  },
  totalenergies: { _: ["21####", "21####", "18####"] },
  castrol: { _: ["15@@##", "15###@"] },
  mobil: { _: ["15####"] },
  motul: { _: ["10####", "11####"] },
  varta: { "batteries-de-demarrage": ["5## ### ###"] },
  assad: { "batteries-de-demarrage": ["AS ##@-###"] },
  osram: {
    ampoules: ["64###", "64###NBS", "64###CBN", "2825", "75##"],
    "chargeurs-et-cables-de-demarrage": ["OEBCS###", "OBSL###"],
    "securite-routiere": ["LEDSL###"],
  },
  philips: { ampoules: ["12###PRC1", "12###B1", "12###WVUB1", "12###CP"] },
  hella: {
    phares: ["1EG ### ###-###", "1EJ ### ###-###"],
    "feux-arriere": ["2SD ### ###-###", "2VP ### ###-###"],
    ampoules: ["8GH ### ###-###"],
    capteurs: ["6PU ### ###-###"],
    "securite-routiere": ["8XS ### ###-###"],
  },
  "magneti-marelli": {
    phares: ["71#######", "71##########"],
    "feux-arriere": ["71##########"],
    "plaquettes-de-frein": ["36370####"],
    "disques-de-frein": ["3609####"],
    amortisseurs: ["35####"],
    alternateurs: ["9440####"],
    demarreurs: ["9440####"],
  },
  nissens: {
    radiateurs: ["6####", "6###"],
    "condenseurs-de-climatisation": ["94###", "940###"],
  },
  nrf: {
    radiateurs: ["5####", "58###"],
    "condenseurs-de-climatisation": ["35###", "350###"],
  },
  bosal: {
    silencieux: ["###-###", "2##-###"],
    "fixations-d-echappement": ["###-###", "25#-###"],
  },
  walker: {
    silencieux: ["2####", "7####"],
    "fixations-d-echappement": ["8####"],
  },
  tyc: {
    retroviseurs: ["3##-####", "3##-####-1"],
    "glaces-de-retroviseur": ["3##-####-1"],
    phares: ["20-####-##-2"],
    "feux-arriere": ["11-####-##-2"],
  },
  shabou: { _: ["SH-####"] },
  "van-wezel": {
    retroviseurs: ["####8##", "####807", "####808"],
    "glaces-de-retroviseur": ["####8##"],
  },
}

module.exports = { MPN }
