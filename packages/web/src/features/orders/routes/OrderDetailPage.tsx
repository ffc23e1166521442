import { Link, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format.ts'
import { lineTotal, useOrder } from '../api/orders.ts'

/** One order: who placed it, its state and total, and its lines. */
export default function OrderDetailPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation('orders')
  const lang = i18n.language
  const order = useOrder(id)
  const back = (
    <p>
      <Link to="/orders">← {t('detail.back')}</Link>
    </p>
  )

  if (order.isPending) return <section className="page">{back}<Loading /></section>
  if (order.error) {
    const missing = order.error instanceof ApiError && (order.error.code === 'not_found' || order.error.code === 'validation_failed')
    return (
      <section className="page">
        {back}
        {missing ? (
          <div className="state" role="alert" id="order-not-found">
            <h1>{t('detail.notFound.title')}</h1>
            <p>{t('detail.notFound.body', { id })}</p>
          </div>
        ) : (
          <ErrorState error={order.error} onRetry={() => void order.refetch()} />
        )}
      </section>
    )
  }

  const o = order.data
  const currency = o.currency ?? 'CNY'
  const sum = o.items.reduce((s, l) => s + lineTotal(l), 0)
  return (
    <section className="page">
      {back}
      <header className="page-header">
        <h1>{t('detail.title', { id: o.external_id })}</h1>
      </header>
      <section className="panel" aria-label={t('detail.title', { id: o.external_id })}>
        <dl className="facts" id="order-header">
          <dt>{t('fields.customer')}</dt>
          <dd>
            <Link to={`/customers/${o.customer_internal_id}`} data-i18n-skip>
              {o.customer_id}
            </Link>{' '}
            (<Link to={`/customers/${o.customer_internal_id}`}>{t('detail.customer360')}</Link>)
          </dd>
          <dt>{t('fields.status')}</dt>
          <dd data-status={o.status}>{t(`status.${o.status}`)}</dd>
          <dt>{t('fields.channel')}</dt>
          <dd>{t(`channel.${o.channel ?? 'none'}`)}</dd>
          <dt>{t('fields.total')}</dt>
          <dd>{formatMoney(o.total, lang, currency)}</dd>
          <dt>{t('fields.currency')}</dt>
          <dd data-i18n-skip>{currency}</dd>
          <dt>{t('fields.orderedAt')}</dt>
          <dd>{formatDateTime(o.ordered_at, lang)}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="lines-title">
        <h2 id="lines-title">{t('detail.lines')}</h2>
        {o.items.length === 0 ? (
          <p className="muted">{t('detail.noLines')}</p>
        ) : (
          <div className="table-scroll">
            <table id="order-lines">
              <caption className="visually-hidden">{t('detail.lines')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('detail.sku')}</th>
                  <th scope="col" className="num">{t('detail.quantity')}</th>
                  <th scope="col" className="num">{t('detail.unitPrice')}</th>
                  <th scope="col" className="num">{t('detail.lineTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {o.items.map((l) => (
                  <tr key={l.id}>
                    <td>{l.sku}</td>
                    <td className="num">{formatNumber(l.quantity, lang)}</td>
                    <td className="num">{formatMoney(l.unit_price, lang, currency)}</td>
                    <td className="num">{formatMoney(lineTotal(l), lang, currency)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('detail.linesTotal')}
                  </th>
                  <td className="num">{formatMoney(sum, lang, currency)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
    </section>
  )
}
