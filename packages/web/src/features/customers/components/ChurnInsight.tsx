import { useTranslation } from 'react-i18next'
import { FeatureName } from '../../models/components/FeatureName.tsx'
import { featureValue } from '../../models/lib/feature-labels.ts'
import { churnReasons, type StoredScore } from '../api/intelligence.ts'
import { InsightFooter, percent } from './insight-parts.tsx'

/** Churn risk: the probability, its band and percentile, and the top reasons in words with their direction. */
export function ChurnInsight({ score }: { score: StoredScore }) {
  const { t, i18n } = useTranslation('intelligence')
  const { t: tm } = useTranslation('models')
  const lang = i18n.language
  const reasons = churnReasons(score.reasons).slice(0, 5)
  return (
    <>
      <p className="insight-figure">
        <strong data-value="churn">{score.score === null ? '—' : percent(score.score, lang)}</strong>{' '}
        {score.band && <span className={`badge risk risk-${score.band}`}>{t(`churn.bands.${score.band}`, { defaultValue: score.band })}</span>}
      </p>
      {score.percentile !== null && <p className="muted">{t('churn.percentile', { pct: Math.round(score.percentile) })}</p>}
      {reasons.length > 0 && (
        <>
          <h4>{t('churn.reasons')}</h4>
          <ul className="insight-reasons" id="churn-reasons">
            {reasons.map((r) => (
              <li key={r.feature} data-feature={r.feature} data-direction={r.direction}>
                <FeatureName name={r.feature} />: <span data-i18n-skip>{featureValue(r.feature, r.value, lang, tm)}</span>{' '}
                <span className={r.direction === 'up' ? 'effect-up' : 'effect-down'}>
                  {r.direction === 'up' ? `↑ ${t('churn.raises')}` : `↓ ${t('churn.lowers')}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <InsightFooter score={score} />
    </>
  )
}
