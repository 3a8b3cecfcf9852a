import type {
  ConfigModule,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import type { Redis } from "ioredis"
import { checkReadiness } from "../../../lib/readiness"

/**
 * GET /health/ready: readiness probe for a load balancer or orchestrator. 200 with the checks when the
 * database answers and Redis (when REDIS_URL is configured) answers PING; 503 naming what failed
 * otherwise (each check within READINESS_TIMEOUT_MS, default 3 s). GET /health (Medusa core) stays the liveness probe: the process is up.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const config = req.scope.resolve<ConfigModule>("configModule")
  const manager = req.scope.resolve<EntityManager>("manager")
  const redisConfigured = Boolean(config.projectConfig.redis_url)
  const result = await checkReadiness(
    {
      database: () => manager.query("SELECT 1"),
      redis: redisConfigured
        ? () => req.scope.resolve<Redis>("redisClient").ping()
        : null,
    },
    Number(process.env.READINESS_TIMEOUT_MS) || 3000
  )
  res.set("Cache-Control", "no-store")
  res.status(result.status).json(result.body)
}
