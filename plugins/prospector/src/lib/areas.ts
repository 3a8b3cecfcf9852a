/**
 * Finding a search area by what a person types: slug, French or Arabic name,
 * any case or accents ("gabes", "Gabès", "قابس").
 */

import { SEARCH_AREAS, SearchArea } from "../config/areas"
import { foldText } from "./fold"

export function findArea(name: string, areas: SearchArea[] = SEARCH_AREAS): SearchArea | null {
  const wanted = foldText(name ?? "").replace(/[\s-]+/g, " ").trim()
  if (!wanted) {
    return null
  }
  const key = (s: string) => foldText(s).replace(/[\s-]+/g, " ").trim()
  return (
    areas.find((a) => key(a.slug) === wanted) ??
    areas.find((a) => key(a.name) === wanted || key(a.name_ar) === wanted) ??
    null
  )
}

export function requireArea(name: string, areas: SearchArea[] = SEARCH_AREAS): SearchArea {
  const area = findArea(name, areas)
  if (!area) {
    const known = areas.filter((a) => a.kind === "city").map((a) => a.name).join(", ")
    throw new Error(`unknown city or governorate "${name}"; known cities: ${known} (governorates: gouvernorat-<name>)`)
  }
  return area
}
