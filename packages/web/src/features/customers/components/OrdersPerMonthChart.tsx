import { useEffect, useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { listOrders } from '../../orders/api/orders.ts'
import { ordersPerMonth } from '../api/orders-per-month.ts'
import { ErrorState, Loading } from '../../../components/States.tsx'

/**
 * A small bar chart of the customer's orders per month (up to their latest 500 orders). ECharts is loaded
 * on first render (orders-chart-echarts.ts), so it stays out of the dashboard's initial JavaScript.
 */
export function OrdersPerMonthChart({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation('customer360')
  const orders = useQuery({
    queryKey: ['orders-per-month', customerId],
    queryFn: () => listOrders({ customer_internal_id: String(customerId), sort: '-ordered_at', limit: 500 }),
  })
  const series = ordersPerMonth((orders.data?.data ?? []).map((o) => o.ordered_at))
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const el = box.current
    if (!el || series.length === 0) return
    let disposed = false
    let chart: { dispose(): void } | undefined
    void import('./orders-chart-echarts.ts').then(({ drawOrdersPerMonth }) => {
      if (!disposed) chart = drawOrdersPerMonth(el, series, { name: t('chart.title'), zh: i18n.language === 'zh-CN' })
    })
    return () => {
      disposed = true
      chart?.dispose()
    }
    // series is derived from orders.data: redraw when the answer or the language changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orders.data, i18n.language])

  if (orders.isPending) return <Loading label={t('chart.loading')} />
  if (orders.error) return <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
  if (series.length === 0) return null
  return <div ref={box} className="orders-chart" role="img" aria-label={t('chart.label', { months: series.filter((s) => s.count > 0).length })} />
}
