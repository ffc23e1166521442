import { useTranslation } from 'react-i18next'
import { FIELD_GROUPS, FIELDS_BY_GROUP, type FieldKey } from '../lib/fields.ts'
import { fieldLabel } from '../lib/labels.ts'
import { Labeled } from './inputs.tsx'

/** What a condition is about, grouped Profile / Behaviour / Predictions / Consent / Products / Other segments. */
export function FieldPicker({ value, onChange }: { value: FieldKey; onChange: (key: FieldKey) => void }) {
  const { t } = useTranslation('segments')
  return (
    <Labeled label={t('builder.field')} className="seg-field-picker">
      <select value={value} onChange={(e) => onChange(e.target.value as FieldKey)} data-role="field">
        {FIELD_GROUPS.map((g) => (
          <optgroup key={g} label={t(`fieldGroups.${g}`)}>
            {FIELDS_BY_GROUP[g].map((key) => (
              <option key={key} value={key}>
                {fieldLabel(t, key)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Labeled>
  )
}
