/**
 * What the admin's "Recherches" screen needs before starting a lead search:
 * whether a Places API key is configured (never the key itself), with a French
 * message for the owner when it is not, the request budget (per run, per month,
 * used and left this month), and the cities and queries a search can use.
 */

import type { SearchArea } from "./search-areas"
import type { SearchQuery } from "./search-queries"
import type { ProspectorOptions } from "../options"

export interface SearchSettings {
  places_key_configured: boolean
  /** French explanation when a search cannot start, else null */
  message: string | null
  budget: {
    per_run: number
    per_month: number
    used_this_month: number
    remaining_this_month: number
    next_run_max: number
  }
  areas: Array<{
    slug: string
    name: string
    name_ar: string
    kind: SearchArea["kind"]
    governorate: string
  }>
  queries: SearchQuery[]
}

export const NO_PLACES_KEY_MESSAGE =
  "Aucune clé Google Places n'est configurée : la recherche de prospects est désactivée. " +
  "Renseignez GOOGLE_PLACES_API_KEY (ou l'option googlePlacesApiKey du plugin) puis redémarrez le serveur."

export const MONTH_BUDGET_SPENT_MESSAGE =
  "Le budget mensuel de requêtes Google Places est épuisé : la prochaine recherche sera possible le mois prochain."

export function searchSettings(
  options: Pick<
    ProspectorOptions,
    "googlePlacesApiKey" | "placesBudgetPerRun" | "placesBudgetPerMonth"
  >,
  usedThisMonth: number,
  areas: SearchArea[],
  queries: SearchQuery[]
): SearchSettings {
  const configured = !!options.googlePlacesApiKey
  const remaining = Math.max(0, options.placesBudgetPerMonth - usedThisMonth)
  return {
    places_key_configured: configured,
    message: !configured
      ? NO_PLACES_KEY_MESSAGE
      : remaining === 0
        ? MONTH_BUDGET_SPENT_MESSAGE
        : null,
    budget: {
      per_run: options.placesBudgetPerRun,
      per_month: options.placesBudgetPerMonth,
      used_this_month: usedThisMonth,
      remaining_this_month: remaining,
      next_run_max: Math.min(options.placesBudgetPerRun, remaining),
    },
    areas: areas.map((a) => ({
      slug: a.slug,
      name: a.name,
      name_ar: a.name_ar,
      kind: a.kind,
      governorate: a.governorate,
    })),
    queries,
  }
}
