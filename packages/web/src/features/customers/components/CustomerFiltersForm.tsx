import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { FilterForm } from '../../../components/FilterForm.tsx'
import type { CustomerFilters } from '../api/customers.ts'

/** The list's filters; applied on submit (Enter), so typing does not fire a request per key. */
export function CustomerFiltersForm({ value, onChange }: { value: CustomerFilters; onChange: (f: CustomerFilters) => void }) {
  const { t } = useTranslation('customers')
  return (
    <FilterForm value={value} onChange={onChange} label={t('filters.label')} normalise={(draft) => ({ ...draft, country: draft.country?.toUpperCase() })}>
      {(bind) => (
        <>
          <Field label={t('filters.search')}>
            <input type="search" {...bind('q')} placeholder={t('filters.searchHint')} maxLength={200} />
          </Field>
          <Field label={t('fields.city')}>
            <input {...bind('city')} maxLength={120} />
          </Field>
          <Field label={t('fields.country')}>
            <input {...bind('country')} maxLength={2} size={3} pattern="[A-Za-z]{2}" title={t('filters.countryHint')} />
          </Field>
          <Field label={t('fields.tag')}>
            <input {...bind('tag')} maxLength={60} />
          </Field>
          <Field label={t('filters.signedUpFrom')}>
            <input type="date" {...bind('signed_up_from')} />
          </Field>
          <Field label={t('filters.signedUpTo')}>
            <input type="date" {...bind('signed_up_to')} />
          </Field>
          <Field label={t('filters.hasOrders')}>
            <select {...bind('has_orders')}>
              <option value="">{t('filters.any')}</option>
              <option value="true">{t('filters.withOrders')}</option>
              <option value="false">{t('filters.withoutOrders')}</option>
            </select>
          </Field>
        </>
      )}
    </FilterForm>
  )
}
