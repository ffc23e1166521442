import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import { formatMetric } from '../lib/headline-metric.ts'
import type { Fairness } from '../lib/report-parts.ts'

/**
 * Per group of each sensitive attribute (gender, age band): rows, share flagged at the threshold, true and
 * false positive rates and AUC, with the demographic-parity and equal-opportunity differences.
 */
export function FairnessTables({ fairness }: { fairness: Fairness }) {
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const pct = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v))
  return (
    <section className="panel" aria-labelledby="fairness-title" id="fairness">
      <h2 id="fairness-title">{t('fairness.title')}</h2>
      <p className="muted">{t('fairness.hint')}</p>
      {Object.entries(fairness).map(([attribute, f]) => {
        const name = i18n.exists(`fairness.attributes.${attribute}`, { ns: 'models' }) ? t(`fairness.attributes.${attribute}`) : attribute
        return (
          <div key={attribute} className="table-scroll" data-attribute={attribute}>
            <table className="model-table fairness-table">
              <caption>
                {name} —{' '}
                {t('fairness.summary', {
                  threshold: formatMetric(f.threshold, lang),
                  dp: formatMetric(f.demographicParityDifference, lang),
                  eo: formatMetric(f.equalOpportunityDifference, lang),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('fairness.group')}</th>
                  <th scope="col" className="num">{t('fairness.rows')}</th>
                  <th scope="col" className="num">{t('fairness.positiveRate')}</th>
                  <th scope="col" className="num">{t('fairness.tpr')}</th>
                  <th scope="col" className="num">{t('fairness.fpr')}</th>
                  <th scope="col" className="num">{t('fairness.auc')}</th>
                </tr>
              </thead>
              <tbody>
                {f.groups.map((g) => (
                  <tr key={g.group}>
                    <td>{g.group === 'unknown' ? t('fairness.unknown') : g.group}</td>
                    <td className="num">{formatNumber(g.rows, lang)}</td>
                    <td className="num">{pct(g.positiveRate)}</td>
                    <td className="num">{pct(g.tpr)}</td>
                    <td className="num">{pct(g.fpr)}</td>
                    <td className="num">{formatMetric(g.auc, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
    </section>
  )
}
