/** Titles (French, Arabic), descriptions and tags of the vehicle-specific products. */
"use strict"

const { chance, pick, ri } = require("./random")
const { BRAND } = require("./data/brands")
const { LEAF_SPRING } = require("./data/models")

const fmtNum = (x, d = 1) => x.toFixed(d).replace(".", ",")
function modelsSummary(vs, max = 3) {
  const names = []
  for (const v of vs) {
    const n = `${v.make} ${v.model}`
    if (!names.includes(n)) names.push(n)
  }
  return names.length > max
    ? names.slice(0, max).join(", ") + " et autres"
    : names.join(", ")
}
function enginesSummary(vs) {
  const labels = []
  for (const v of vs) {
    const n = `${v.e.label} (${v.e.code.replace(/ \(.*\)/, "")})`
    if (!labels.includes(n)) labels.push(n)
  }
  return labels.slice(0, 3).join(", ")
}
const POS_FR = { avant: "avant", arriere: "arrière" }
const POS_AR = { avant: "أمامية", arriere: "خلفية" }

// title & description builders per category: return { fr, ar, desc, tags, extra }
function describe(cat, ctx) {
  const { brand, mpn, vs, pos } = ctx
  const B = BRAND[brand].name
  const who = vs ? modelsSummary(vs) : ""
  const eng = vs ? enginesSummary(vs) : ""
  switch (cat) {
    case "plaquettes-de-frein": {
      const w = ri(100, 156),
        h = ri(45, 66),
        t = fmtNum(ri(160, 200) / 10)
      return {
        fr: `Plaquettes de frein ${POS_FR[pos]} ${B} ${mpn}`,
        ar: `وسادات فرامل ${POS_AR[pos]} ${B} ${mpn}`,
        desc: `Jeu de 4 plaquettes de frein ${POS_FR[pos]} ${chance(0.5) ? "avec témoin d'usure" : "sans témoin d'usure"}, ${w} × ${h} mm, épaisseur ${t} mm. Convient à : ${who}.`,
        tags: ["freinage", pos, "jeu de 4"],
      }
    }
    case "disques-de-frein": {
      const d =
        pos === "avant"
          ? pick([238, 247, 256, 260, 266, 280, 283, 288, 302, 312])
          : pick([249, 253, 262, 268, 272, 290])
      const vent = pos === "avant" && d > 250
      return {
        fr: `Disques de frein ${POS_FR[pos]} ${B} ${mpn}`,
        ar: `أقراص فرامل ${POS_AR[pos]} ${B} ${mpn}`,
        desc: `Paire de disques ${vent ? "ventilés" : "pleins"} ${POS_FR[pos]}, diamètre ${d} mm, épaisseur ${vent ? ri(20, 26) : ri(9, 12)} mm, ${pick([4, 4, 5])} trous. Convient à : ${who}.`,
        tags: ["freinage", pos, vent ? "ventilé" : "plein", `${d} mm`],
        diam: d,
      }
    }
    case "machoires-de-frein": {
      const d = pick([180, 203, 228, 254])
      return {
        fr: `Kit de freins arrière ${B} ${mpn}`,
        ar: `طقم فرامل خلفية ${B} ${mpn}`,
        desc: `Kit prémonté de mâchoires arrière pour tambour de ${d} mm, avec ressorts et régleur. Convient à : ${who}.`,
        tags: ["freinage", "tambour", `${d} mm`],
      }
    }
    case "filtres-a-huile": {
      const cart = /HU|OX|L \d+D|LS 9/.test(mpn) || chance(0.3)
      return {
        fr: `Filtre à huile ${B} ${mpn}`,
        ar: `فلتر زيت ${B} ${mpn}`,
        desc: cart
          ? `Cartouche filtrante avec joints, hauteur ${ri(60, 150)} mm, diamètre ${ri(55, 85)} mm. Pour moteurs ${eng}.`
          : `Filtre vissé M${pick(["20x1,5", "22x1,5", "3/4-16 UNF"])}, hauteur ${ri(65, 120)} mm, avec clapet anti-retour. Pour moteurs ${eng}.`,
        tags: ["filtration", "vidange", cart ? "cartouche" : "vissé"],
      }
    }
    case "filtres-a-air":
      return {
        fr: `Filtre à air ${B} ${mpn}`,
        ar: `فلتر هواء ${B} ${mpn}`,
        desc: `Élément filtrant ${pick(["rectangulaire", "rectangulaire", "rond", "trapézoïdal"])} ${ri(180, 340)} × ${ri(120, 240)} mm, média haute capacité adapté aux routes poussiéreuses. Convient à : ${who} (${eng}).`,
        tags: ["filtration", "entretien"],
      }
    case "filtres-habitacle": {
      const charbon = /K|AHC|LAK|CUK/.test(mpn) || chance(0.3)
      return {
        fr: `Filtre habitacle ${charbon ? "à charbon actif " : ""}${B} ${mpn}`,
        ar: `فلتر مقصورة ${charbon ? "بالكربون النشط " : ""}${B} ${mpn}`,
        desc: `Filtre ${charbon ? "à charbon actif contre odeurs et gaz" : "à particules et pollen"}, ${ri(180, 280)} × ${ri(180, 240)} × ${ri(25, 35)} mm. À remplacer chaque année avant l'été. Convient à : ${who}.`,
        tags: [
          "filtration",
          "climatisation",
          charbon ? "charbon actif" : "pollen",
        ],
      }
    }
    case "filtres-a-carburant": {
      const diesel = vs[0].e.fuel === "diesel"
      return {
        fr: `Filtre à ${diesel ? "gasoil" : "essence"} ${B} ${mpn}`,
        ar: `فلتر ${diesel ? "مازوت" : "بنزين"} ${B} ${mpn}`,
        desc: diesel
          ? `Filtre gasoil ${chance(0.5) ? "avec séparateur d'eau" : "cartouche"}, indispensable avec un carburant de qualité variable. Pour moteurs ${eng}.`
          : `Filtre à essence en ligne, raccords ${pick(["8 mm", "8 mm", "10 mm"])}. Pour moteurs ${eng}.`,
        tags: ["filtration", diesel ? "diesel" : "essence"],
      }
    }
    case "bougies-d-allumage": {
      const tech = /IK|IL|IFR|VX|IZ/.test(mpn)
        ? "iridium"
        : /PFR|PK|ZFR|PR/.test(mpn)
          ? "platine"
          : "nickel"
      return {
        fr: `Bougie d'allumage ${B} ${mpn}`,
        ar: `شمعة إشعال ${B} ${mpn}`,
        desc: `Bougie ${tech}, filetage M${pick([12, 14, 14])}, écartement ${fmtNum(ri(7, 11) / 10)} mm. Pour moteurs ${eng}.`,
        tags: ["allumage", tech],
      }
    }
    case "bougies-de-prechauffage":
      return {
        fr: `Bougie de préchauffage ${B} ${mpn}`,
        ar: `شمعة تسخين ${B} ${mpn}`,
        desc: `Bougie crayon ${pick(["métallique", "métallique", "céramique"])} ${pick(["4,4 V", "5 V", "11 V"])}, M${pick([8, 10])}, montée en température rapide. Pour moteurs ${eng}.`,
        tags: ["préchauffage", "diesel"],
      }
    case "bobines-d-allumage":
      return {
        fr: `Bobine d'allumage ${B} ${mpn}`,
        ar: `وشيعة إشعال ${B} ${mpn}`,
        desc: `${chance(0.5) ? "Bobine crayon, une par cylindre" : "Bloc bobines"}, connecteur ${ri(3, 4)} broches. Pour moteurs ${eng}.`,
        tags: ["allumage", "électricité"],
      }
    case "kits-d-embrayage": {
      const d = pick([180, 190, 200, 215, 220, 228, 235, 240, 250])
      const three = chance(0.7)
      return {
        fr: `Kit d'embrayage ${B} ${mpn}`,
        ar: `طقم قابض ${B} ${mpn}`,
        desc: `Kit ${three ? "3 pièces (mécanisme, disque, butée)" : "2 pièces (mécanisme et disque)"}, diamètre ${d} mm, ${pick([20, 22, 24, 26, 28])} cannelures. Pour ${who} (${eng}).`,
        tags: ["embrayage", `${d} mm`, three ? "3 pièces" : "2 pièces"],
      }
    }
    case "kits-de-distribution": {
      const chain = vs[0].e.drive === "chaîne"
      const wp = !chain && chance(0.35)
      return {
        fr: `${chain ? "Kit chaîne de distribution" : wp ? "Kit de distribution avec pompe à eau" : "Kit de distribution"} ${B} ${mpn}`,
        ar: `${chain ? "طقم سلسلة التوزيع" : wp ? "طقم توزيع مع مضخة ماء" : "طقم توزيع"} ${B} ${mpn}`,
        desc: chain
          ? `Kit chaîne avec tendeur, patins et pignons. Pour moteurs ${eng}.`
          : `Courroie ${ri(100, 150)} dents, largeur ${pick([17, 20, 22, 25])} mm, galet tendeur et enrouleur${wp ? ", pompe à eau" : ""}. Pour moteurs ${eng}.`,
        tags: ["distribution", chain ? "chaîne" : "courroie"].concat(
          wp ? ["pompe à eau"] : []
        ),
      }
    }
    case "pompes-a-eau":
      return {
        fr: `Pompe à eau ${B} ${mpn}`,
        ar: `مضخة ماء ${B} ${mpn}`,
        desc: `Pompe à eau avec joint, turbine ${pick(["métallique", "plastique"])} ${ri(5, 8)} pales. À remplacer avec le kit de distribution. Pour moteurs ${eng}.`,
        tags: ["refroidissement", "distribution"],
      }
    case "courroies-d-accessoires": {
      const ribs = pick([4, 5, 6, 6, 7])
      return {
        fr: `Courroie d'accessoires ${B} ${mpn}`,
        ar: `سير الملحقات ${B} ${mpn}`,
        desc: `Courroie poly-V ${ribs} nervures, longueur ${ri(8, 22) * 100 + ri(0, 9) * 10} mm. Pour moteurs ${eng}.`,
        tags: ["distribution", "courroie", `${ribs}PK`],
      }
    }
    case "amortisseurs": {
      const gas = chance(0.7)
      const leaf =
        vs.some((v) => LEAF_SPRING.has(v.chassis)) && pos === "arriere"
      return {
        fr: `Amortisseur ${POS_FR[pos]} ${B} ${mpn}`,
        ar: `ممتص صدمات ${POS_AR[pos]} ${B} ${mpn}`,
        desc: `Amortisseur ${POS_FR[pos]} ${gas ? "bitube à gaz" : "hydraulique"}${leaf ? " pour essieu à lames" : ""}, vendu à l'unité ; remplacer par paire. Convient à : ${who}.`,
        tags: ["suspension", pos, gas ? "gaz" : "huile"],
      }
    }
    case "rotules":
      return {
        fr: `Rotule de direction ${B} ${mpn}`,
        ar: `رأس مقود (مفصل توجيه) ${B} ${mpn}`,
        desc: `Rotule de barre de direction, filetage M${pick([12, 14, 16])}x1,5, avec écrou autofreiné. Convient à : ${who}.`,
        tags: ["direction", "rotule"],
      }
    case "roulements-de-roue":
      return {
        fr: `Kit roulement de roue ${POS_FR[pos]} ${B} ${mpn}`,
        ar: `طقم محمل عجلة ${POS_AR[pos]} ${B} ${mpn}`,
        desc: `Kit roulement ${POS_FR[pos]} ${ri(30, 45)} × ${ri(60, 84)} × ${ri(30, 45)} mm${chance(0.4) ? ", avec anneau ABS magnétique" : ""}. Convient à : ${who}.`,
        tags: ["suspension", "roulement", pos],
      }
    case "biellettes-de-barre-stabilisatrice":
      return {
        fr: `Biellette de barre stabilisatrice avant ${B} ${mpn}`,
        ar: `قضيب موازن أمامي ${B} ${mpn}`,
        desc: `Biellette avant longueur ${ri(200, 320)} mm, rotules M10. Convient à : ${who}.`,
        tags: ["suspension", "biellette"],
      }
    case "phares":
      return {
        fr: `Phare avant ${B} ${mpn}`,
        ar: `مصباح أمامي ${B} ${mpn}`,
        desc: `Bloc optique avant ${pick(["H4", "H7/H1", "H7", "H4 avec feu diurne"])} à réglage électrique, livré sans ampoule. Convient à : ${who}.`,
        tags: ["éclairage", "phare"],
      }
    case "feux-arriere":
      return {
        fr: `Feu arrière ${B} ${mpn}`,
        ar: `ضوء خلفي ${B} ${mpn}`,
        desc: `Bloc feu arrière complet avec porte-lampes, homologué E. Convient à : ${who}.`,
        tags: ["éclairage", "feu arrière"],
      }
    case "batteries-de-demarrage": {
      const ah = parseInt(ctx.slotKey, 10)
      const jis = ctx.slotKey.endsWith("J")
      const cca = { 45: 400, 60: 540, 70: 640, 80: 740, 95: 800 }[ah]
      const tech = ah >= 70 && chance(0.3) ? "EFB" : "plomb-calcium"
      return {
        fr: `Batterie ${B} ${ah} Ah ${cca} A ${mpn}`,
        ar: `بطارية ${B} ${ah} أمبير ساعة ${mpn}`,
        desc: `Batterie 12 V ${ah} Ah, ${cca} A (EN), technologie ${tech}, ${jis ? "bornes type asiatique (JIS)" : "bornes européennes"}, borne + à droite. Sans entretien, consigne de l'ancienne batterie en magasin. Convient à : ${who}.`,
        tags: ["batterie", `${ah} Ah`, tech],
        ah,
      }
    }
    case "thermostats": {
      const t = pick([82, 83, 87, 88, 89, 92, 95, 105])
      return {
        fr: `Thermostat ${t} °C ${B} ${mpn}`,
        ar: `منظم حرارة ${t} درجة ${B} ${mpn}`,
        desc: `Thermostat d'eau ouvrant à ${t} °C${chance(0.5) ? ", livré avec boîtier et joint" : ", avec joint"}. Pour moteurs ${eng}.`,
        tags: ["refroidissement", `${t} °C`],
      }
    }
    case "radiateurs": {
      const ac = chance(0.6)
      return {
        fr: `Radiateur de refroidissement ${B} ${mpn}`,
        ar: `مبرد المحرك (رادياتور) ${B} ${mpn}`,
        desc: `Radiateur aluminium brasé ${ri(48, 71) * 10} × ${ri(32, 45) * 10} mm, boîte manuelle${ac ? ", véhicules avec climatisation" : ""}. Convient à : ${who} (${eng}).`,
        tags: ["refroidissement", "radiateur", "été"],
      }
    }
    case "condenseurs-de-climatisation":
      return {
        fr: `Condenseur de climatisation ${B} ${mpn}`,
        ar: `مكثف التكييف ${B} ${mpn}`,
        desc: `Condenseur aluminium avec déshydrateur intégré, réfrigérant R134a. Convient à : ${who}.`,
        tags: ["climatisation", "été"],
      }
    case "silencieux":
      return {
        fr: `Silencieux arrière ${B} ${mpn}`,
        ar: `كاتم صوت خلفي ${B} ${mpn}`,
        desc: `Silencieux arrière acier aluminisé, livré sans colliers. Convient à : ${who} (${eng}).`,
        tags: ["échappement", "silencieux"],
      }
    case "alternateurs": {
      const a = pick([70, 90, 110, 120, 150, 180])
      return {
        fr: `Alternateur ${a} A ${B} ${mpn}`,
        ar: `مولد كهربائي (دينامو) ${a} أمبير ${B} ${mpn}`,
        desc: `Alternateur 14 V ${a} A, poulie ${pick(["6 gorges", "5 gorges", "débrayable 6 gorges"])}. Pièce neuve. Pour moteurs ${eng}.`,
        tags: ["électricité", "alternateur", `${a} A`],
      }
    }
    case "demarreurs": {
      const kw = pick(["0,9", "1,1", "1,4", "1,8", "2,2"])
      return {
        fr: `Démarreur ${kw} kW ${B} ${mpn}`,
        ar: `محرك بدء التشغيل ${kw} كيلوواط ${B} ${mpn}`,
        desc: `Démarreur 12 V ${kw} kW, pignon ${ri(9, 13)} dents. Pièce neuve. Pour moteurs ${eng}.`,
        tags: ["électricité", "démarreur"],
      }
    }
    case "capteurs": {
      const kind = ctx.sensorKind
      const T = {
        abs: [
          `Capteur ABS ${POS_FR[pos]} ${B} ${mpn}`,
          `حساس ABS ${POS_AR[pos]} ${B} ${mpn}`,
          `Capteur de vitesse de roue ${POS_FR[pos]}, longueur de câble ${ri(30, 95)} cm. Convient à : ${who}.`,
        ],
        lambda: [
          `Sonde lambda ${B} ${mpn}`,
          `حساس الأكسجين ${B} ${mpn}`,
          `Sonde lambda amont ${ri(4, 5)} fils, chauffée. Convient à : ${who} (${eng}).`,
        ],
        pmh: [
          `Capteur de position vilebrequin ${B} ${mpn}`,
          `حساس عمود المرفق ${B} ${mpn}`,
          `Capteur inductif de régime et position vilebrequin. Convient à : ${who} (${eng}).`,
        ],
      }[kind]
      return {
        fr: T[0],
        ar: T[1],
        desc: T[2],
        tags: ["électricité", "capteur", kind],
      }
    }
    case "balais-d-essuie-glace": {
      const a = pick([530, 550, 600, 650, 700]),
        b = pick([340, 380, 400, 450, 475])
      return {
        fr: `Kit balais d'essuie-glace avant ${a}/${b} mm ${B} ${mpn}`,
        ar: `طقم شفرات مساحات أمامية ${a}/${b} مم ${B} ${mpn}`,
        desc: `Paire de balais plats ${a} mm + ${b} mm avec adaptateur d'origine. À changer avant les premières pluies d'automne. Convient à : ${who}.`,
        tags: ["essuie-glace", "hiver", "kit"],
      }
    }
    case "cardans":
      return {
        fr: `Cardan avant ${B} ${mpn}`,
        ar: `كاردان أمامي ${B} ${mpn}`,
        desc: `Arbre de transmission avant complet avec joints homocinétiques${chance(0.4) ? " et couronne ABS" : ""}, boîte manuelle. Convient à : ${who} (${eng}).`,
        tags: ["transmission", "cardan"],
      }
    case "soufflets-de-cardan":
      return {
        fr: `Kit soufflet de cardan côté roue ${B} ${mpn}`,
        ar: `طقم غطاء كاردان جهة العجلة ${B} ${mpn}`,
        desc: `Soufflet thermoplastique avec graisse et colliers, ${ri(80, 100)} × ${ri(20, 28)} mm. Convient à : ${who}.`,
        tags: ["transmission", "soufflet"],
      }
    case "retroviseurs":
      return {
        fr: `Rétroviseur extérieur ${B} ${mpn}`,
        ar: `مرآة جانبية ${B} ${mpn}`,
        desc: `Rétroviseur ${pick(["électrique chauffant", "électrique", "à réglage manuel"])}, coque ${pick(["noire", "à peindre"])}. Convient à : ${who}.`,
        tags: ["carrosserie", "rétroviseur"],
      }
    case "glaces-de-retroviseur":
      return {
        fr: `Glace de rétroviseur ${B} ${mpn}`,
        ar: `زجاج مرآة جانبية ${B} ${mpn}`,
        desc: `Glace ${pick(["convexe", "asphérique"])} ${pick(["chauffante", "non chauffante"])} avec support à clipser. Convient à : ${who}.`,
        tags: ["carrosserie", "rétroviseur"],
      }
    default:
      throw new Error("no describer for " + cat)
  }
}

module.exports = { describe }
