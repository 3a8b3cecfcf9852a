import { Entity, PrimaryColumn } from "typeorm"

/**
 * The typo dictionary (migration SearchSchema1732390000000): every word of 3+ letters of the
 * documents, matched by trigram similarity (index `IDX_search_word_trgm`). Written by the document
 * SQL (`ADD_WORDS_SQL`), never through this entity.
 */
@Entity("search_word")
export class SearchWord {
  @PrimaryColumn({ type: "text", primaryKeyConstraintName: "PK_search_word" })
  word: string
}
