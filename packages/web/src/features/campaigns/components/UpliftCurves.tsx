import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import { LazyChart } from '../../models/components/LazyChart.tsx'
import type { Results } from '../api/campaign-types.ts'
import { qiniChart, upliftChart, type Curves } from '../lib/curve-series.ts'

/**
 * How well the predicted uplift the audience was frozen with ranked who the send would move: the Qini curve
 * against the random line with its Qini coefficient, and the uplift among the top share; or why there are none.
 */
export function UpliftCurves({ results }: { results: Results }) {
  const { t } = useTranslation('campaignCurves')
  return (
    <section className="panel" aria-labelledby="curves-title" id="uplift-curves">
      <h2 id="curves-title">{t('title')}</h2>
      {results.curves
        ? <CurvesCharts curves={results.curves} />
        : <p className="muted" id="curves-reason" data-reason={results.curves_reason ?? ''}>{t(`reason.${results.curves_reason ?? 'no_uplift_scores'}`)}</p>}
    </section>
  )
}

function CurvesCharts({ curves }: { curves: Curves }) {
  const { t, i18n } = useTranslation('campaignCurves')
  const lang = i18n.language
  const qini = useMemo(() => qiniChart(curves, { x: t('share'), y: t('qiniAxis'), model: t('model'), random: t('random') }), [curves, t])
  const uplift = useMemo(() => upliftChart(curves, { x: t('share'), y: t('upliftAxis'), model: t('model'), random: t('random') }), [curves, t])
  return (
    <>
      <p id="qini-auc" data-value={curves.qini_auc}>
        {t('auc', { value: formatNumber(curves.qini_auc, lang, 3) })}{' '}
        <span className="muted">{t('measuredOn', { treated: formatNumber(curves.treated_scored, lang), holdout: formatNumber(curves.holdout_scored, lang) })}</span>
      </p>
      <p className="muted">{t('hint')}</p>
      <div className="model-charts">
        <figure className="panel">
          <figcaption>{t('qini')}</figcaption>
          <LazyChart id="qini-chart" chart={qini} label={t('qiniLabel')} />
        </figure>
        <figure className="panel">
          <figcaption>{t('uplift')}</figcaption>
          <LazyChart id="uplift-chart" chart={uplift} label={t('upliftLabel')} />
        </figure>
      </div>
    </>
  )
}
