import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { insertSql } from "@shabou/sql"

import { ProspectorLeadStatusChange } from "../models/prospector-lead-status-change"

/** One change of a lead's status, as the lead's history shows it. */
export type StatusChangeRow = Pick<
  ProspectorLeadStatusChange,
  "id" | "from_status" | "to_status" | "changed_by" | "note" | "created_at"
>

/** A status change of the week, with the lead's name and who made it (the weekly report). */
export type ReportStatusChangeRow = Pick<
  ProspectorLeadStatusChange,
  "from_status" | "to_status" | "created_at" | "changed_by"
> & { lead_name: string; by_email: string | null }

export const ProspectorLeadStatusChangeRepository = dataSource
  .getRepository(ProspectorLeadStatusChange)
  .extend({
    async record(
      change: Pick<
        ProspectorLeadStatusChange,
        "id" | "lead_id" | "from_status" | "to_status" | "changed_by" | "note"
      >
    ): Promise<void> {
      await this.query(
        ...insertSql("prospector_lead_status_change", {
          id: change.id,
          lead_id: change.lead_id,
          from_status: change.from_status,
          to_status: change.to_status,
          changed_by: change.changed_by,
          note: change.note,
        })
      )
    },

    async historyOf(leadId: string): Promise<StatusChangeRow[]> {
      return await this.query(
        `SELECT id, from_status, to_status, changed_by, note, created_at FROM prospector_lead_status_change
         WHERE lead_id = $1 ORDER BY created_at ASC, id ASC`,
        [leadId]
      )
    },

    async between(start: Date, end: Date): Promise<ReportStatusChangeRow[]> {
      return await this.query(
        `SELECT l.name AS lead_name, c.from_status, c.to_status, c.created_at, u.email AS by_email, c.changed_by
         FROM prospector_lead_status_change c JOIN prospector_lead l ON l.id = c.lead_id
         LEFT JOIN "user" u ON u.id = c.changed_by
         WHERE c.created_at >= $1 AND c.created_at < $2 ORDER BY c.created_at`,
        [start, end]
      )
    },
  })

export default ProspectorLeadStatusChangeRepository
