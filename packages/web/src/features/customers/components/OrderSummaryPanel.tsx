import { useTranslation } from 'react-i18next'
import { formatDate, formatMoney, formatNumber } from '../../../lib/format.ts'
import type { OrderSummary } from '../api/customer-360.ts'

/** Count, revenue, first and last order, average order value and the top categories, as the server sums them. */
export function OrderSummaryPanel({ summary }: { summary: OrderSummary }) {
  const { t, i18n } = useTranslation('customer360')
  const lang = i18n.language
  return (
    <section className="panel" aria-labelledby="summary-title" id="order-summary">
      <h2 id="summary-title">{t('summary.title')}</h2>
      {summary.orders === 0 ? (
        <p className="muted">{t('summary.noOrders')}</p>
      ) : (
        <>
          <dl className="stats">
            <div>
              <dt>{t('summary.orders')}</dt>
              <dd data-stat="orders">{formatNumber(summary.orders, lang)}</dd>
            </div>
            <div>
              <dt>{t('summary.revenue')}</dt>
              <dd data-stat="revenue">{formatMoney(summary.revenue, lang)}</dd>
            </div>
            <div>
              <dt>{t('summary.averageOrderValue')}</dt>
              <dd data-stat="aov">{summary.average_order_value === null ? '—' : formatMoney(summary.average_order_value, lang)}</dd>
            </div>
            <div>
              <dt>{t('summary.revenueOrders')}</dt>
              <dd>{formatNumber(summary.revenue_orders, lang)}</dd>
            </div>
            <div>
              <dt>{t('summary.firstOrderAt')}</dt>
              <dd>{formatDate(summary.first_order_at, lang)}</dd>
            </div>
            <div>
              <dt>{t('summary.lastOrderAt')}</dt>
              <dd>{formatDate(summary.last_order_at, lang)}</dd>
            </div>
          </dl>
          <p className="muted">{t('summary.revenueNote')}</p>
          {summary.top_categories.length > 0 && (
            <>
              <h3>{t('summary.topCategories')}</h3>
              <ol className="top-categories">
                {summary.top_categories.map((c) => (
                  <li key={c.category ?? ''}>
                    {c.category === null ? t('summary.uncategorized') : <span data-i18n-skip>{c.category}</span>} —{' '}
                    {formatMoney(c.revenue, lang)} · ×{formatNumber(c.quantity, lang)}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  )
}
