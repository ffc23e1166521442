import { Link, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { useCustomer360 } from '../api/customer-360.ts'
import { ConsentsPanel } from '../components/ConsentsPanel.tsx'
import { IntelligencePanels } from '../components/IntelligencePanels.tsx'
import { OrderSummaryPanel } from '../components/OrderSummaryPanel.tsx'
import { OrdersPerMonthChart } from '../components/OrdersPerMonthChart.tsx'
import { ProfilePanel } from '../components/ProfilePanel.tsx'
import { TimelinePanel } from '../components/TimelinePanel.tsx'
import { CustomerSegmentsPanel } from '../../segments/components/CustomerSegmentsPanel.tsx'

/** One customer's whole picture: profile, consents, orders, timeline, and what the active models say about them. */
export default function Customer360Page() {
  const { id = '' } = useParams()
  const { t } = useTranslation('customer360')
  const view = useCustomer360(id)
  const back = (
    <p>
      <Link to="/customers">← {t('back')}</Link>
    </p>
  )

  if (view.isPending) return <section className="page">{back}<Loading /></section>
  if (view.error) {
    // A malformed id (400) is as missing as an unknown one (404) to the reader.
    const missing = view.error instanceof ApiError && (view.error.code === 'not_found' || view.error.code === 'validation_failed')
    return (
      <section className="page">
        {back}
        {missing ? (
          <div className="state" role="alert" id="customer-not-found">
            <h1>{t('notFound.title')}</h1>
            <p>{t('notFound.body', { id })}</p>
          </div>
        ) : (
          <ErrorState error={view.error} onRetry={() => void view.refetch()} />
        )}
      </section>
    )
  }

  const v = view.data
  return (
    <section className="page customer-360">
      {back}
      <header className="page-header">
        <h1>
          {t('title')}: <span data-i18n-skip>{v.profile.name ?? v.profile.external_id}</span>
        </h1>
      </header>
      <div className="grid-2">
        <div>
          <ProfilePanel profile={v.profile} />
          <ConsentsPanel consents={v.consents} />
          <CustomerSegmentsPanel customerId={v.profile.id} />
        </div>
        <div>
          <OrderSummaryPanel summary={v.order_summary} />
          {v.order_summary.orders > 0 && (
            <section className="panel" aria-labelledby="chart-title">
              <h2 id="chart-title">{t('chart.title')}</h2>
              <OrdersPerMonthChart customerId={v.profile.id} />
            </section>
          )}
          <IntelligencePanels view={v} />
        </div>
      </div>
      <TimelinePanel view={v} />
    </section>
  )
}
