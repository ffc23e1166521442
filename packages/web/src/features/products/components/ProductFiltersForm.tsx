import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { FilterForm } from '../../../components/FilterForm.tsx'
import type { ProductFilters } from '../api/products.ts'

/** The products list's filters (what GET /api/v1/products/ offers); applied on submit. */
export function ProductFiltersForm({ value, onChange }: { value: ProductFilters; onChange: (f: ProductFilters) => void }) {
  const { t } = useTranslation('products')
  return (
    <FilterForm value={value} onChange={onChange} label={t('filters.label')}>
      {(bind) => (
        <>
          <Field label={t('filters.search')}>
            <input type="search" {...bind('q')} placeholder={t('filters.searchHint')} maxLength={200} />
          </Field>
          <Field label={t('fields.category')}>
            <input {...bind('category')} maxLength={120} />
          </Field>
          <Field label={t('fields.brand')}>
            <input {...bind('brand')} maxLength={120} />
          </Field>
          <Field label={t('filters.priceMin')}>
            <input type="number" min={0} step="0.01" {...bind('price_min')} />
          </Field>
          <Field label={t('filters.priceMax')}>
            <input type="number" min={0} step="0.01" {...bind('price_max')} />
          </Field>
        </>
      )}
    </FilterForm>
  )
}
