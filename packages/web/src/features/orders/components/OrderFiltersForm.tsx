import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { ORDER_CHANNELS, ORDER_STATUSES, type OrderFilters } from '../api/orders.ts'

/** The orders list's filters (what GET /api/v1/orders/ offers); applied on submit. */
export function OrderFiltersForm({ value, onChange }: { value: OrderFilters; onChange: (f: OrderFilters) => void }) {
  const { t } = useTranslation('orders')
  const [draft, setDraft] = useState<OrderFilters>(value)
  const set = (k: keyof OrderFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onChange({ ...draft, customer_id: draft.customer_id?.trim() })
  }
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('filters.label')}>
      <Field label={t('fields.status')}>
        <select value={draft.status ?? ''} onChange={set('status')}>
          <option value="">{t('filters.any')}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fields.channel')}>
        <select value={draft.channel ?? ''} onChange={set('channel')}>
          <option value="">{t('filters.any')}</option>
          {ORDER_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('filters.customer')}>
        <input value={draft.customer_id ?? ''} onChange={set('customer_id')} placeholder={t('filters.customerHint')} maxLength={200} />
      </Field>
      <Field label={t('filters.from')}>
        <input type="date" value={draft.from ?? ''} onChange={set('from')} />
      </Field>
      <Field label={t('filters.to')}>
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
