import { useTranslation } from 'react-i18next'
import { MAX_DAYS, type SegmentWindow } from '../lib/tree-types.ts'
import { Labeled, NumberInput, Select } from './inputs.tsx'

type Mode = 'all' | 'last' | 'between' | 'since'

export const windowMode = (w: SegmentWindow | undefined): Mode =>
  // By the keys present: a range being typed has its keys before it has its numbers.
  !w ? 'all' : 'days_ago_from' in w || 'days_ago_to' in w ? 'between' : 'since' in w ? 'since' : 'last'

/** Which rows count: all of them, the last N days, between A and B days ago, or since a date. */
export function WindowEditor({ value, onChange }: { value: SegmentWindow | undefined; onChange: (w: SegmentWindow | undefined) => void }) {
  const { t } = useTranslation('segments')
  const mode = windowMode(value)
  const setMode = (m: Mode) => {
    if (m === mode) return
    if (m === 'all') onChange(undefined)
    else if (m === 'last') onChange({ last_days: 30 })
    else if (m === 'between') onChange({ days_ago_from: 60, days_ago_to: 30 })
    else onChange({ since: '' })
  }
  const days = (label: string, v: number | undefined, set: (n: number | undefined) => void, min = 1) => (
    <NumberInput label={label} value={v} min={min} max={MAX_DAYS} step={1} onChange={set} />
  )
  return (
    <div className="seg-window" data-window={mode}>
      <Select label={t('window.label')} value={mode} onChange={setMode} options={(['all', 'last', 'between', 'since'] as const).map((m) => ({ value: m, label: t(`window.modes.${m}`) }))} />
      {mode === 'last' && days(t('window.lastDays'), value?.last_days, (n) => onChange({ ...(n !== undefined && { last_days: n }) }))}
      {mode === 'between' && (
        <>
          {days(t('window.from'), value?.days_ago_from, (n) => onChange({ ...value, days_ago_from: n, days_ago_to: value?.days_ago_to }))}
          {days(t('window.to'), value?.days_ago_to, (n) => onChange({ ...value, days_ago_from: value?.days_ago_from, days_ago_to: n }), 0)}
        </>
      )}
      {mode === 'since' && (
        <Labeled label={t('window.since')}>
          <input type="date" value={value?.since ?? ''} onChange={(e) => onChange({ since: e.target.value })} />
        </Labeled>
      )}
    </div>
  )
}
