import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import type { Job } from '../../imports/api/jobs.ts'
import type { ModelKindSummary } from '../api/models.ts'
import { pickHeadline } from '../lib/headline-metric.ts'
import { HeadlineMetric } from './HeadlineMetric.tsx'
import { JobProgress } from './JobProgress.tsx'
import { StatusBadge } from './StatusBadge.tsx'

export const kindTitle = (k: Pick<ModelKindSummary, 'title'>, lang: string): string => (lang === 'zh-CN' ? k.title['zh-CN'] : k.title.en)

interface Props {
  summary: ModelKindSummary
  canTrain: boolean
  /** The training job started from this card, while it is followed. */
  jobId: string | undefined
  busy: boolean
  onTrain: () => void
  onJobFinished: (job: Job) => void
}

/**
 * One model kind: its active version with the headline backtest number against the baseline and when it
 * last scored, and — when the latest run did not become active — what happened to it (insufficient data,
 * failed, kept as a candidate). Analysts and admins can train a new version from here.
 */
export function ModelKindCard({ summary, canTrain, jobId, busy, onTrain, onJobFinished }: Props) {
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const { active, latest } = summary
  const headline = active ? pickHeadline(active.metrics) : undefined
  const latestOther = latest && latest.id !== active?.id ? latest : undefined
  const titleId = `model-kind-${summary.kind}`
  return (
    <article className="panel model-card" aria-labelledby={titleId} data-kind={summary.kind} data-active={active ? active.version : ''}>
      <header className="model-card-header">
        <h2 id={titleId}>{kindTitle(summary, lang)}</h2>
        {active ? <StatusBadge status="active" /> : <span className="badge model-status model-status-none">{t('card.noActive')}</span>}
      </header>
      {active ? (
        <dl className="model-facts">
          <div>
            <dt>{t('card.activeVersion')}</dt>
            <dd>
              <Link to={`/models/${active.id}`}>{t('version', { version: active.version })}</Link>
            </dd>
          </div>
          {headline && (
            <div>
              <dt>{t('card.headline')}</dt>
              <dd>
                <HeadlineMetric headline={headline} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t('card.lastScored')}</dt>
            <dd>
              {active.scored_at
                ? t('card.scoredRows', { at: formatDateTime(active.scored_at, lang), rows: formatNumber(active.scored_rows ?? 0, lang) })
                : t('card.notScored')}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{latest ? t('card.noActiveYet') : t('card.neverTrained')}</p>
      )}
      {latestOther && (
        <div className={`model-latest${latestOther.status === 'failed' || latestOther.status === 'insufficient_data' ? ' notice notice-error' : ' notice'}`} data-latest-status={latestOther.status}>
          <p>
            {t('card.latest')} <Link to={`/models/${latestOther.id}`}>{t('version', { version: latestOther.version })}</Link> <StatusBadge status={latestOther.status} />
          </p>
          {latestOther.reason && (
            <p className="model-reason" lang="en">
              {latestOther.reason}
            </p>
          )}
        </div>
      )}
      {canTrain && (
        <div className="model-card-actions">
          <button type="button" className="btn" disabled={busy} onClick={onTrain} data-train={summary.kind}>
            {t('card.train')}
          </button>
        </div>
      )}
      {jobId && <JobProgress jobId={jobId} onFinished={onJobFinished} id={`train-job-${summary.kind}`} />}
    </article>
  )
}
