import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import type { ProductFilters } from '../api/products.ts'

/** The products list's filters (what GET /api/v1/products/ offers); applied on submit. */
export function ProductFiltersForm({ value, onChange }: { value: ProductFilters; onChange: (f: ProductFilters) => void }) {
  const { t } = useTranslation('products')
  const [draft, setDraft] = useState<ProductFilters>(value)
  const set = (k: keyof ProductFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onChange(draft)
  }
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('filters.label')}>
      <Field label={t('filters.search')}>
        <input type="search" value={draft.q ?? ''} onChange={set('q')} placeholder={t('filters.searchHint')} maxLength={200} />
      </Field>
      <Field label={t('fields.category')}>
        <input value={draft.category ?? ''} onChange={set('category')} maxLength={120} />
      </Field>
      <Field label={t('fields.brand')}>
        <input value={draft.brand ?? ''} onChange={set('brand')} maxLength={120} />
      </Field>
      <Field label={t('filters.priceMin')}>
        <input type="number" min={0} step="0.01" value={draft.price_min ?? ''} onChange={set('price_min')} />
      </Field>
      <Field label={t('filters.priceMax')}>
        <input type="number" min={0} step="0.01" value={draft.price_max ?? ''} onChange={set('price_max')} />
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
