import { Column, Entity, PrimaryColumn } from "typeorm"

/**
 * What the product search matches and ranks on, for the published documents only (migration
 * SearchMatch1733700000000): a copy of `search_document`'s matching columns kept by its statement
 * triggers (`search_match_sync`) in the writer's own statement. Never written through this entity.
 */
@Entity("search_match")
export class SearchMatch {
  @PrimaryColumn({
    type: "varchar",
    primaryKeyConstraintName: "PK_search_match",
    insert: false,
    update: false,
  })
  product_id: string

  @Column({
    type: "text",
    array: true,
    default: () => "'{}'",
    insert: false,
    update: false,
  })
  sales_channel_ids: string[]

  @Column({
    type: "text",
    array: true,
    default: () => "'{}'",
    insert: false,
    update: false,
  })
  category_ids: string[]

  @Column({
    type: "text",
    array: true,
    default: () => "'{}'",
    insert: false,
    update: false,
  })
  refs: string[]

  @Column({
    type: "text",
    array: true,
    default: () => "'{}'",
    insert: false,
    update: false,
  })
  ar_words: string[]

  @Column({ type: "tsvector", insert: false, update: false })
  title_tsv: string

  @Column({ type: "tsvector", insert: false, update: false })
  tsv: string

  @Column({ type: "timestamp with time zone", insert: false, update: false })
  product_created_at: Date
}
