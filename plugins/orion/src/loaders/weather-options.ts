import type { AwilixContainer } from "awilix"
import type { Logger } from "@medusajs/medusa"
import { OrionOptions, weatherGovernorates } from "../options"

/**
 * Checks ORION_WEATHER_GOVERNORATES (option `weatherGovernorates`) at startup and logs the wrong names
 * (Medusa does not stop for a plugin loader's error); the weather service then refuses to work with them,
 * so runs fail with the same message instead of silently using no weather.
 */
export default async function orionWeatherOptionsLoader(
  container: AwilixContainer,
  options: OrionOptions
): Promise<void> {
  try {
    weatherGovernorates(options)
  } catch (e) {
    container.resolve<Logger>("logger").error((e as Error).message)
  }
}
