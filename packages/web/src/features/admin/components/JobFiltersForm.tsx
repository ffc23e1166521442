import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { FilterForm } from '../../../components/FilterForm.tsx'
import { JOB_STATES, type JobFilters } from '../api/jobs.ts'

/** Jobs by state and kind; applied on submit. */
export function JobFiltersForm({ value, onChange }: { value: JobFilters; onChange: (f: Record<string, string | undefined>) => void }) {
  const { t } = useTranslation('admin')
  return (
    <FilterForm value={value} onChange={onChange} label={t('jobs.filtersLabel')}>
      {(bind) => (
        <>
          <Field label={t('jobs.state')}>
            <select {...bind('state')}>
              <option value="">{t('filters.any')}</option>
              {JOB_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`jobs.states.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('jobs.kind')} hint={t('jobs.kindHint')}>
            <input {...bind('kind')} maxLength={60} />
          </Field>
        </>
      )}
    </FilterForm>
  )
}
