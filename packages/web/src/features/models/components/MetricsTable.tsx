import { useTranslation } from 'react-i18next'
import { formatMetric, lowerIsBetter, metricRows, type Metrics } from '../lib/headline-metric.ts'
import { MetricName } from './MetricName.tsx'

/** Every backtest metric of the version beside the baseline's, with the baseline named. */
export function MetricsTable({ metrics, baseline }: { metrics: Metrics; baseline: string | undefined }) {
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const rows = metricRows(metrics)
  const anyBaseline = rows.some((r) => r.baseline !== null)
  return (
    <section className="panel" aria-labelledby="metrics-title" id="metrics">
      <h2 id="metrics-title">{t('detail.metrics')}</h2>
      {baseline && (
        <p className="muted">
          {t('detail.baselineIs')} <span lang="en">{baseline}</span>
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">{t('detail.noMetrics')}</p>
      ) : (
        <div className="table-scroll">
          <table className="model-table" id="metrics-table">
            <caption className="visually-hidden">{t('detail.metrics')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.metric')}</th>
                <th scope="col" className="num">{t('detail.model')}</th>
                {anyBaseline && <th scope="col" className="num">{t('detail.baseline')}</th>}
                {anyBaseline && <th scope="col">{t('detail.direction')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.name} data-metric={r.name}>
                  <td>
                    <MetricName name={r.name} />
                  </td>
                  <td className="num">{formatMetric(r.value, lang)}</td>
                  {anyBaseline && <td className="num">{formatMetric(r.baseline, lang)}</td>}
                  {anyBaseline && <td>{r.baseline === null ? '' : t(lowerIsBetter(r.name) ? 'detail.lowerBetter' : 'detail.higherBetter')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
