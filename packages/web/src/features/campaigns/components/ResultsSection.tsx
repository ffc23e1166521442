import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useCan } from '../../auth/api/session.ts'
import { resultsCsvUrl, useResults } from '../api/campaigns.ts'
import type { Campaign } from '../api/campaign-types.ts'
import { BreakdownTable } from './BreakdownTable.tsx'
import { GroupsTable } from './GroupsTable.tsx'
import { LiftSummary } from './LiftSummary.tsx'
import { UpliftCurves } from './UpliftCurves.tsx'
import { VariantChart } from './VariantChart.tsx'

/** What the send changed: treated against holdout, the lift with intervals, variants, uplift curves and breakdowns; 412 before start. */
export function ResultsSection({ campaign: c }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation('campaigns')
  const can = useCan()
  const results = useResults(c.id, c.status)
  const notYet = c.status === 'draft' || (results.error instanceof ApiError && results.error.code === 'precondition_failed')
  return (
    <>
      <section className="panel" aria-labelledby="results-title" id="campaign-results">
        <header className="insight-section-head">
          <h2 id="results-title">{t('results.title')}</h2>
          {!notYet && can('export') && (
            <a className="btn" href={resultsCsvUrl(c.id)} download={`campaign-${c.id}-results.csv`} id="results-csv">
              {t('results.download')}
            </a>
          )}
        </header>
        {notYet && <p className="muted" id="results-not-yet">{t('results.notYet')}</p>}
        {!notYet && results.isPending && <Loading />}
        {!notYet && results.error && <ErrorState error={results.error} onRetry={() => void results.refetch()} />}
        {results.data && (
          <>
            <p className={results.data.window_open ? 'notice' : 'muted'} id="attribution-window" data-open={String(results.data.window_open)}>
              {results.data.window_open
                ? t('results.windowOpen', { end: formatDateTime(results.data.window_end, i18n.language) })
                : t('results.windowClosed', { days: results.data.attribution_days })}
            </p>
            <GroupsTable treated={results.data.treated} holdout={results.data.holdout} id="results-groups" />
            <h3>{t('results.lift')}</h3>
            <LiftSummary lift={results.data.lift} />
          </>
        )}
      </section>
      {results.data && (
        <>
          <VariantChart results={results.data} />
          <UpliftCurves results={results.data} />
          <section className="panel" aria-labelledby="breakdown-title">
            <h2 id="breakdown-title" className="visually-hidden">{t('results.byRfm')}</h2>
            <BreakdownTable rows={results.data.breakdown.rfm} title={t('results.byRfm')} keyHeader={t('results.segment')} id="breakdown-rfm" />
            <BreakdownTable rows={results.data.breakdown.persona} title={t('results.byPersona')} keyHeader={t('results.persona')} id="breakdown-persona" />
          </section>
        </>
      )}
    </>
  )
}
