export {
  cleanText,
  foldKey,
  foldText,
  foldWords,
  slugify,
  stripAccents,
} from "./fold"
export { compactReference, referenceTokens } from "./part-number"
