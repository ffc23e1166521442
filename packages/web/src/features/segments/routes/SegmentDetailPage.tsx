import { useCallback, useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import { useCan } from '../../auth/api/session.ts'
import { JOBS_KEY, type Job } from '../../imports/api/jobs.ts'
import { JobProgress } from '../../models/components/JobProgress.tsx'
import { exportUrl, SEGMENTS_KEY, startSegmentRefresh, useSegment, useSegmentNames } from '../api/segments.ts'
import type { Segment } from '../api/segment-types.ts'
import { DefinitionText } from '../components/DefinitionText.tsx'
import { GrowthChart } from '../components/GrowthChart.tsx'
import { MembersTable } from '../components/MembersTable.tsx'
import { ServerError } from '../components/ServerError.tsx'
import { WhyPanel, type WhyTarget } from '../components/WhyPanel.tsx'

/** One segment: its definition in words, size and growth, members, refresh, export, and "why?" per customer. */
export default function SegmentDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation('segments')
  const segment = useSegment(id)
  const back = (
    <p>
      <Link to="/segments">← {t('edit.back')}</Link>
    </p>
  )
  if (segment.isPending) return <section className="page">{back}<Loading /></section>
  if (segment.error) {
    const missing = segment.error instanceof ApiError && (segment.error.code === 'not_found' || segment.error.code === 'validation_failed')
    return (
      <section className="page">
        {back}
        {missing ? (
          <div className="state" role="alert" id="segment-not-found">
            <h1>{t('detail.notFound')}</h1>
          </div>
        ) : (
          <ErrorState error={segment.error} onRetry={() => void segment.refetch()} />
        )}
      </section>
    )
  }
  return <Detail segment={segment.data} back={back} key={segment.data.id} />
}

function Detail({ segment: s, back }: { segment: Segment; back: ReactNode }) {
  const { t, i18n } = useTranslation('segments')
  const lang = i18n.language
  const can = useCan()
  const qc = useQueryClient()
  const toast = useToast()
  const names = useSegmentNames()
  const id = String(s.id)
  // A segment never refreshed yet (just created) has its first refresh queued: follow it too.
  const [jobId, setJobId] = useState<string | undefined>(s.member_count === null ? (s.refresh_job_id ?? undefined) : undefined)
  const [starting, setStarting] = useState(false)
  const [startError, setStartError] = useState<unknown>()
  const [whyTarget, setWhyTarget] = useState<WhyTarget>()

  const finished = useCallback(
    (job: Job) => {
      void qc.invalidateQueries({ queryKey: SEGMENTS_KEY })
      void qc.invalidateQueries({ queryKey: JOBS_KEY })
      if (job.state === 'completed') toast(t('detail.refreshed'))
    },
    [qc, toast, t],
  )
  const refresh = () => {
    setStarting(true)
    setStartError(undefined)
    startSegmentRefresh(s.id)
      .then((job) => setJobId(job.id), setStartError)
      .finally(() => setStarting(false))
  }

  return (
    <section className="page seg-detail">
      {back}
      <header className="page-header">
        <h1>
          <span data-i18n-skip>{s.name}</span> <span className="badge">{t(`kinds.${s.kind}`)}</span>
        </h1>
        <div className="seg-actions">
          {can('segments:write') && (
            <Link className="btn" to={`/segments/${s.id}/edit`} id="edit-segment">
              {t('detail.edit')}
            </Link>
          )}
          {can('segments:write') && (
            <button type="button" className="btn" id="refresh-segment" disabled={starting || jobId !== undefined} onClick={refresh}>
              {t('detail.refresh')}
            </button>
          )}
          {can('export') && (
            <a className="btn" href={exportUrl(s.id)} download={`segment-${s.id}.csv`} id="export-segment">
              {t('detail.export')}
            </a>
          )}
        </div>
      </header>
      {s.description && <p className="page-intro" data-i18n-skip>{s.description}</p>}
      {jobId && (
        <section className="panel" aria-labelledby="refresh-title">
          <h2 id="refresh-title">{t('detail.refreshing')}</h2>
          <JobProgress
            jobId={jobId}
            id="segment-refresh-job"
            onFinished={(job) => {
              finished(job)
              setJobId(undefined)
            }}
          />
        </section>
      )}
      {startError !== undefined && (
        <p className="notice notice-error" role="alert">
          <ServerError error={startError} />
        </p>
      )}
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('detail.facts')}</h2>
        <dl className="model-facts">
          <Fact label={t('list.members')} value={<span id="member-count" data-count={s.member_count ?? ''}>{s.member_count === null ? t('list.notRefreshed') : formatNumber(s.member_count, lang)}</span>} />
          <Fact label={t('list.refreshedAt')} value={s.refreshed_at ? formatDateTime(s.refreshed_at, lang) : t('list.never')} />
          <Fact label={t('detail.schedule')} value={s.kind === 'static' ? t('detail.static') : s.refresh_every_hours === null ? t('detail.onDemand') : t('detail.every', { hours: s.refresh_every_hours })} />
          <Fact label={t('detail.version')} value={t('detail.versionValue', { version: s.version })} />
          <Fact label={t('detail.createdBy')} value={<span data-i18n-skip>{s.created_by}</span>} />
          <Fact label={t('detail.updatedAt')} value={formatDateTime(s.updated_at, lang)} />
        </dl>
      </section>
      <section className="panel" aria-labelledby="definition-title">
        <h2 id="definition-title">{t('detail.definition')}</h2>
        <DefinitionText tree={s.tree} segments={names.data ?? new Map<number, string>()} />
      </section>
      <GrowthChart segmentId={id} />
      <MembersTable segmentId={id} onWhy={(m) => setWhyTarget({ id: m.id, externalId: m.external_id })} />
      <WhyPanel segmentId={id} tree={s.tree} target={whyTarget} onTarget={setWhyTarget} />
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
