import { Column, Entity, PrimaryColumn } from "typeorm"

/**
 * One published product in one kept list (migration CatalogueListEntries1733500000000, see
 * `lib/list-entry-sql.ts`): `v:<vehicle>`, `u`, `c:<category>`, `t:<category>`, in core's default
 * order. Rewritten with the product's document; the primary key carries `version` and
 * `sales_channel_ids` (INCLUDE), so a page is an index-only range scan.
 */
@Entity("catalogue_list_entry")
export class CatalogueListEntry {
  @PrimaryColumn({
    type: "text",
    primaryKeyConstraintName: "PK_catalogue_list_entry",
  })
  list: string

  @PrimaryColumn({
    type: "timestamp with time zone",
    primaryKeyConstraintName: "PK_catalogue_list_entry",
  })
  product_created_at: Date

  @PrimaryColumn({
    type: "varchar",
    primaryKeyConstraintName: "PK_catalogue_list_entry",
  })
  product_id: string

  @Column({ type: "bigint" })
  version: string

  @Column({ type: "text", array: true })
  sales_channel_ids: string[]
}
