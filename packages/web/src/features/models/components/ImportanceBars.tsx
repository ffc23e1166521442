import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import type { Importance } from '../lib/report-parts.ts'
import { FeatureName } from './FeatureName.tsx'

const SHOWN = 15

/** The inputs that weigh most in the model, as bars scaled to the strongest (the rest are listed on demand). */
export function ImportanceBars({ importance, method }: { importance: Importance; method: string | undefined }) {
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const max = Math.max(...importance.map((i) => Math.abs(i.importance)), 1e-12)
  const row = (i: Importance[number]) => (
    <li key={i.feature} data-feature={i.feature}>
      <span className="importance-name">
        <FeatureName name={i.feature} />
      </span>
      <span className="importance-bar" aria-hidden="true">
        <span style={{ width: `${(Math.abs(i.importance) / max) * 100}%` }} />
      </span>
      <span className="importance-value">{formatNumber(i.importance, lang, 3)}</span>
    </li>
  )
  return (
    <section className="panel" aria-labelledby="importance-title" id="importance">
      <h2 id="importance-title">{t('importance.title')}</h2>
      {method && (
        <p className="muted">
          {t('importance.method')} <span lang="en">{method}</span>
        </p>
      )}
      <ol className="importance-bars">{importance.slice(0, SHOWN).map(row)}</ol>
      {importance.length > SHOWN && (
        <details>
          <summary>{t('importance.more', { count: importance.length - SHOWN })}</summary>
          <ol className="importance-bars" start={SHOWN + 1}>
            {importance.slice(SHOWN).map(row)}
          </ol>
        </details>
      )}
    </section>
  )
}
