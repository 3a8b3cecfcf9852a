import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/**
 * One day of weather in one governorate (imported from a CSV file, `lib/weather-csv.ts`): the day's mean
 * temperature in °C and its rain in mm. One row per (date, governorate): importing the day again replaces it.
 * `governorate` is the normalized name ("beja", "kef", "sidi bouzid").
 */
@Entity()
@Index("UQ_orion_weather_day_date_governorate", ["date", "governorate"], {
  unique: true,
})
export class OrionWeatherDay extends BaseEntity {
  @Column({ type: "date" })
  date: string

  @Column({ type: "varchar" })
  governorate: string

  @Column({ type: "double precision" })
  temperature: number

  @Column({ type: "double precision" })
  rain: number

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "owx")
  }
}
