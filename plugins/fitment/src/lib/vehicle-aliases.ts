import { MedusaError } from "@medusajs/utils"
import { cleanText } from "@shabou/text"

/** Aliases of a make or model as given by the admin: a list of texts, cleaned, without repeats. */
export function cleanAliases(aliases: unknown): string[] {
  if (aliases === undefined || aliases === null) {
    return []
  }
  if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== "string")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "aliases: must be a list of strings"
    )
  }
  return Array.from(new Set(aliases.map((a) => cleanText(a)).filter(Boolean)))
}

type Named = { name: string; aliases: string[] | null }

/** The survivor of a merge keeps its aliases and takes the merged one's name and aliases. */
export function mergedAliases(survivor: Named, merged: Named): string[] {
  return Array.from(
    new Set([
      ...(survivor.aliases ?? []),
      merged.name,
      ...(merged.aliases ?? []),
    ])
  ).filter((a) => a !== survivor.name)
}
