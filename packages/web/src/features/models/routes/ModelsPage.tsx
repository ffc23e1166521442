import { useCallback, useState } from 'react'
import { Link } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { ErrorState, errorMessage, Loading } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import { useCan } from '../../auth/api/session.ts'
import { JOBS_KEY, type Job } from '../../imports/api/jobs.ts'
import { MODELS_KEY, startRefresh, startTraining, useModels, type ModelKindName, type ModelVersion } from '../api/models.ts'
import { pickHeadline } from '../lib/headline-metric.ts'
import { HeadlineMetric } from '../components/HeadlineMetric.tsx'
import { JobProgress } from '../components/JobProgress.tsx'
import { kindTitle, ModelKindCard } from '../components/ModelKindCard.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'

/**
 * The model registry: a card per kind (active version, headline number vs baseline, last scoring, what
 * happened to the latest run), training per kind and a full refresh with live progress for roles with
 * models:train, and every version newest first.
 */
export default function ModelsPage() {
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const can = useCan()
  const toast = useToast()
  const qc = useQueryClient()
  const models = useModels()
  const [trainJobs, setTrainJobs] = useState<Partial<Record<ModelKindName, string>>>({})
  const [running, setRunning] = useState<ReadonlySet<ModelKindName>>(new Set())
  const [refreshJob, setRefreshJob] = useState<string>()
  const [starting, setStarting] = useState(false)
  const canTrain = can('models:train')

  const finished = useCallback(
    (job: Job) => {
      void qc.invalidateQueries({ queryKey: MODELS_KEY })
      void qc.invalidateQueries({ queryKey: JOBS_KEY })
      // A new version changes what the 360° views show.
      void qc.invalidateQueries({ queryKey: ['customer360'] })
      if (job.state === 'failed') toast(t('job.failed'), 'error')
    },
    [qc, toast, t],
  )

  const train = (kind: ModelKindName) => {
    setStarting(true)
    startTraining(kind)
      .then(
        (job) => {
          setTrainJobs((m) => ({ ...m, [kind]: job.id }))
          setRunning((r) => new Set(r).add(kind))
        },
        (err: unknown) => toast(errorMessage(err, t), 'error'),
      )
      .finally(() => setStarting(false))
  }
  const refresh = () => {
    setStarting(true)
    startRefresh()
      .then((job) => setRefreshJob(job.id), (err: unknown) => toast(errorMessage(err, t), 'error'))
      .finally(() => setStarting(false))
  }

  const titles = new Map((models.data?.kinds ?? []).map((k) => [k.kind, kindTitle(k, lang)]))
  const columns: Column<ModelVersion>[] = [
    { key: 'kind', header: t('versions.kind'), render: (v) => titles.get(v.kind) ?? v.kind },
    { key: 'version', header: t('versions.version'), render: (v) => <Link to={`/models/${v.id}`}>{t('version', { version: v.version })}</Link> },
    { key: 'status', header: t('versions.status'), render: (v) => <StatusBadge status={v.status} /> },
    {
      key: 'headline',
      header: t('versions.headline'),
      render: (v) => {
        const h = pickHeadline(v.metrics)
        return h ? <HeadlineMetric headline={h} /> : ''
      },
    },
    { key: 'reason', header: t('versions.reason'), render: (v) => (v.reason ? <span lang="en">{v.reason}</span> : '') },
    { key: 'created_at', header: t('versions.createdAt'), render: (v) => formatDateTime(v.created_at, lang) },
    { key: 'activated_at', header: t('versions.activatedAt'), render: (v) => formatDateTime(v.activated_at, lang) },
    { key: 'scored_rows', header: t('versions.scoredRows'), render: (v) => formatNumber(v.scored_rows, lang), align: 'end' },
    { key: 'actor', header: t('versions.actor'), render: (v) => v.actor, hiddenByDefault: true },
  ]

  const busy = starting || refreshJob !== undefined
  return (
    <section className="page models-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        {canTrain && (
          <button type="button" className="btn btn-primary" id="refresh-all" disabled={busy} onClick={refresh}>
            {t('refreshAll')}
          </button>
        )}
      </header>
      <p className="page-intro">{t('intro')}</p>
      {refreshJob && (
        <section className="panel" aria-labelledby="refresh-title">
          <h2 id="refresh-title">{t('refreshTitle')}</h2>
          <JobProgress
            jobId={refreshJob}
            id="refresh-job"
            onFinished={(job) => {
              finished(job)
              setRefreshJob(undefined)
              toast(job.state === 'completed' ? t('refreshDone') : t('job.failed'), job.state === 'completed' ? 'success' : 'error')
            }}
          />
        </section>
      )}
      {models.isPending && <Loading />}
      {models.error && <ErrorState error={models.error} onRetry={() => void models.refetch()} />}
      {models.data && (
        <>
          <div className="model-cards">
            {models.data.kinds.map((k) => (
              <ModelKindCard
                key={k.kind}
                summary={k}
                canTrain={canTrain}
                jobId={trainJobs[k.kind]}
                busy={busy || running.has(k.kind)}
                onTrain={() => train(k.kind)}
                onJobFinished={(job) => {
                  setRunning((r) => new Set([...r].filter((x) => x !== k.kind)))
                  finished(job)
                }}
              />
            ))}
          </div>
          <section className="panel" aria-labelledby="versions-title">
            <h2 id="versions-title">{t('versions.title')}</h2>
            <DataTable id="model-versions" caption={t('versions.title')} columns={columns} rows={models.data.data} rowKey={(v) => v.id} empty={t('versions.empty')} />
          </section>
        </>
      )}
    </section>
  )
}
