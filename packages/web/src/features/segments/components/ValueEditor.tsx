import { useTranslation } from 'react-i18next'
import { choicesOf } from '../lib/fields.ts'
import { daysUnit, opLabel, type OpContext } from '../lib/labels.ts'
import { operatorsFor, valueInputFor, valueKindOf, withOperator } from '../lib/operators.ts'
import { MAX_DAYS, type LeafValue, type SegmentLeaf } from '../lib/tree-types.ts'
import { Labeled, ListInput, NumberInput, Select } from './inputs.tsx'

/** The operators of a condition's kind; changing it carries the value over where it still fits. */
export function OperatorSelect({ leaf, onChange, context }: { leaf: SegmentLeaf; onChange: (leaf: SegmentLeaf) => void; context?: OpContext }) {
  const { t } = useTranslation('segments')
  const kind = valueKindOf(leaf)
  return (
    <Select
      label={t('builder.operator')}
      role="op"
      value={leaf.op}
      onChange={(op) => onChange(withOperator(leaf, op))}
      options={operatorsFor(kind).map((op) => ({ value: op, label: opLabel(t, context ?? kind, op) }))}
    />
  )
}

type Valued = Extract<SegmentLeaf, { type: 'profile' | 'date' | 'attribute' | 'behaviour' | 'prediction' }>

/** The value input the operator needs: none, a text, a list, a number, days, a date, yes/no or a band. */
export function ValueEditor({ leaf, onChange }: { leaf: Valued; onChange: (value: LeafValue) => void }) {
  if (valueInputFor(valueKindOf(leaf), leaf.op) === 'none') return null
  return (
    <div className="seg-value" data-role="value">
      <ValueInputs leaf={leaf} onChange={onChange} />
    </div>
  )
}

function ValueInputs({ leaf, onChange }: { leaf: Valued; onChange: (value: LeafValue) => void }) {
  const { t } = useTranslation('segments')
  const kind = valueKindOf(leaf)
  const input = valueInputFor(kind, leaf.op)
  const choices = choicesOf(leaf)
  const v = leaf.value
  switch (input) {
    case 'none':
      return null
    case 'text':
      if (choices) {
        return <Select label={t('builder.value')} value={typeof v === 'string' ? v : ''} placeholder={t('builder.choose')} onChange={onChange} options={choices.map((c) => ({ value: c, label: t(`bands.${c}`) }))} />
      }
      return (
        <Labeled label={t('builder.value')} className="seg-control-wide">
          <input type="text" value={typeof v === 'string' || typeof v === 'number' ? String(v) : ''} onChange={(e) => onChange(e.target.value)} />
        </Labeled>
      )
    case 'list':
      if (choices) {
        const chosen = new Set(Array.isArray(v) ? v.map(String) : [])
        return (
          <fieldset className="seg-choices">
            <legend>{t('builder.values')}</legend>
            {choices.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={chosen.has(c)}
                  onChange={(e) => onChange(choices.filter((x) => (x === c ? e.target.checked : chosen.has(x))))}
                />{' '}
                {t(`bands.${c}`)}
              </label>
            ))}
          </fieldset>
        )
      }
      return <ListInput label={t('builder.values')} value={Array.isArray(v) ? v : undefined} numeric={kind === 'number'} onChange={onChange} hint={t('builder.listHint')} />
    case 'number':
      return <NumberInput label={t('builder.value')} value={typeof v === 'number' ? v : undefined} onChange={onChange} />
    case 'days':
      return (
        <div className="seg-days">
          <NumberInput label={t('builder.days')} value={typeof v === 'number' ? v : undefined} min={1} max={MAX_DAYS} step={1} onChange={onChange} />
          <span className="seg-unit">{daysUnit(t, leaf.op)}</span>
        </div>
      )
    case 'date':
      return (
        <Labeled label={t('builder.date')}>
          <input type="date" value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
        </Labeled>
      )
    case 'boolean':
      return (
        <Select
          label={t('builder.value')}
          value={typeof v === 'boolean' ? (String(v) as 'true' | 'false') : ''}
          placeholder={t('builder.choose')}
          onChange={(s) => onChange(s === 'true')}
          options={(['true', 'false'] as const).map((b) => ({ value: b, label: t(`boolean.${b}`) }))}
        />
      )
  }
}
