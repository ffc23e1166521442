import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { FilterForm } from '../../../components/FilterForm.tsx'
import { ORDER_CHANNELS, ORDER_STATUSES, type OrderFilters } from '../api/orders.ts'

/** The orders list's filters (what GET /api/v1/orders/ offers); applied on submit. */
export function OrderFiltersForm({ value, onChange }: { value: OrderFilters; onChange: (f: OrderFilters) => void }) {
  const { t } = useTranslation('orders')
  return (
    <FilterForm value={value} onChange={onChange} label={t('filters.label')} normalise={(draft) => ({ ...draft, customer_id: draft.customer_id?.trim() })}>
      {(bind) => (
        <>
          <Field label={t('fields.status')}>
            <select {...bind('status')}>
              <option value="">{t('filters.any')}</option>
              {ORDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('fields.channel')}>
            <select {...bind('channel')}>
              <option value="">{t('filters.any')}</option>
              {ORDER_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('filters.customer')}>
            <input {...bind('customer_id')} placeholder={t('filters.customerHint')} maxLength={200} />
          </Field>
          <Field label={t('filters.from')}>
            <input type="date" {...bind('from')} />
          </Field>
          <Field label={t('filters.to')}>
            <input type="date" {...bind('to')} />
          </Field>
        </>
      )}
    </FilterForm>
  )
}
