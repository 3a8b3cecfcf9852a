import type { AwilixContainer } from "awilix"
import type { EntityManager, TransactionStartEvent } from "typeorm"
import { describeRequest } from "../lib/actor"
import {
  changeContextStatement,
  currentChangeContext,
  runWithChangeContext,
  type PriceChangeContext,
} from "../lib/change-context"

/**
 * Makes the price-history triggers know who changes a price (see README "Attribution"):
 * 1. every core route handler (wrapped by `middlewares.wrap`) runs inside an AsyncLocalStorage
 *    context describing the request (source + authenticated user);
 * 2. batch-job imports (products, price lists) run inside an "import" context, also published on the
 *    transaction the batch-job subscriber opened before calling processJob;
 * 3. a TypeORM subscriber publishes the context with `set_config(..., true)` right after every
 *    top-level START TRANSACTION, so the settings live exactly as long as that transaction.
 */
const INSTALLED = Symbol.for("shabou.price-history.actor-context")

type Handler = (req: any, res: any) => Promise<unknown>

function patchRouteWrapper(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const middlewares = require("@medusajs/medusa/dist/api/middlewares").default
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const awaitModule = require("@medusajs/medusa/dist/api/middlewares/await-middleware")
  const original = awaitModule.default as (fn: Handler) => unknown
  const wrap = (fn: Handler) =>
    original((req: any, res: any) =>
      runWithChangeContext(
        describeRequest({
          method: req.method,
          path: req.originalUrl ?? req.url ?? "",
          user: req.user,
        }),
        () => fn(req, res)
      )
    )
  middlewares.wrap = wrap
  awaitModule.default = wrap
}

function patchImportStrategy(
  modulePath: string,
  container: AwilixContainer
): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Strategy = require(modulePath).default
  const original = Strategy.prototype.processJob
  Strategy.prototype.processJob = async function (batchJobId: string) {
    let actor: string | null = null
    try {
      const job = await container
        .resolve("batchJobService")
        .retrieve(batchJobId)
      actor = job.created_by ?? null
    } catch (e) {
      actor = null
    }
    const context: PriceChangeContext = {
      source: "import",
      actor,
      origin: `batch-job ${batchJobId}`,
    }
    // Medusa's BatchJobSubscriber opens the transaction *before* calling processJob (and hands it in
    // through withTransaction), so the transaction-start hook ran without this context: publish it
    // on that transaction now. Transaction-local, it ends with the job's transaction.
    const tx = (this as { transactionManager_?: EntityManager })
      .transactionManager_
    if (tx) {
      const { text, params } = changeContextStatement(context)
      await tx.query(text, params)
    }
    return runWithChangeContext(context, () => original.call(this, batchJobId))
  }
}

function installTransactionHook(manager: EntityManager): void {
  const subscriber = {
    async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
      const context = currentChangeContext()
      const runner = event.queryRunner as unknown as {
        transactionDepth: number
      }
      if (!context || runner.transactionDepth !== 1) {
        return
      }
      const { text, params } = changeContextStatement(context)
      await event.queryRunner.query(text, params)
    },
  }
  manager.connection.subscribers.push(subscriber as any)
}

export default async function actorContextLoader(
  container: AwilixContainer
): Promise<void> {
  const g = globalThis as any
  if (g[INSTALLED]) {
    return
  }
  g[INSTALLED] = true
  installTransactionHook(container.resolve("manager"))
  patchRouteWrapper()
  patchImportStrategy(
    "@medusajs/medusa/dist/strategies/batch-jobs/product/import",
    container
  )
  patchImportStrategy(
    "@medusajs/medusa/dist/strategies/batch-jobs/price-list/import",
    container
  )
}
