import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { JOB_STATES, type JobFilters } from '../api/jobs.ts'

/** Jobs by state and kind; applied on submit. */
export function JobFiltersForm({ value, onChange }: { value: JobFilters; onChange: (f: Record<string, string | undefined>) => void }) {
  const { t } = useTranslation('admin')
  const [draft, setDraft] = useState<Record<string, string | undefined>>(value)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onChange(draft)
  }
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('jobs.filtersLabel')}>
      <Field label={t('jobs.state')}>
        <select value={draft.state ?? ''} onChange={(e) => setDraft((d) => ({ ...d, state: e.target.value }))}>
          <option value="">{t('filters.any')}</option>
          {JOB_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`jobs.states.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('jobs.kind')} hint={t('jobs.kindHint')}>
        <input value={draft.kind ?? ''} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value }))} maxLength={60} />
      </Field>
      <div className="filters-actions">
        <button type="submit" className="btn btn-primary">
          {t('filters.apply')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setDraft({})
            onChange({})
          }}
        >
          {t('filters.clear')}
        </button>
      </div>
    </form>
  )
}
