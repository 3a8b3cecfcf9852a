import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm"

/**
 * One change of one variant price (a `money_amount` row), written by the database triggers of
 * migration PriceHistoryCapture1732380000000, never by application code. Amounts in minor units.
 */
@Entity("price_history")
export class PriceHistory {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string

  @Index("IDX_price_history_money_amount")
  @Column({ type: "varchar" })
  money_amount_id: string

  @Column({ type: "varchar", nullable: true })
  variant_id: string | null

  @Column({ type: "varchar", nullable: true })
  product_id: string | null

  @Column({ type: "varchar" })
  currency_code: string

  @Column({ type: "varchar", nullable: true })
  region_id: string | null

  @Column({ type: "varchar", nullable: true })
  price_list_id: string | null

  @Column({ type: "integer", nullable: true })
  min_quantity: number | null

  @Column({ type: "integer", nullable: true })
  max_quantity: number | null

  /** created | updated | deleted */
  @Column({ type: "varchar" })
  change: string

  @Column({ type: "integer", nullable: true })
  old_amount: number | null

  @Column({ type: "integer", nullable: true })
  new_amount: number | null

  /** admin | api | price_list | import | system */
  @Column({ type: "varchar" })
  source: string

  /** user id when known */
  @Column({ type: "varchar", nullable: true })
  actor: string | null

  /** e.g. "POST /admin/products/prod_1/variants/variant_1" or "batch-job batch_1" */
  @Column({ type: "varchar", nullable: true })
  origin: string | null

  @Column({ type: "bigint" })
  txid: string

  @Column({ type: "timestamp with time zone" })
  changed_at: Date
}
