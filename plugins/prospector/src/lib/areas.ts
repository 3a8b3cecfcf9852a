/**
 * Finding a search area by what a person types: slug, French or Arabic name,
 * any case or accents ("gabes", "Gabès", "قابس").
 */

import { foldText } from "@shabou/text"
import { SEARCH_AREAS, SearchArea } from "./search-areas"

export function findArea(
  name: string,
  areas: SearchArea[] = SEARCH_AREAS
): SearchArea | null {
  const wanted = foldText(name ?? "")
  if (!wanted) {
    return null
  }
  return (
    areas.find((a) => foldText(a.slug) === wanted) ??
    areas.find(
      (a) => foldText(a.name) === wanted || foldText(a.name_ar) === wanted
    ) ??
    null
  )
}

export function requireArea(
  name: string,
  areas: SearchArea[] = SEARCH_AREAS
): SearchArea {
  const area = findArea(name, areas)
  if (!area) {
    const known = areas
      .filter((a) => a.kind === "city")
      .map((a) => a.name)
      .join(", ")
    throw new Error(
      `unknown city or governorate "${name}"; known cities: ${known} (governorates: gouvernorat-<name>)`
    )
  }
  return area
}
