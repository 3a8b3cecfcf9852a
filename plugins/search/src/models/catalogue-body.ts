import { Column, Entity, PrimaryColumn } from "typeorm"

/**
 * A product's JSON as core's store route renders it in one context (migrations
 * CatalogueReadModel1733100000000 and CatalogueBodyFragments1733600000000), current while its
 * `version` is its document's and it has not expired. `body` "" records that core does not render
 * the product in that context.
 */
@Entity("catalogue_body")
export class CatalogueBody {
  @PrimaryColumn({
    type: "varchar",
    primaryKeyConstraintName: "PK_catalogue_body",
  })
  product_id: string

  /** the rendering context's key (`contextKey` in lib/catalogue-request.ts) */
  @PrimaryColumn({
    type: "text",
    primaryKeyConstraintName: "PK_catalogue_body",
  })
  context: string

  /** the document version it was rendered from */
  @Column({ type: "bigint" })
  version: string

  @Column({ type: "text" })
  body: string

  /** when a price list on one of its prices starts or ends */
  @Column({ type: "timestamp with time zone", nullable: true })
  expires_at: Date | null

  @Column({ type: "timestamp with time zone", default: () => "now()" })
  rendered_at: Date

  /** the body's CRC-32 and length, then its raw deflate form (lib/gzip-parts.ts) */
  @Column({ type: "bytea", nullable: true })
  body_deflated: Buffer | null
}
