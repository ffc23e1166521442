import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import type { CustomerFilters } from '../api/customers.ts'

/** The list's filters; applied on submit (Enter), so typing does not fire a request per key. */
export function CustomerFiltersForm({ value, onChange }: { value: CustomerFilters; onChange: (f: CustomerFilters) => void }) {
  const { t } = useTranslation('customers')
  const [draft, setDraft] = useState<CustomerFilters>(value)
  const set = (k: keyof CustomerFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onChange({ ...draft, country: draft.country?.toUpperCase() })
  }
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('filters.label')}>
      <Field label={t('filters.search')}>
        <input type="search" value={draft.q ?? ''} onChange={set('q')} placeholder={t('filters.searchHint')} maxLength={200} />
      </Field>
      <Field label={t('fields.city')}>
        <input value={draft.city ?? ''} onChange={set('city')} maxLength={120} />
      </Field>
      <Field label={t('fields.country')}>
        <input value={draft.country ?? ''} onChange={set('country')} maxLength={2} size={3} pattern="[A-Za-z]{2}" title={t('filters.countryHint')} />
      </Field>
      <Field label={t('fields.tag')}>
        <input value={draft.tag ?? ''} onChange={set('tag')} maxLength={60} />
      </Field>
      <Field label={t('filters.signedUpFrom')}>
        <input type="date" value={draft.signed_up_from ?? ''} onChange={set('signed_up_from')} />
      </Field>
      <Field label={t('filters.signedUpTo')}>
        <input type="date" value={draft.signed_up_to ?? ''} onChange={set('signed_up_to')} />
      </Field>
      <Field label={t('filters.hasOrders')}>
        <select value={draft.has_orders ?? ''} onChange={set('has_orders')}>
          <option value="">{t('filters.any')}</option>
          <option value="true">{t('filters.withOrders')}</option>
          <option value="false">{t('filters.withoutOrders')}</option>
        </select>
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
