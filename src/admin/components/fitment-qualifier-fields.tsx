import type { Qualifiers } from "../lib/fitment-qualifiers"
import { POSITION_LABELS } from "../lib/fitment-labels"
import { fieldClass, ProductWidgetSelect } from "./product-widget-section"

const POSITIONS: [string, string][] = [
  ["", "—"],
  ...Object.entries(POSITION_LABELS),
]

/** The qualifiers of a part ↔ vehicle link, as fields; test ids start with `idPrefix`. */
export const QualifierFields = ({
  value,
  onChange,
  idPrefix,
}: {
  value: Qualifiers
  onChange: (q: Qualifiers) => void
  idPrefix: string
}) => (
  <div className="grid grid-cols-2 gap-2 md:grid-cols-5">
    <ProductWidgetSelect
      label="Position"
      testId={`${idPrefix}-position`}
      value={value.position}
      onChange={(position) => onChange({ ...value, position })}
      options={POSITIONS}
    />
    <label className="text-ui-fg-subtle text-xs">
      Quantité
      <input
        data-testid={`${idPrefix}-quantity`}
        type="number"
        min={1}
        max={1000}
        className={`${fieldClass} mt-1 w-full`}
        value={value.quantity}
        onChange={(e) => onChange({ ...value, quantity: e.target.value })}
      />
    </label>
    <label className="text-ui-fg-subtle text-xs">
      Code moteur
      <input
        data-testid={`${idPrefix}-engine-code`}
        className={`${fieldClass} mt-1 w-full`}
        value={value.engine_code}
        onChange={(e) => onChange({ ...value, engine_code: e.target.value })}
      />
    </label>
    <label className="text-ui-fg-subtle text-xs">
      Note (français)
      <input
        data-testid={`${idPrefix}-note-fr`}
        className={`${fieldClass} mt-1 w-full`}
        value={value.note_fr}
        onChange={(e) => onChange({ ...value, note_fr: e.target.value })}
      />
    </label>
    <label className="text-ui-fg-subtle text-xs">
      Note (arabe)
      <input
        data-testid={`${idPrefix}-note-ar`}
        dir="rtl"
        lang="ar"
        className={`${fieldClass} mt-1 w-full`}
        value={value.note_ar}
        onChange={(e) => onChange({ ...value, note_ar: e.target.value })}
      />
    </label>
  </div>
)
