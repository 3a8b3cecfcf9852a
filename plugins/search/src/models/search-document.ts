import { Column, Entity, PrimaryColumn } from "typeorm"
import type { PartNumber } from "../lib/search-sql"

/**
 * One product's search document and the catalogue read model's filter and sort columns (migrations
 * SearchSchema1732390000000 and CatalogueReadModel1733100000000). Written by the document SQL
 * (`lib/document-sql.ts`: the queue drain, `npm run search:reindex`), never through this entity;
 * its published rows' matching columns are copied to `search_match` by statement triggers. The
 * migrations own the indexes (GIN, trigram, partial and covering ones).
 */
@Entity("search_document")
export class SearchDocument {
  @PrimaryColumn({
    type: "varchar",
    primaryKeyConstraintName: "PK_search_document",
  })
  product_id: string

  @Column({ type: "text" })
  title: string

  @Column({ type: "text", nullable: true })
  subtitle: string | null

  @Column({ type: "text", nullable: true })
  handle: string | null

  @Column({ type: "text", nullable: true })
  thumbnail: string | null

  /** the product's status: draft | proposed | published | rejected */
  @Column({ type: "varchar" })
  status: string

  /** fitment's brand name */
  @Column({ type: "text", nullable: true })
  brand: string | null

  @Column({ type: "text", nullable: true })
  title_ar: string | null

  @Column({ type: "boolean", default: false })
  is_universal: boolean

  /** the product's categories and their ancestors */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  category_ids: string[]

  /** their names, ", "-separated */
  @Column({ type: "text", default: "" })
  categories: string

  @Column({ type: "text", array: true, default: () => "'{}'" })
  sales_channel_ids: string[]

  @Column({ type: "text", array: true, default: () => "'{}'" })
  skus: string[]

  /** SKUs, EANs, MPN, OE and part numbers compacted to [A-Z0-9] */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  refs: string[]

  @Column({ type: "jsonb", default: () => "'[]'" })
  part_numbers: PartNumber[]

  @Column({ type: "text", nullable: true })
  fitment_summary: string | null

  @Column({ type: "text", nullable: true })
  mpn: string | null

  @Column({ type: "text", array: true, default: () => "'{}'" })
  oe_numbers: string[]

  @Column({ type: "tsvector" })
  title_tsv: string

  /** weighted: title A, brand/categories/subtitle/type B, vehicles/tags/collection C */
  @Column({ type: "tsvector" })
  tsv: string

  @Column({ type: "text", array: true, default: () => "'{}'" })
  ar_words: string[]

  /** the document's words, normalised (source of the typo dictionary `search_word`) */
  @Column({ type: "text", default: "" })
  words: string

  @Column({ type: "timestamp with time zone" })
  product_created_at: Date

  @Column({ type: "timestamp with time zone", default: () => "now()" })
  indexed_at: Date

  @Column({ type: "timestamp with time zone", nullable: true })
  product_updated_at: Date | null

  /** the categories the product is directly in */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  direct_category_ids: string[]

  @Column({ type: "varchar", nullable: true })
  collection_id: string | null

  @Column({ type: "varchar", nullable: true })
  type_id: string | null

  @Column({ type: "text", array: true, default: () => "'{}'" })
  tag_ids: string[]

  /** fitment's brand id (listing filter `brand_id`) */
  @Column({ type: "varchar", nullable: true })
  brand_id: string | null

  /** core's free-text fields (listing filter `q`) */
  @Column({ type: "text", default: "" })
  core_text: string

  /** sort keys of the price orders, in minor units */
  @Column({ type: "integer", nullable: true })
  price_min: number | null

  @Column({ type: "integer", nullable: true })
  price_max: number | null

  /** from `search_document_version_seq` at each rebuild: the tag of the product's rendered bodies */
  @Column({ type: "bigint", default: 0 })
  version: string
}
