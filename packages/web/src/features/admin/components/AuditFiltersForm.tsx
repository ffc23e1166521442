import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { FilterForm } from '../../../components/FilterForm.tsx'
import type { AuditFilters } from '../api/audit.ts'

/** The audit log's filters (exact actor, action, entity and id; a time range); applied on submit. */
export function AuditFiltersForm({ value, onChange }: { value: AuditFilters; onChange: (f: AuditFilters) => void }) {
  const { t } = useTranslation('admin')
  return (
    <FilterForm value={value} onChange={onChange} label={t('audit.filtersLabel')}>
      {(bind) => (
        <>
          <Field label={t('audit.actor')} hint={t('audit.actorHint')}>
            <input {...bind('actor')} maxLength={320} />
          </Field>
          <Field label={t('audit.action')} hint={t('audit.actionHint')}>
            <input {...bind('action')} maxLength={60} />
          </Field>
          <Field label={t('audit.entity')} hint={t('audit.entityHint')}>
            <input {...bind('entity')} maxLength={60} />
          </Field>
          <Field label={t('audit.entityId')}>
            <input {...bind('entity_id')} maxLength={100} size={8} />
          </Field>
          <Field label={t('audit.from')}>
            <input type="date" {...bind('from')} />
          </Field>
          <Field label={t('audit.to')}>
            <input type="date" {...bind('to')} />
          </Field>
        </>
      )}
    </FilterForm>
  )
}
