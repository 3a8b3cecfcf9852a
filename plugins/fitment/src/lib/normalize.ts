/**
 * Name normalisation for makes and models, one module per topic: name keys (name-key), makes
 * (vehicle-make-name), bodies (vehicle-body) and models (vehicle-model-name).
 */
export { normalizeKey, normalizeWords, slugify, tidyName } from "./name-key"
export {
  canonicalMake,
  type CanonicalMake,
  type MakeDefinition,
  makeKey,
  MAKES,
} from "./vehicle-make-name"
export { BODIES, type Body, normalizeBody } from "./vehicle-body"
export { modelKey, parseModel, type ParsedModel } from "./vehicle-model-name"
