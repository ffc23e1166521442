import { Link, useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format.ts'
import { customersUrl } from '../../customers/api/drill-filters.ts'
import { bandBars, histogramBars, monthRange, personaName, segmentBars, type BarData } from '../api/chart-data.ts'
import { barsOption, COLORS, revenueOption } from '../api/chart-options.ts'
import { useOverview } from '../api/insights.ts'
import type { Overview } from '../api/insights-types.ts'
import { Chart } from '../components/Chart.tsx'
import { DrillList } from '../components/DrillList.tsx'
import { Section } from '../components/Section.tsx'

/**
 * The landing page: revenue and orders over time, active customers, and what the models found (churn risk,
 * lifetime value, RFM segments, personas, recommendations). Every number links to the customers behind it.
 */
export default function OverviewPage() {
  const { t, i18n } = useTranslation('insights')
  const overview = useOverview(24)
  if (overview.isPending) return <Loading />
  if (overview.error) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
  return <OverviewBody o={overview.data} t={t} lang={i18n.language} />
}

function OverviewBody({ o, t, lang }: { o: Overview; t: (k: string, opts?: Record<string, unknown>) => string; lang: string }) {
  const navigate = useNavigate()
  const n = (v: number) => formatNumber(v, lang)
  const drillTo = (d: BarData) => (c: { dataIndex: number }) => {
    const f = d.drills[c.dataIndex]
    if (f) void navigate(customersUrl(f))
  }
  const list = (d: BarData, prefix: string) => d.labels.map((label, i) => ({ key: `${prefix}-${i}`, label, n: d.values[i] ?? 0, count: n(d.values[i] ?? 0), drill: d.drills[i] ?? {} }))

  const months = o.revenue_by_month
  const bands = o.churn_risk ? bandBars(o.churn_risk.bands, (b) => t(`bands.${b}`, { defaultValue: b })) : null
  const churnHist = o.churn_risk ? histogramBars(o.churn_risk.histogram, 'churn', (v) => formatNumber(v, lang, 2)) : null
  const clvHist = o.clv ? histogramBars(o.clv.histogram, 'clv', (v) => formatNumber(v, lang)) : null
  const rfm = segmentBars(o.rfm_segments, (s) => t(`segments.${s}`, { defaultValue: s }))
  const clusters: BarData = {
    labels: o.clusters.map((c) => personaName(c.persona, lang)),
    values: o.clusters.map((c) => c.customers),
    drills: o.clusters.map((c) => ({ cluster: String(c.cluster) })),
  }
  const scored = Object.values(o.scored_at).filter((v): v is string => v !== null).sort().at(-1)

  return (
    <section className="page overview-page">
      <header className="page-header">
        <h1>{t('overview.title')}</h1>
        <p className="muted">{scored ? t('overview.scoredAt', { at: formatDateTime(scored, lang) }) : t('overview.notScored')}</p>
      </header>

      <div className="kpis" id="kpis">
        {(['d30', 'd90', 'd365', 'total'] as const).map((k) => (
          <div key={k} className="kpi panel" data-kpi={k}>
            <div className="kpi-label">{t(`kpi.${k}`)}</div>
            <div className="kpi-value" data-value={o.active_customers[k]}>{n(o.active_customers[k])}</div>
          </div>
        ))}
      </div>

      <Section id="revenue" title={t('overview.revenue')} ready={months.length > 0}>
        <Chart
          className="insight-chart insight-chart-wide"
          label={t('overview.revenueLabel', { months: months.length })}
          option={revenueOption(months.map((m) => m.month), months.map((m) => m.revenue), months.map((m) => m.orders), { revenue: t('overview.revenueSeries'), orders: t('overview.ordersSeries') })}
          onClick={(c) => {
            const m = months[c.dataIndex]
            if (m) void navigate(`/orders?${new URLSearchParams(monthRange(m.month)).toString()}`)
          }}
        />
        <p className="muted">{t('overview.revenueHint')}</p>
      </Section>

      <div className="grid-2">
        <Section id="churn" kind="churn" title={t('overview.churn')} ready={bands !== null && bands.values.some((v) => v > 0)}>
          {bands && churnHist && (
            <>
              <Chart label={t('overview.churnLabel')} option={barsOption(bands, t('common.customers'), { color: '#b42318' })} onClick={drillTo(bands)} />
              <DrillList id="churn-bands" items={list(bands, 'band').map((i, k) => ({ ...i, key: String(bands.drills[k]?.churn_band) }))} />
              {churnHist.values.length > 0 && <Chart label={t('overview.churnHistLabel')} option={barsOption(churnHist, t('common.customers'))} onClick={drillTo(churnHist)} />}
            </>
          )}
        </Section>
        <Section id="clv" kind="clv" title={t('overview.clv')} ready={clvHist !== null && clvHist.values.length > 0}>
          {o.clv && clvHist && (
            <>
              <dl className="facts">
                <dt>{t('overview.clvTotal')}</dt>
                <dd data-stat="clv-total">{formatMoney(o.clv.total, lang)}</dd>
                <dt>{t('overview.clvMedian')}</dt>
                <dd data-stat="clv-median">{o.clv.median === null ? '—' : formatMoney(o.clv.median, lang)}</dd>
              </dl>
              <Chart label={t('overview.clvLabel')} option={barsOption(clvHist, t('common.customers'), { color: COLORS.GREEN })} onClick={drillTo(clvHist)} />
              <DrillList id="clv-bins" items={list(clvHist, 'clv')} />
            </>
          )}
        </Section>
      </div>

      <div className="grid-2">
        <Section id="rfm" kind="rfm" title={t('overview.rfm')} ready={o.rfm_segments.length > 0}>
          <Chart label={t('overview.rfmLabel')} option={barsOption(rfm, t('common.customers'), { horizontal: true })} onClick={drillTo(rfm)} />
          <DrillList id="rfm-segments" items={list(rfm, 'rfm')} />
        </Section>
        <Section id="clusters" kind="clusters" title={t('overview.clusters')} ready={o.clusters.length > 0}>
          <Chart label={t('overview.clustersLabel')} option={barsOption(clusters, t('common.customers'), { horizontal: true })} onClick={drillTo(clusters)} />
          <DrillList id="cluster-sizes" items={list(clusters, 'cluster')} />
        </Section>
      </div>

      <div className="grid-2">
        <Section id="best-sellers" title={t('overview.bestSellers')} ready={o.best_sellers.length > 0}>
          <table className="simple-table">
            <caption className="visually-hidden">{t('overview.bestSellers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.product')}</th>
                <th scope="col">{t('common.category')}</th>
                <th scope="col" className="num">{t('common.revenue')}</th>
                <th scope="col" className="num">{t('common.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {o.best_sellers.map((b) => (
                <tr key={b.product.id}>
                  <td>
                    <Link to={customersUrl({ bought_products: String(b.product.id) })} title={t('overview.whoBought')}>{b.product.name}</Link>
                  </td>
                  <td>{b.product.category ?? ''}</td>
                  <td className="num">{formatMoney(b.revenue, lang)}</td>
                  <td className="num">{n(b.quantity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section id="most-recommended" kind="recommend" title={t('overview.mostRecommended')} ready={o.most_recommended.length > 0}>
          <table className="simple-table">
            <caption className="visually-hidden">{t('overview.mostRecommended')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.product')}</th>
                <th scope="col">{t('common.category')}</th>
                <th scope="col" className="num">{t('overview.recommendedTo')}</th>
              </tr>
            </thead>
            <tbody>
              {o.most_recommended.map((b) => (
                <tr key={b.product.id}>
                  <td>
                    <Link to={customersUrl({ bought_products: String(b.product.id) })} title={t('overview.whoBought')}>{b.product.name}</Link>
                  </td>
                  <td>{b.product.category ?? ''}</td>
                  <td className="num">{n(b.customers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      </div>
    </section>
  )
}
