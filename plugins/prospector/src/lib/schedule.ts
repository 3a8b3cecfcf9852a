/**
 * The wall-clock helpers of the scheduled jobs live in @shabou/ops
 * (packages/ops/src/schedule.ts, shared with Orion's weekly forecast job).
 */
export {
  addDays,
  dailySearchDue,
  dueReportPeriod,
  monthStart,
  zonedMidnight,
  zonedParts,
} from "@shabou/ops"
export type { ZonedParts } from "@shabou/ops"
