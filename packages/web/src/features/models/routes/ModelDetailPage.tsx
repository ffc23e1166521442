import { useCallback, useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import { ApiError } from '../../../lib/api/api-error.ts'
import { useCan } from '../../auth/api/session.ts'
import { ConfirmDialog } from '../../admin/components/ConfirmDialog.tsx'
import { JOBS_KEY, type Job } from '../../imports/api/jobs.ts'
import { MODELS_KEY, startPromotion, useModel, useModels, type ModelDetail } from '../api/models.ts'
import { reportParts } from '../lib/report-parts.ts'
import { BacktestTables } from '../components/BacktestTables.tsx'
import { FairnessTables } from '../components/FairnessTables.tsx'
import { ImportanceBars } from '../components/ImportanceBars.tsx'
import { JobProgress } from '../components/JobProgress.tsx'
import { MetricsTable } from '../components/MetricsTable.tsx'
import { CalibrationChart, GainsChart, RocChart } from '../components/ModelCharts.tsx'
import { kindTitle } from '../components/ModelKindCard.tsx'
import { ReportTables } from '../components/ReportTables.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'
import { TrainingPanel } from '../components/TrainingPanel.tsx'

/**
 * One model version: status and why, the backtest against its baseline (metrics, ROC, reliability, gains,
 * decile tables), fairness by group, feature importance, the training data and options, whatever else the
 * kind reports, and — for models:train — promoting it or rolling back to it, with the job's progress.
 */
export default function ModelDetailPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const version = useModel(id)
  const models = useModels()
  const back = (
    <p>
      <Link to="/models">← {t('detail.back')}</Link>
    </p>
  )
  if (version.isPending) return <section className="page">{back}<Loading /></section>
  if (version.error) {
    const missing = version.error instanceof ApiError && (version.error.code === 'not_found' || version.error.code === 'validation_failed')
    return (
      <section className="page">
        {back}
        {missing ? (
          <div className="state" role="alert" id="model-not-found">
            <h1>{t('detail.notFound')}</h1>
          </div>
        ) : (
          <ErrorState error={version.error} onRetry={() => void version.refetch()} />
        )}
      </section>
    )
  }
  const v = version.data
  const summary = models.data?.kinds.find((k) => k.kind === v.kind)
  const title = summary ? kindTitle(summary, lang) : v.kind
  const parts = reportParts(v.report)
  return (
    <section className="page model-detail">
      {back}
      <header className="page-header">
        <h1>
          {title} · {t('version', { version: v.version })}
        </h1>
        <StatusBadge status={v.status} />
      </header>
      <section className="panel" aria-labelledby="status-title" id="version-status">
        <h2 id="status-title">{t('detail.status')}</h2>
        {v.reason && (
          <p className={`notice${v.status === 'failed' || v.status === 'insufficient_data' ? ' notice-error' : ''}`}>
            {t(`detail.reasonFor.${v.status}`)} <span lang="en">{v.reason}</span>
          </p>
        )}
        {parts.activation && (
          <p id="activation">
            {t(parts.activation.activate ? 'detail.activated' : 'detail.notActivated')} <span lang="en">{parts.activation.reason}</span>
          </p>
        )}
        <dl className="model-facts">
          <Fact label={t('detail.createdAt')} value={formatDateTime(v.created_at, lang)} />
          <Fact label={t('detail.finishedAt')} value={formatDateTime(v.finished_at, lang) || '—'} />
          <Fact label={t('detail.activatedAt')} value={formatDateTime(v.activated_at, lang) || '—'} />
          <Fact label={t('detail.scoredAt')} value={v.scored_at ? t('card.scoredRows', { at: formatDateTime(v.scored_at, lang), rows: formatNumber(v.scored_rows ?? 0, lang) }) : '—'} />
          <Fact label={t('detail.actor')} value={<span data-i18n-skip>{v.actor}</span>} />
        </dl>
        <PromoteAction version={v} title={title} activeVersion={summary?.active?.version} />
      </section>
      <MetricsTable metrics={v.metrics} baseline={parts.baseline} />
      {(parts.roc || parts.calibration || parts.lift) && (
        <div className="model-charts">
          {parts.roc && <RocChart roc={parts.roc} baseline={parts.baselineRoc} />}
          {parts.calibration && <CalibrationChart bins={parts.calibration} />}
          {parts.lift && <GainsChart lift={parts.lift} baseline={parts.baselineLift} />}
        </div>
      )}
      {parts.fairness && Object.keys(parts.fairness).length > 0 && <FairnessTables fairness={parts.fairness} />}
      {parts.importance && <ImportanceBars importance={parts.importance} method={typeof v.report.importance_method === 'string' ? v.report.importance_method : undefined} />}
      {(parts.lift || parts.calibration) && <BacktestTables {...(parts.lift && { lift: parts.lift })} {...(parts.baselineLift && { baselineLift: parts.baselineLift })} {...(parts.calibration && { calibration: parts.calibration })} />}
      <TrainingPanel version={v} />
      <ReportTables report={v.report} />
    </section>
  )
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
}

/** Promote a trained version, or roll back to a retired one: asked first, then the job followed live. */
function PromoteAction({ version, title, activeVersion }: { version: ModelDetail; title: string; activeVersion: number | undefined }) {
  const { t } = useTranslation('models')
  const can = useCan()
  const qc = useQueryClient()
  const [asking, setAsking] = useState(false)
  const [jobId, setJobId] = useState<string>()
  const finished = useCallback(
    (_job: Job) => {
      void qc.invalidateQueries({ queryKey: MODELS_KEY })
      void qc.invalidateQueries({ queryKey: JOBS_KEY })
      void qc.invalidateQueries({ queryKey: ['customer360'] })
    },
    [qc],
  )
  if (!can('models:train')) return null
  const possible = version.status === 'trained' || version.status === 'retired'
  if (!possible && !jobId) return null
  const rollBack = version.status === 'retired'
  const label = t(rollBack ? 'promote.rollBack' : 'promote.promote')
  return (
    <div className="model-promote">
      {possible && (
        <button type="button" className="btn" id="promote" disabled={jobId !== undefined} onClick={() => setAsking(true)}>
          {label}
        </button>
      )}
      {asking && (
        <ConfirmDialog
          title={label}
          confirmLabel={label}
          onClose={() => setAsking(false)}
          onConfirm={async () => setJobId((await startPromotion(version.id)).id)}
        >
          <p>
            {t(rollBack ? 'promote.confirmRollBack' : 'promote.confirmPromote', {
              title,
              version: t('version', { version: version.version }),
              active: activeVersion === undefined ? t('promote.none') : t('version', { version: activeVersion }),
            })}
          </p>
          <p className="muted">{t('promote.rescores')}</p>
        </ConfirmDialog>
      )}
      {jobId && <JobProgress jobId={jobId} onFinished={finished} id="promote-job" />}
    </div>
  )
}
