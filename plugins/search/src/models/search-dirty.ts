import { Column, Entity, PrimaryColumn } from "typeorm"

/**
 * The queue of documents to rebuild (migration SearchSchema1732390000000), filled by statement
 * triggers on the catalogue tables (product ids, and the markers `*lists` and `*all`), drained by
 * SearchDocumentsService.
 */
@Entity("search_dirty")
export class SearchDirty {
  /** a product id, or a marker (`*lists`, `*all`) */
  @PrimaryColumn({
    type: "varchar",
    primaryKeyConstraintName: "PK_search_dirty",
  })
  product_id: string

  @Column({
    type: "timestamp with time zone",
    default: () => "clock_timestamp()",
  })
  queued_at: Date
}
