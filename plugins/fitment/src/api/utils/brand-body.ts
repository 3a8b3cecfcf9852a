import {
  invalidParam,
  objectBody,
  objectField,
  onlyKnown,
  textField,
} from "@shabou/api-params"
import { BRAND_FIELDS } from "../../lib/brand-fields"
import type { BrandInput } from "../../services/brand"

/** A brand body, checked: text fields are text (no numbers, lists or `{"$gt": ""}`), metadata an object, nothing else. */
export function brandBody(
  body: unknown,
  { create }: { create: boolean }
): BrandInput {
  const b = objectBody(body)
  onlyKnown(b, BRAND_FIELDS, "field")
  if (typeof b.name === "string" && !b.name.trim()) {
    // a brand keeps a name: a blank one is refused, not ignored
    throw invalidParam("name", "cannot be empty")
  }
  const input: BrandInput = {
    name: create
      ? textField(b.name, "name", { required: true, maxLength: 200 })
      : textField(b.name, "name", { maxLength: 200 }),
    handle: textField(b.handle, "handle", { maxLength: 200 }),
    logo_url: textField(b.logo_url, "logo_url", {
      nullable: true,
      maxLength: 2000,
    }),
    country: textField(b.country, "country", {
      nullable: true,
      maxLength: 100,
    }),
    description: textField(b.description, "description", {
      nullable: true,
      maxLength: 5000,
    }),
    metadata: objectField(b.metadata, "metadata"),
  }
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined)
  ) as BrandInput
}
