import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { ADD_WORDS_SQL } from "../lib/document-sql"
import {
  NEAR_WORDS_SQL,
  SEQSCAN_OFF_SQL,
  SEQSCAN_ON_SQL,
  type NearWordRow,
} from "../lib/search-sql"
import { SearchWord } from "../models/search-word"

/** `search_word`: the typo dictionary, grown with the documents and read by the search. */
export const SearchWordRepository = dataSource
  .getRepository(SearchWord)
  .extend({
    /** Adds the words of these products' documents (in the transaction that rebuilt them). */
    async addWordsOf(productIds: string[]): Promise<void> {
      await this.query(ADD_WORDS_SQL, [productIds])
    },

    /**
     * Up to 4 near spellings of each token, in the caller's transaction. Read through the trigram
     * index: the planner estimates a scan of the vocabulary as cheap, but it computes the similarity
     * of every word (10 to 20 times slower at 60,000 words), so sequential scans are off meanwhile.
     */
    async nearWords(tokens: string[]): Promise<NearWordRow[]> {
      await this.query(SEQSCAN_OFF_SQL)
      const rows: NearWordRow[] = await this.query(NEAR_WORDS_SQL, [tokens])
      await this.query(SEQSCAN_ON_SQL)
      return rows
    },
  })

export default SearchWordRepository
