import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import type { AuditFilters } from '../api/audit.ts'

/** The audit log's filters (exact actor, action, entity and id; a time range); applied on submit. */
export function AuditFiltersForm({ value, onChange }: { value: AuditFilters; onChange: (f: AuditFilters) => void }) {
  const { t } = useTranslation('admin')
  const [draft, setDraft] = useState<AuditFilters>(value)
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onChange(draft)
  }
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('audit.filtersLabel')}>
      <Field label={t('audit.actor')} hint={t('audit.actorHint')}>
        <input value={draft.actor ?? ''} onChange={set('actor')} maxLength={320} />
      </Field>
      <Field label={t('audit.action')} hint={t('audit.actionHint')}>
        <input value={draft.action ?? ''} onChange={set('action')} maxLength={60} />
      </Field>
      <Field label={t('audit.entity')} hint={t('audit.entityHint')}>
        <input value={draft.entity ?? ''} onChange={set('entity')} maxLength={60} />
      </Field>
      <Field label={t('audit.entityId')}>
        <input value={draft.entity_id ?? ''} onChange={set('entity_id')} maxLength={100} size={8} />
      </Field>
      <Field label={t('audit.from')}>
        <input type="date" value={draft.from ?? ''} onChange={set('from')} />
      </Field>
      <Field label={t('audit.to')}>
        <input type="date" value={draft.to ?? ''} onChange={set('to')} />
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
