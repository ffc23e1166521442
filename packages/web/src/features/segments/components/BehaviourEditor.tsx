import { useTranslation } from 'react-i18next'
import { operatorsFor } from '../lib/operators.ts'
import { MEASURE_FIELDS, MEASURES, SENTIMENTS, SOURCE_FILTERS, type BehaviourFilter, type BehaviourLeaf, type FilterKey, type Measure } from '../lib/tree-types.ts'
import { ListInput, Select } from './inputs.tsx'
import { OperatorSelect, ValueEditor } from './ValueEditor.tsx'
import { WindowEditor } from './WindowEditor.tsx'

const isDateMeasure = (m: Measure) => m === 'first_at' || m === 'last_at'

/**
 * A measure changed: a date measure compares with date operators and has no window; sum / avg / min / max
 * need a numeric field of the source; count and the dates take none.
 */
export function withMeasure(leaf: BehaviourLeaf, measure: Measure): BehaviourLeaf {
  const { field: _f, window, value, op, ...rest } = leaf
  const fields = MEASURE_FIELDS[leaf.source]
  const needsField = measure === 'sum' || measure === 'avg' || measure === 'min' || measure === 'max'
  const toDate = isDateMeasure(measure)
  const sameKind = toDate === isDateMeasure(leaf.measure)
  return {
    ...rest,
    measure,
    ...(needsField && fields[0] !== undefined && { field: fields.includes(leaf.field ?? '') ? leaf.field : fields[0] }),
    ...(!toDate && window !== undefined && { window }),
    op: sameKind ? op : (operatorsFor(toDate ? 'date' : 'number')[toDate ? 3 : 0] ?? op),
    ...(sameKind ? value !== undefined && { value } : toDate && { value: 30 }),
  }
}

/** The filter with one key set, or removed when its list is empty. */
function withFilter(filter: BehaviourFilter | undefined, key: FilterKey, values: Array<string | number>): BehaviourFilter | undefined {
  const next: Record<string, unknown> = { ...filter }
  if (values.length === 0) delete next[key]
  else next[key] = values
  return Object.keys(next).length === 0 ? undefined : (next as BehaviourFilter)
}

/** Orders, order lines, events, reviews or tickets: measured (count, sum…), in a window, filtered, compared. */
export function BehaviourEditor({ leaf, onChange }: { leaf: BehaviourLeaf; onChange: (leaf: BehaviourLeaf) => void }) {
  const { t } = useTranslation('segments')
  const fields = MEASURE_FIELDS[leaf.source]
  const measures = MEASURES.filter((m) => fields.length > 0 || m === 'count' || isDateMeasure(m))
  const filterKeys = SOURCE_FILTERS[leaf.source]
  const set = (patch: Partial<BehaviourLeaf>) => {
    const next = { ...leaf, ...patch }
    for (const k of Object.keys(patch) as Array<keyof BehaviourLeaf>) if (patch[k] === undefined) delete next[k]
    onChange(next)
  }
  const filtersSet = Object.keys(leaf.filter ?? {}).length
  return (
    <>
      <Select label={t('builder.measure')} value={leaf.measure} onChange={(m) => onChange(withMeasure(leaf, m))} options={measures.map((m) => ({ value: m, label: t(`measures.${m}`) }))} />
      {leaf.field !== undefined && (
        <Select label={t('builder.measureField')} value={leaf.field} onChange={(f) => set({ field: f })} options={fields.map((f) => ({ value: f, label: t(`measureFields.${f}`) }))} />
      )}
      {!isDateMeasure(leaf.measure) && <WindowEditor value={leaf.window} onChange={(w) => set({ window: w })} />}
      <details className="seg-filters" open={filtersSet > 0 || undefined}>
        <summary>{filtersSet > 0 ? t('filters.titleCount', { count: filtersSet }) : t('filters.title')}</summary>
        <div className="seg-filter-inputs">
          {filterKeys.map((k) =>
            k === 'sentiment' ? (
              <fieldset key={k} className="seg-choices">
                <legend>{t('filters.sentiment')}</legend>
                {SENTIMENTS.map((s) => (
                  <label key={s}>
                    <input
                      type="checkbox"
                      checked={leaf.filter?.sentiment?.includes(s) ?? false}
                      onChange={(e) => {
                        const now = new Set(leaf.filter?.sentiment ?? [])
                        if (e.target.checked) now.add(s)
                        else now.delete(s)
                        set({ filter: withFilter(leaf.filter, 'sentiment', SENTIMENTS.filter((x) => now.has(x))) })
                      }}
                    />{' '}
                    {t(`sentiments.${s}`)}
                  </label>
                ))}
              </fieldset>
            ) : (
              <ListInput
                key={k}
                label={t(`filters.${k}`)}
                value={leaf.filter?.[k]}
                numeric={k === 'product_ids'}
                hint={t('builder.listHint')}
                onChange={(v) => set({ filter: withFilter(leaf.filter, k, v) })}
              />
            ),
          )}
        </div>
      </details>
      <OperatorSelect leaf={leaf} onChange={(l) => onChange(l as BehaviourLeaf)} />
      <ValueEditor leaf={leaf} onChange={(value) => set({ value })} />
    </>
  )
}
