import { useTranslation } from 'react-i18next'
import { operatorsFor } from '../lib/operators.ts'
import { opLabel } from '../lib/labels.ts'
import { ATTRIBUTE_TYPES, CONSENT_STATES, SET_OPS, type AttributeLeaf, type ConsentLeaf, type PredictionLeaf, type ProductLeaf, type SegmentRefLeaf, type TagLeaf } from '../lib/tree-types.ts'
import { useBuilder } from './builder-context.ts'
import { Labeled, ListInput, Select } from './inputs.tsx'
import { OperatorSelect, ValueEditor } from './ValueEditor.tsx'
import { WindowEditor } from './WindowEditor.tsx'

/** The parts of each kind of condition besides its field (behaviour has its own file). */

export function TagEditor({ leaf, onChange }: { leaf: TagLeaf; onChange: (l: TagLeaf) => void }) {
  const { t } = useTranslation('segments')
  return (
    <>
      <Select label={t('builder.operator')} value={leaf.op} onChange={(op) => onChange({ ...leaf, op })} options={SET_OPS.map((op) => ({ value: op, label: opLabel(t, 'tag', op) }))} />
      <ListInput label={t('builder.tags')} value={leaf.value} hint={t('builder.listHint')} onChange={(v) => onChange({ ...leaf, value: v.map(String) })} />
    </>
  )
}

export function AttributeEditor({ leaf, onChange }: { leaf: AttributeLeaf; onChange: (l: AttributeLeaf) => void }) {
  const { t } = useTranslation('segments')
  return (
    <>
      <Labeled label={t('builder.attributePath')}>
        <input type="text" value={leaf.path} placeholder={t('builder.attributePathExample')} onChange={(e) => onChange({ ...leaf, path: e.target.value.trim() })} />
      </Labeled>
      <Select
        label={t('builder.valueType')}
        value={leaf.value_type}
        // Another type reads the attribute differently: its operators and value start again.
        onChange={(value_type) => onChange({ type: 'attribute', path: leaf.path, value_type, op: operatorsFor(value_type)[0] ?? 'is' })}
        options={ATTRIBUTE_TYPES.map((v) => ({ value: v, label: t(`valueTypes.${v}`) }))}
      />
      <OperatorSelect leaf={leaf} onChange={(l) => onChange(l as AttributeLeaf)} />
      <ValueEditor leaf={leaf} onChange={(value) => onChange(withValue(leaf, value))} />
    </>
  )
}

/** A leaf with a new value, or without one (an empty value is absent, as the server wants). */
export function withValue<L extends { value?: unknown }>(leaf: L, value: L['value']): L {
  const { value: _old, ...rest } = leaf
  return (value === undefined ? rest : { ...rest, value }) as L
}

export function ConsentEditor({ leaf, onChange }: { leaf: ConsentLeaf; onChange: (l: ConsentLeaf) => void }) {
  const { t } = useTranslation('segments')
  return (
    <>
      <Labeled label={t('builder.purpose')}>
        <input type="text" value={leaf.purpose} onChange={(e) => onChange({ ...leaf, purpose: e.target.value })} />
      </Labeled>
      <OperatorSelect leaf={leaf} onChange={(l) => onChange(l as ConsentLeaf)} />
      <Select label={t('builder.consentState')} value={leaf.value} onChange={(value) => onChange({ ...leaf, value })} options={CONSENT_STATES.map((s) => ({ value: s, label: t(`consentStates.${s}`) }))} />
    </>
  )
}

export function ProductEditor({ leaf, onChange }: { leaf: ProductLeaf; onChange: (l: ProductLeaf) => void }) {
  const { t } = useTranslation('segments')
  const by = leaf.product_ids !== undefined ? 'product_ids' : 'categories'
  const base = { type: 'product' as const, op: leaf.op, ...(leaf.window && { window: leaf.window }) }
  return (
    <>
      <Select label={t('builder.operator')} value={leaf.op} onChange={(op) => onChange({ ...leaf, op })} options={SET_OPS.map((op) => ({ value: op, label: opLabel(t, 'product', op) }))} />
      <Select
        label={t('builder.productsBy')}
        value={by}
        onChange={(b) => onChange(b === 'categories' ? { ...base, categories: [] } : { ...base, product_ids: [] })}
        options={(['categories', 'product_ids'] as const).map((b) => ({ value: b, label: t(`builder.productsByOptions.${b}`) }))}
      />
      {by === 'categories' ? (
        <ListInput label={t('filters.category')} value={leaf.categories} hint={t('builder.listHint')} onChange={(v) => onChange({ ...base, categories: v.map(String) })} />
      ) : (
        <ListInput label={t('filters.product_ids')} value={leaf.product_ids} numeric hint={t('builder.listHint')} onChange={(v) => onChange({ ...base, product_ids: v.map(Number) })} />
      )}
      <WindowEditor
        value={leaf.window}
        onChange={(w) => {
          const { window: _w, ...rest } = leaf
          onChange(w === undefined ? rest : { ...rest, window: w })
        }}
      />
    </>
  )
}

export function PredictionEditor({ leaf, onChange }: { leaf: PredictionLeaf; onChange: (l: PredictionLeaf) => void }) {
  const { t } = useTranslation('segments')
  return (
    <>
      {leaf.field === 'next_category_probability' && (
        <Labeled label={t('builder.category')}>
          <input type="text" value={leaf.category ?? ''} onChange={(e) => onChange({ ...leaf, category: e.target.value })} />
        </Labeled>
      )}
      <OperatorSelect leaf={leaf} onChange={(l) => onChange(l as PredictionLeaf)} />
      <ValueEditor leaf={leaf} onChange={(value) => onChange(withValue(leaf, value))} />
    </>
  )
}

export function SegmentRefEditor({ leaf, onChange }: { leaf: SegmentRefLeaf; onChange: (l: SegmentRefLeaf) => void }) {
  const { t } = useTranslation('segments')
  const { segments } = useBuilder()
  const options = [...segments].map(([id, name]) => ({ value: String(id), label: name }))
  // A segment referred to but not offered (deleted, or not loaded yet) still shows as itself.
  if (leaf.segment_id > 0 && !segments.has(leaf.segment_id)) options.push({ value: String(leaf.segment_id), label: `#${leaf.segment_id}` })
  return (
    <>
      <OperatorSelect leaf={leaf} onChange={(l) => onChange(l as SegmentRefLeaf)} />
      <Select label={t('builder.segment')} value={leaf.segment_id > 0 ? String(leaf.segment_id) : ''} placeholder={t('builder.chooseSegment')} onChange={(id) => onChange({ ...leaf, segment_id: Number(id) })} options={options} />
    </>
  )
}
