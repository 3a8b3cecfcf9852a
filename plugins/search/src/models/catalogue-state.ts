import { Check, Column, Entity, PrimaryColumn } from "typeorm"

/**
 * The catalogue read model's one row (migration CatalogueReadModel1733100000000): the generations
 * the answer cache is keyed on, moved by the queue drain, and when a server last rendered bodies.
 */
@Entity("catalogue_state")
@Check("CHK_catalogue_state_one_row", `"id" = 1`)
export class CatalogueState {
  @PrimaryColumn({
    type: "integer",
    default: 1,
    primaryKeyConstraintName: "PK_catalogue_state",
  })
  id: number

  /** moved when a document (and with it a rendered body) changes */
  @Column({ type: "bigint", default: 1 })
  products_generation: string

  /** moved when a list a storefront loads on every page changes (vehicles, brands, categories) */
  @Column({ type: "bigint", default: 1 })
  lists_generation: string

  /** tells `npm run catalogue:rebuild` that a server renders the bodies */
  @Column({ type: "timestamp with time zone", nullable: true })
  renderer_seen_at: Date | null
}
