import fs from "fs"
import path from "path"
import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import type OrionSalesHistoryService from "./orion-sales-history"
import type { ImportSummary } from "./orion-sales-history"

type InjectedDependencies = {
  manager: EntityManager
  orionSalesHistoryService: OrionSalesHistoryService
}

/**
 * Demo data: loads `data/sales-history.csv` through the same import code as
 * `POST /admin/orion/sales-history/imports`, inside the seed transaction.
 */
export default class OrionDemoSeederService extends TransactionBaseService {
  protected readonly salesHistory_: OrionSalesHistoryService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.salesHistory_ = container.orionSalesHistoryService
  }

  async seed(args: {
    manager?: EntityManager
    dataDir: string
    log?: (m: string) => void
  }): Promise<ImportSummary | null> {
    const log = args.log ?? console.log
    const file = path.join(args.dataDir, "sales-history.csv")
    if (!fs.existsSync(file)) {
      log("orion: data/sales-history.csv not found, no past sales imported")
      return null
    }
    const summary = await this.salesHistory_
      .withTransaction(args.manager ?? this.activeManager_)
      .importCsv(fs.readFileSync(file, "utf8"))
      .catch(
        (
          e: Error & {
            errors?: { row: number; column: string | null; reason: string }[]
          }
        ) => {
          const detail = (e.errors ?? [])
            .slice(0, 10)
            .map(
              (x) =>
                `row ${x.row}${x.column ? `, column "${x.column}"` : ""}: ${x.reason}`
            )
            .join("; ")
          throw new Error(
            `data/sales-history.csv: ${e.message}${detail ? ` — ${detail}` : ""}`
          )
        }
      )
    log(
      `orion: imported ${summary.rows} past sales rows (${summary.variants} variants, ${summary.first_day} → ${summary.last_day})`
    )
    return summary
  }
}
