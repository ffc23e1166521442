import { useTranslation } from 'react-i18next'
import { formatMoney, formatNumber } from '../../../lib/format.ts'
import { categoryProbabilities, clvDetails, personaName, type StoredScore } from '../api/intelligence.ts'
import { InsightFooter, percent } from './insight-parts.tsx'
import { rfmKey } from '../lib/rfm-segments.ts'

/** Customer lifetime value: the expected value over the next 12 months, P(alive) and expected orders. */
export function ClvInsight({ score }: { score: StoredScore }) {
  const { t, i18n } = useTranslation('intelligence')
  const lang = i18n.language
  const d = clvDetails(score.details)
  return (
    <>
      <p className="insight-figure">
        <strong data-value="clv">{score.score === null ? '—' : formatMoney(score.score, lang)}</strong> <span className="muted">{t('clv.horizon')}</span>
      </p>
      <dl className="insight-facts">
        {d.pAlive !== undefined && (
          <div>
            <dt>{t('clv.pAlive')}</dt>
            <dd data-value="p_alive">{percent(d.pAlive, lang)}</dd>
          </div>
        )}
        {d.expectedOrders !== undefined && (
          <div>
            <dt>{t('clv.expectedOrders')}</dt>
            <dd data-value="expected_orders">{formatNumber(d.expectedOrders, lang, 1)}</dd>
          </div>
        )}
        {score.percentile !== null && (
          <div>
            <dt>{t('clv.percentile')}</dt>
            <dd>{formatNumber(score.percentile, lang)}</dd>
          </div>
        )}
      </dl>
      <InsightFooter score={score} />
    </>
  )
}

/** The category the customer is most likely to buy from next, with the runners-up. */
export function NextCategoryInsight({ score }: { score: StoredScore }) {
  const { i18n } = useTranslation('intelligence')
  const lang = i18n.language
  const probs = categoryProbabilities(score.details).slice(0, 3)
  return (
    <>
      <p className="insight-figure">
        <strong data-i18n-skip data-value="next_category">{score.label ?? '—'}</strong>
        {score.score !== null && <span className="muted"> {percent(score.score, lang)}</span>}
      </p>
      {probs.length > 1 && (
        <ol className="insight-list">
          {probs.map((p) => (
            <li key={p.category}>
              <span data-i18n-skip>{p.category}</span> {percent(p.probability, lang)}
            </li>
          ))}
        </ol>
      )}
      <InsightFooter score={score} />
    </>
  )
}

/** The RFM segment in words, with the recency, frequency and monetary scores (1–5). */
export function RfmInsight({ score }: { score: StoredScore }) {
  const { t } = useTranslation('intelligence')
  const key = rfmKey(score.label)
  const d = (typeof score.details === 'object' && score.details !== null ? score.details : {}) as Record<string, unknown>
  const parts = (['r', 'f', 'm'] as const).filter((k) => typeof d[k] === 'number')
  return (
    <>
      <p className="insight-figure">
        <strong data-value="rfm">{key ? t(`rfm.segments.${key}`) : <span lang="en">{score.label ?? '—'}</span>}</strong>
      </p>
      {parts.length > 0 && <p className="muted">{parts.map((k) => t(`rfm.${k}`, { n: d[k] as number })).join(' · ')}</p>}
      <InsightFooter score={score} />
    </>
  )
}

/** The persona (the customer's cluster, described) in the UI language. */
export function PersonaInsight({ score }: { score: StoredScore }) {
  const { i18n } = useTranslation('intelligence')
  const name = personaName(score, i18n.language)
  return (
    <>
      <p className="insight-figure">
        <strong data-value="persona" {...(i18n.language === 'zh-CN' && !/[\u4e00-\u9fff]/.test(name ?? '') && { lang: 'en' })}>
          {name ?? '—'}
        </strong>
      </p>
      <InsightFooter score={score} />
    </>
  )
}
