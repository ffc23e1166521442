import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { daysBetween, MAX_DAYS, parseDay, PRESETS, type DayRange } from '../lib/report-range.ts'

/**
 * The reports' range: the last 7, 30 or 90 days with one click, or any two days (both included) applied with the
 * form. The picked range lives in the address, so a report can be bookmarked and shared.
 */
export function ReportRangePicker({ range, preset, onPreset, onRange }: { range: DayRange; preset: number | null; onPreset: (days: number) => void; onRange: (r: DayRange) => void }) {
  const { t } = useTranslation('deskAdmin')
  const [from, setFrom] = useState(range.from)
  const [to, setTo] = useState(range.to)
  const [error, setError] = useState<string | undefined>()
  // A preset (or the address) changed the range: the fields follow it.
  const [shown, setShown] = useState(range)
  if (shown.from !== range.from || shown.to !== range.to) {
    setShown(range)
    setFrom(range.from)
    setTo(range.to)
    setError(undefined)
  }
  return (
    <form
      className="filters desk-report-range"
      id="desk-report-range"
      aria-label={t('range.label')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        const f = parseDay(from)
        const l = parseDay(to)
        if (!f || !l) return setError(t('range.invalid'))
        if (f > l) return setError(t('range.order'))
        if (daysBetween({ from, to }).length > MAX_DAYS) return setError(t('range.tooLong', { days: MAX_DAYS }))
        setError(undefined)
        onRange({ from, to })
      }}
    >
      <div className="filters-actions" role="group" aria-label={t('range.presets')}>
        {PRESETS.map((d) => (
          <button key={d} type="button" className={`btn btn-small${preset === d ? ' btn-selected' : ''}`} aria-pressed={preset === d} data-preset={d} onClick={() => onPreset(d)}>
            {t('range.last', { days: d })}
          </button>
        ))}
      </div>
      <Field label={t('range.from')}>
        <input type="date" data-field="from" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <Field label={t('range.to')} error={error}>
        <input type="date" data-field="to" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
      </Field>
      <div className="filters-actions">
        <button type="submit" className="btn" id="desk-report-apply">
          {t('range.apply')}
        </button>
      </div>
    </form>
  )
}
