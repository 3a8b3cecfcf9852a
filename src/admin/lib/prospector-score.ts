/**
 * The lead score breakdown in French: the scoring library (plugins/prospector/src/lib/scoring.ts) writes
 * each item's reason in English; the admin shows the signal's French name and the reason translated
 * (an unknown reason is shown as it is).
 */

export const SCORE_SIGNAL_LABELS: Record<string, string> = {
  category: "Activité (réparation automobile)",
  operational: "En activité",
  review_volume: "Nombre d'avis Google",
  rating: "Note Google",
  phone: "Téléphone tunisien",
  distance: "Distance de la boutique",
  specialisation: "Spécialiste d'une marque",
  franchised_dealer: "Concessionnaire (pénalité)",
  consumer_alert: "Alerte consommateurs (pénalité)",
  temporarily_closed: "Fermé temporairement (pénalité)",
  permanently_closed: "Fermé définitivement",
  competitor: "Concurrent",
}

const BUSINESS_STATUS: Record<string, string> = {
  OPERATIONAL: "en activité",
  CLOSED_TEMPORARILY: "fermé temporairement",
  CLOSED_PERMANENTLY: "fermé définitivement",
}

const RULES: Array<[RegExp, (...m: string[]) => string]> = [
  [
    /^auto-parts seller \((.*)\): competitor list$/,
    (x) => `vend des pièces auto (${x}) : classé parmi les concurrents`,
  ],
  [/^no repair type or keyword$/, () => "aucun type ni mot-clé de réparation"],
  [/^primary type (.+)$/, (x) => `type principal : ${x}`],
  [/^types include (.+)$/, (x) => `parmi ses types : ${x}`],
  [/^name mentions "(.*)"$/, (x) => `le nom contient « ${x} »`],
  [/^weak type (.+)$/, (x) => `type voisin : ${x}`],
  [/^business status unknown$/, () => "statut Google inconnu"],
  [
    /^business status (.+)$/,
    (x) => `statut Google : ${BUSINESS_STATUS[x] ?? x}`,
  ],
  [
    /^(\d+) reviews \(full at (\d+)\)$/,
    (n, full) => `${n} avis (note pleine à partir de ${full})`,
  ],
  [/^no rating$/, () => "pas de note"],
  [
    /^rating ([\d.]+) on fewer than (\d+) reviews \(half weight\)$/,
    (r, n) =>
      `note ${r.replace(".", ",")} sur moins de ${n} avis (compte pour moitié)`,
  ],
  [/^rating ([\d.]+)$/, (r) => `note ${r.replace(".", ",")}`],
  [
    /^phone "(.*)" is not a Tunisian number$/,
    (p) => `le numéro « ${p} » n'est pas tunisien`,
  ],
  [/^no phone$/, () => "pas de téléphone"],
  [/^phone (.+)$/, (p) => `téléphone ${p}`],
  [/^no location$/, () => "pas de position"],
  [
    /^([\d.]+) km from (.+) \(within (\d+) km\)$/,
    (km, l, b) => `${km.replace(".", ",")} km de ${l} (moins de ${b} km)`,
  ],
  [
    /^([\d.]+) km from (.+) \(outside every band\)$/,
    (km, l) =>
      `${km.replace(".", ",")} km de ${l} (au-delà de toutes les zones)`,
  ],
  [/^no make in the name$/, () => "aucune marque dans le nom"],
  [/^name mentions (.+)$/, (x) => `le nom cite la marque ${x}`],
  [
    /^type (.+): buys OEM parts from the brand$/,
    (x) => `type ${x} : achète les pièces d'origine chez la marque`,
  ],
  [
    /^Google shows a consumer alert$/,
    () => "Google affiche une alerte consommateurs",
  ],
  [/^temporarily closed$/, () => "fermé temporairement"],
  [
    /^permanently closed: score set to 0$/,
    () => "fermé définitivement : score ramené à 0",
  ],
]

/** "12.3 km from Tunis (within 30 km)" → "12,3 km de Tunis (moins de 30 km)". */
export function frenchScoreReason(reason: string): string {
  for (const [re, fr] of RULES) {
    const m = re.exec(reason)
    if (m) {
      return fr(...m.slice(1))
    }
  }
  return reason
}
