import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useModels } from '../../models/api/models.ts'
import type { Customer360 } from '../api/customer-360.ts'
import { MODEL_KIND_OF, profilingRevoked, scoreOf, type ScoreKind } from '../api/intelligence.ts'
import { ChurnInsight } from './ChurnInsight.tsx'
import { RecommendationsInsight } from './RecommendationsInsight.tsx'
import { ClvInsight, NextCategoryInsight, PersonaInsight, RfmInsight } from './ValueInsights.tsx'

type Insight = ScoreKind | 'recommendations'
const ORDER: Insight[] = ['churn', 'clv', 'next_category', 'rfm', 'cluster', 'recommendations']

/**
 * What the active models say about this customer: churn risk with its reasons, lifetime value, next
 * category, RFM segment, persona and recommendations. A panel appears for each model kind this build has;
 * without a result it says why: no profiling consent (nothing is stored, by design), no active model yet,
 * or not scored (e.g. churn scores only customers with a completed order).
 */
export function IntelligencePanels({ view }: { view: Customer360 }) {
  const { t } = useTranslation('intelligence')
  const models = useModels()
  const intel = view.intelligence
  const revoked = profilingRevoked(view.consents.history)
  const kinds = new Map((models.data?.kinds ?? []).map((k) => [k.kind as string, k]))
  // A revocation newer than the last scoring run: its stored results are shown to no one (the next run deletes them).
  const has = (i: Insight) => !revoked && (i === 'recommendations' ? intel.recommendations.length > 0 : scoreOf(intel, i) !== undefined)
  // Before the registry answers, show what is stored; after, one panel per kind the build has.
  const shown = ORDER.filter((i) => has(i) || kinds.has(MODEL_KIND_OF[i]))

  const absent = (i: Insight): ReactNode => {
    const kind = kinds.get(MODEL_KIND_OF[i])
    const state = revoked ? 'noConsent' : kind && !kind.active ? 'noModel' : 'notScored'
    return (
      <p className="muted insight-absent" data-absent={state}>
        {t(`absent.${state}`)}
        {state === 'notScored' && i === 'churn' && ` ${t('absent.churnNeedsOrder')}`}
      </p>
    )
  }
  const body = (i: Insight): ReactNode => {
    if (!has(i)) return absent(i)
    if (i === 'recommendations') return <RecommendationsInsight recommendations={intel.recommendations} />
    const s = scoreOf(intel, i)
    if (!s) return absent(i)
    switch (i) {
      case 'churn':
        return <ChurnInsight score={s} />
      case 'clv':
        return <ClvInsight score={s} />
      case 'next_category':
        return <NextCategoryInsight score={s} />
      case 'rfm':
        return <RfmInsight score={s} />
      case 'cluster':
        return <PersonaInsight score={s} />
    }
  }

  return (
    <section className="panel" aria-labelledby="insights-title" id="insights">
      <h2 id="insights-title">{t('title')}</h2>
      {revoked && (
        <p className="notice" id="no-profiling-consent">
          {t('noConsent')}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted">{models.isPending ? t('loading') : t('none')}</p>
      ) : (
        <div className="insights">
          {shown.map((i) => (
            <div key={i} className={`insight${i === 'recommendations' ? ' insight-wide' : ''}`} data-insight={i} data-scored={has(i) ? 'yes' : 'no'}>
              <h3>{t(`${i}.title`)}</h3>
              {body(i)}
            </div>
          ))}
        </div>
      )}
    </section>
  )
}
