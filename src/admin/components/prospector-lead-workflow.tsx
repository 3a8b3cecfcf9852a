import { useEffect, useState } from "react"

import { adminFetch } from "../lib/api"
import type { Lead } from "../lib/prospector-lead"
import {
  LEAD_STATUS_LABELS,
  LabelledInput,
  LabelledSelect,
  Notice,
  SaveButton,
  errorMessage,
} from "./prospector-ui"

// the text size is the form's
const labelClass = "flex flex-col text-grey-50"

/** A prospect's follow-up: status (with a note on the change), assignee, notes; saves only what changed. */
export const LeadWorkflow = ({
  lead,
  onSaved,
}: {
  lead: Lead
  onSaved: (l: Lead) => void
}) => {
  const [status, setStatus] = useState<string>(lead.status)
  const [statusNote, setStatusNote] = useState("")
  const [notes, setNotes] = useState(lead.notes ?? "")
  const [assignee, setAssignee] = useState(lead.assignee ?? "")
  const [saving, setSaving] = useState(false)
  const [message, setMessage] = useState<{
    kind: "success" | "error"
    text: string
  } | null>(null)

  useEffect(() => {
    setStatus(lead.status)
    setNotes(lead.notes ?? "")
    setAssignee(lead.assignee ?? "")
  }, [lead.id, lead.status, lead.notes, lead.assignee])

  const save = async () => {
    setSaving(true)
    setMessage(null)
    const body: Record<string, unknown> = {}
    if (status !== lead.status) {
      body.status = status
      if (statusNote.trim()) {
        body.status_note = statusNote.trim()
      }
    }
    if (notes !== (lead.notes ?? "")) {
      body.notes = notes
    }
    if (assignee.trim() !== (lead.assignee ?? "")) {
      body.assignee = assignee.trim() || null
    }
    if (!Object.keys(body).length) {
      setSaving(false)
      setMessage({
        kind: "error",
        text: "Rien à enregistrer : aucun changement.",
      })
      return
    }
    try {
      const { lead: saved } = await adminFetch<{ lead: Lead }>(
        `/prospector/leads/${lead.id}`,
        { method: "POST", body }
      )
      setStatusNote("")
      setMessage({ kind: "success", text: "Modifications enregistrées." })
      onSaved(saved)
    } catch (e) {
      setMessage({ kind: "error", text: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-small inter-small-regular">
      <LabelledSelect
        label="Statut"
        name="status"
        value={status}
        onChange={setStatus}
        options={Object.entries(LEAD_STATUS_LABELS)}
        all={null}
      />
      {status !== lead.status && (
        <LabelledInput
          className={labelClass}
          label="Note sur ce changement de statut"
          ariaLabel="Note sur le changement de statut"
          name="status_note"
          value={statusNote}
          onChange={setStatusNote}
          placeholder="Ex. : rappeler lundi, intéressé par les plaquettes"
        />
      )}
      <LabelledInput
        className={labelClass}
        label="Assigné à"
        name="assignee"
        value={assignee}
        onChange={setAssignee}
        maxLength={200}
      />
      <label className={labelClass}>
        Notes
        <textarea
          name="notes"
          aria-label="Notes"
          rows={5}
          dir="auto"
          className="border border-grey-20 rounded-rounded px-small py-xsmall text-grey-90"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      <div>
        <SaveButton saving={saving} onClick={save} />
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </div>
  )
}
