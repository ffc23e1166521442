import { useTranslation } from 'react-i18next'
import type { Headline } from '../lib/headline-metric.ts'
import { formatMetric } from '../lib/headline-metric.ts'
import { MetricName } from './MetricName.tsx'

/** "ROC-AUC 0.838 · baseline 0.792 ▲ better": the number a version is judged by, against its baseline. */
export function HeadlineMetric({ headline }: { headline: Headline }) {
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const h = headline
  return (
    <span className="model-headline" data-metric={h.name}>
      <MetricName name={h.name} /> <strong data-value>{formatMetric(h.value, lang)}</strong>
      {h.baseline !== null && (
        <>
          {' · '}
          {t('card.vsBaseline', { value: formatMetric(h.baseline, lang) })}
        </>
      )}
      {h.beatsBaseline !== undefined && (
        <span className={h.beatsBaseline ? 'model-better' : 'model-worse'}>
          {' '}
          {h.beatsBaseline ? `▲ ${t('card.better')}` : `▼ ${t('card.worse')}`}
        </span>
      )}
    </span>
  )
}
