/** Templates of the universal products (oils, fluids, bulbs, accessories). */
"use strict"

const { chance, pick } = require("./random")
const { BRAND } = require("./data/brands")

// universal products: fixed templates (written by us)
const OILS_BY_BRAND = {
  totalenergies: [
    ["Quartz 9000 Energy", "5W-40", "synthétique", "ACEA A3/B4, API SN"],
    ["Quartz INEO ECS", "5W-30", "synthétique", "ACEA C2, PSA B71 2290"],
    ["Quartz 7000", "10W-40", "semi-synthétique", "ACEA A3/B4, API SL/CF"],
    ["Rubia TIR 7400", "15W-40", "minérale", "API CI-4, ACEA E7"],
  ],
  castrol: [
    ["EDGE", "5W-30", "synthétique", "ACEA C3, VW 504.00/507.00"],
    ["Magnatec", "10W-40", "semi-synthétique", "ACEA A3/B4"],
    ["GTX", "20W-50", "minérale", "API SL/CF"],
    ["Magnatec", "5W-40", "synthétique", "ACEA A3/B4, MB 229.3"],
  ],
  mobil: [
    ["Mobil 1 ESP", "5W-30", "synthétique", "ACEA C2/C3"],
    ["Super 3000 X1", "5W-40", "synthétique", "ACEA A3/B4"],
    ["Super 2000 X1", "10W-40", "semi-synthétique", "API SN, ACEA A3/B4"],
    [
      "Delvac MX",
      "15W-40",
      "minérale",
      "API CI-4, moteurs diesel de pick-up et utilitaires",
    ],
  ],
  motul: [
    ["8100 X-clean", "5W-30", "synthétique", "ACEA C3"],
    ["8100 Eco-clean", "0W-20", "synthétique", "API SP, ILSAC GF-6"],
    ["6100 Synergie+", "10W-40", "semi-synthétique", "ACEA A3/B4"],
    ["Tekma Mega X", "15W-40", "minérale", "API CI-4, ACEA E7"],
  ],
}
function universalProduct(cat, brand, i) {
  const B = BRAND[brand].name
  switch (cat) {
    case "huile-moteur": {
      const [line, grade, base, norms] =
        OILS_BY_BRAND[brand][Math.floor(i / 4) % 4]
      const packs =
        base === "minérale"
          ? ["5 L", "20 L"]
          : chance(0.5)
            ? ["1 L", "4 L", "5 L"]
            : ["1 L", "5 L"]
      return {
        fr: `Huile moteur ${line.startsWith(B) ? line : B + " " + line} ${grade}`,
        ar: `زيت محرك ${line.startsWith(B) ? line : B + " " + line} ${grade}`,
        desc: `Huile moteur ${base} ${grade}, normes ${norms}. ${base === "minérale" ? "Adaptée aux moteurs anciens et aux climats chauds." : "Protège le moteur aux démarrages à froid comme par forte chaleur."}`,
        tags: ["huile moteur", grade, base],
        option: "Conditionnement",
        values: packs,
        unit: "L",
        priceFactor: base === "minérale" ? 0.7 : 1,
      }
    }
    case "huile-de-boite": {
      const g = ["75W-80", "75W-90", "80W-90", "ATF Dexron III"][i % 4]
      return {
        fr: `Huile de boîte ${B} ${g}`,
        ar: `زيت علبة السرعات ${B} ${g}`,
        desc: `Huile de transmission ${g} pour boîtes manuelles${g.startsWith("ATF") ? ", automatiques et directions assistées" : " et ponts"}, API GL-4/GL-5.`,
        tags: ["huile de boîte", g],
        option: "Conditionnement",
        values: ["1 L", "2 L"],
        unit: "L",
      }
    }
    case "liquide-de-refroidissement": {
      const c = pick(["-26 °C", "-37 °C", "-25 °C"])
      const col = pick(["rose", "vert", "jaune", "bleu"])
      return {
        fr: `Liquide de refroidissement ${B} ${c} ${col}`,
        ar: `سائل تبريد ${B} ${c}`,
        desc: `Liquide de refroidissement prêt à l'emploi ${col}, protection ${c}, point d'ébullition élevé pour l'été tunisien. Technologie organique, sans nitrites.`,
        tags: ["refroidissement", "été", col],
        option: "Conditionnement",
        values: ["1 L", "2 L", "5 L"],
        unit: "L",
      }
    }
    case "liquide-de-frein": {
      const d = pick(["DOT 4", "DOT 4", "DOT 5.1"])
      return {
        fr: `Liquide de frein ${B} ${d}`,
        ar: `سائل فرامل ${B} ${d}`,
        desc: `Liquide de frein synthétique ${d}, point d'ébullition sec ${d === "DOT 4" ? "≥ 250 °C" : "≥ 260 °C"}. À remplacer tous les deux ans.`,
        tags: ["freinage", d],
        option: "Conditionnement",
        values: ["500 ml", "1 L"],
        unit: "ml",
      }
    }
    case "ampoules": {
      const types = [
        ["H7", "55 W"],
        ["H4", "60/55 W"],
        ["H1", "55 W"],
        ["H11", "55 W"],
        ["W5W", "5 W"],
        ["P21W", "21 W"],
        ["PY21W", "21 W"],
        ["P21/5W", "21/5 W"],
        ["H3", "55 W"],
        ["D1S", "35 W"],
      ]
      const [t, w] = types[i % types.length]
      const gamme = pick([
        "Standard",
        "+100 %",
        "+150 %",
        "Longue durée",
        "Blanc intense",
      ])
      const small = ["W5W", "P21W", "PY21W", "P21/5W"].includes(t)
      return {
        fr: `Ampoule ${t} ${gamme} ${B}`,
        ar: `مصباح ${t} ${B}`,
        desc: `Ampoule ${t.startsWith("D") ? "xénon" : "halogène"} ${t} 12 V ${w}, gamme ${gamme}. ${small ? "Pour feux de position, clignotants ou stop selon le type." : "Changer les deux côtés en même temps."}`,
        tags: ["éclairage", t],
        option: "Conditionnement",
        values: small
          ? ["Boîte de 2", "Boîte de 10"]
          : t.startsWith("D")
            ? ["À l'unité"]
            : ["À l'unité", "Boîte de 2"],
        unit: "pack",
        bulb: t,
      }
    }
    case "entretien-climatisation": {
      const k = [
        "Nettoyant désinfectant climatisation",
        "Bombe nettoyante évaporateur",
        "Détecteur de fuite climatisation",
      ][i % 3]
      return {
        fr: `${k} ${B}`,
        ar: `منظف ومعقم التكييف ${B}`,
        desc: `${k} en aérosol, élimine bactéries et mauvaises odeurs. À utiliser avant l'été, avec le remplacement du filtre habitacle.`,
        tags: ["climatisation", "été", "entretien"],
      }
    }
    case "fixations-d-echappement": {
      const k = [
        ["Collier d'échappement", "42-48 mm"],
        ["Silentbloc d'échappement", "universel"],
        ["Joint d'échappement", "Ø 45 mm"],
        ["Collier à étrier", "50 mm"],
      ][i % 4]
      return {
        fr: `${k[0]} ${k[1]} ${B}`,
        ar: `حامل / مشبك عادم ${B}`,
        desc: `${k[0]} ${k[1]}, acier ou caoutchouc EPDM résistant à la chaleur. Montage universel.`,
        tags: ["échappement", "fixation"],
      }
    }
    case "liquide-lave-glace": {
      const k = pick([
        "prêt à l'emploi",
        "concentré anti-insectes",
        "été prêt à l'emploi",
      ])
      return {
        fr: `Liquide lave-glace ${k} ${B}`,
        ar: `سائل غسل الزجاج ${B}`,
        desc: `Liquide lave-glace ${k}, élimine poussière, insectes et traces de sel marin.`,
        tags: ["essuie-glace", "entretien"],
        option: "Conditionnement",
        values: ["2 L", "5 L"],
        unit: "L",
      }
    }
    case "chargeurs-et-cables-de-demarrage": {
      const k = [
        ["Chargeur de batterie 6/12 V 3,8 A", "شاحن بطارية"],
        ["Chargeur intelligent 12/24 V 7 A", "شاحن بطارية ذكي"],
        ["Câbles de démarrage 25 mm² 3,5 m", "كوابل تشغيل"],
        ["Booster de démarrage lithium 12 V", "معزز تشغيل"],
      ][i % 4]
      return {
        fr: `${k[0]} ${B}`,
        ar: `${k[1]} ${B}`,
        desc: `${k[0]}, protection contre l'inversion de polarité. Pour batteries plomb, EFB et AGM.`,
        tags: ["batterie", "accessoire"],
      }
    }
    case "securite-routiere": {
      const k = [
        ["Triangle de signalisation homologué", "مثلث الإشارة"],
        ["Gilet de sécurité haute visibilité", "سترة عاكسة"],
        ["Lampe de secours LED rechargeable", "مصباح طوارئ"],
      ][i % 3]
      return {
        fr: `${k[0]} ${B}`,
        ar: `${k[1]} ${B}`,
        desc: `${k[0]}, à garder dans le véhicule pour chaque trajet.`,
        tags: ["sécurité", "accessoire"],
      }
    }
    case "tapis-de-sol": {
      const k = pick(["caoutchouc", "moquette", "caoutchouc à bords relevés"])
      return {
        fr: `Jeu de tapis de sol ${k} universels ${B} ${String.fromCharCode(65 + i)}`,
        ar: `طقم دواسات أرضية ${B}`,
        desc: `Jeu de 4 tapis ${k} à découper, antidérapants, faciles à laver.`,
        tags: ["accessoire", "intérieur"],
        option: "Couleur",
        values: ["Noir", "Gris"],
        unit: "color",
      }
    }
  }
  throw new Error("no universal template for " + cat)
}

module.exports = { universalProduct }
