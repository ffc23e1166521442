import { useTranslation } from 'react-i18next'

const INSIGHTS = ['churn', 'ltv', 'recommendations', 'segment'] as const

/**
 * Where issue 15's model outputs will go (churn risk with reasons, lifetime value, recommendations,
 * segment and persona). Until models are trained they say so; no number is made up.
 */
export function InsightPlaceholders() {
  const { t } = useTranslation('customer360')
  return (
    <section className="panel" aria-labelledby="insights-title" id="insights">
      <h2 id="insights-title">{t('insights.title')}</h2>
      <div className="insights">
        {INSIGHTS.map((k) => (
          <div key={k} className="placeholder" data-insight={k}>
            <h3>{t(`insights.${k}.title`)}</h3>
            <p>{t(`insights.${k}.body`)}</p>
            <p>
              <strong>{t('insights.pending')}</strong>
            </p>
          </div>
        ))}
      </div>
    </section>
  )
}
