import { BeforeInsert, Column, Entity } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

export type RunStatus = "running" | "succeeded" | "failed"

/** One forecast run: what it did, how long it took and how well each model backtested. */
@Entity()
export class OrionForecastRun extends BaseEntity {
  @Column({ type: "varchar" })
  status: RunStatus

  /** "schedule" | "manual" | "api" */
  @Column({ type: "varchar" })
  trigger: string

  @Column({ type: "varchar" })
  frequency: "week" | "month"

  @Column({ type: "integer" })
  horizon: number

  /** 0…1 */
  @Column({ type: "real", default: 0 })
  progress: number

  @Column({ type: "varchar", nullable: true })
  stage: string | null

  /** first forecast period (the history ends the day before) */
  @Column({ type: "date", nullable: true })
  forecast_start: string | null

  @Column({ type: "integer", default: 0 })
  variant_count: number

  @Column({ type: "integer", default: 0 })
  alert_count: number

  @Column({ type: "timestamptz", nullable: true })
  started_at: Date | null

  @Column({ type: "timestamptz", nullable: true })
  finished_at: Date | null

  @Column({ type: "integer", nullable: true })
  duration_ms: number | null

  /** variants per chosen model, e.g. { "tsb+nb(k=1)": 120 } */
  @Column({ type: "jsonb", nullable: true })
  model_wins: Record<string, number> | null

  /** per demand class: the pooled backtest metrics of the best configuration of every model */
  @Column({ type: "jsonb", nullable: true })
  backtest: unknown

  /** per category: estimated calendar multipliers */
  @Column({ type: "jsonb", nullable: true })
  calendar_effects: unknown

  /** the weather the run used and, per category, the weather effects it tested and kept (null: no weather) */
  @Column({ type: "jsonb", nullable: true })
  weather_effects: unknown

  @Column({ type: "text", nullable: true })
  error: string | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "orun")
  }
}

/** A run's status, progress and counts: what the dashboard and the Réassort progress line show of it. */
export type OrionRunProgress = Pick<
  OrionForecastRun,
  | "id"
  | "status"
  | "progress"
  | "stage"
  | "started_at"
  | "finished_at"
  | "variant_count"
  | "alert_count"
>
