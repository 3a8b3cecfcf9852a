/** Cross-reference brands and their number formats. */
"use strict"

// external cross-reference brands (not necessarily sold by the shop)
const XREF = {
  "plaquettes-de-frein": [
    ["ATE", "13.0460-####.2"],
    ["Mintex", "MDB####"],
    ["Jurid", "57####J"],
    ["Delphi", "LP####"],
  ],
  "disques-de-frein": [
    ["ATE", "24.01##-####.1"],
    ["Mintex", "MDC####"],
    ["Delphi", "BG####"],
  ],
  "machoires-de-frein": [
    ["ATE", "03.0137-####.2"],
    ["Delphi", "LS####"],
  ],
  "filtres-a-huile": [
    ["Fram", "PH####"],
    ["UFI", "23.###.00"],
    ["Hengst", "H##W##"],
    ["Champion", "COF100###"],
  ],
  "filtres-a-air": [
    ["Fram", "CA#####"],
    ["UFI", "30.###.00"],
    ["Hengst", "E###L"],
  ],
  "filtres-habitacle": [
    ["Fram", "CF#####"],
    ["UFI", "53.###.00"],
    ["Hengst", "E####LI"],
  ],
  "filtres-a-carburant": [
    ["Fram", "PS#####"],
    ["UFI", "24.###.00"],
    ["Delphi", "HDF###"],
  ],
  "bougies-d-allumage": [
    ["Eyquem", "RFC##LZ"],
    ["Brisk", "DR##YS"],
  ],
  "bougies-de-prechauffage": [
    ["Eyquem", "###"],
    ["Delphi", "HDS###"],
  ],
  "kits-d-embrayage": [
    ["Aisin", "K@-###"],
    ["Exedy", "@@@K###"],
    ["Kawe", "9##0#"],
  ],
  "kits-de-distribution": [
    ["Contitech", "CT####K#"],
    ["Aisin", "TKT-###"],
  ],
  "pompes-a-eau": [
    ["Aisin", "WP@-###"],
    ["Hepu", "P###"],
    ["Metelli", "24-####"],
  ],
  amortisseurs: [
    ["Bilstein", "22-######"],
    ["Record", "######"],
  ],
  rotules: [
    ["Lemförder", "##### 01"],
    ["Meyle", "###6 020 ####"],
  ],
  "roulements-de-roue": [
    ["FAG", "713 6## ###"],
    ["SNR", "R15#.##"],
  ],
  "courroies-d-accessoires": [
    ["Contitech", "#PK####"],
    ["Bando", "#PK####"],
  ],
}
const XREF_DEFAULT = [
  ["Blue Print", "ADG0####"],
  ["Meyle", "###-### ####"],
  ["Japanparts", "@@-###"],
  ["Herth+Buss", "J########"],
  ["Kamoka", "#####"],
]

module.exports = { XREF, XREF_DEFAULT }
