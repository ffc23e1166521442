import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useUrlState } from '../../../lib/use-url-state.ts'
import { useCan } from '../../auth/api/session.ts'
import { cancelJob, cleanJobFilters, isUnfinished, JOB_FILTER_KEYS, listJobs, refreshInterval, type Job } from '../api/jobs.ts'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { JobFiltersForm } from '../components/JobFiltersForm.tsx'

const JOBS_KEY = ['admin', 'jobs'] as const

/** Background work of the workspace with live progress while something runs; queued or running jobs can be cancelled. */
export default function JobsPage() {
  const { t, i18n } = useTranslation('admin')
  const can = useCan()
  const toast = useToast()
  const qc = useQueryClient()
  const { filters, setFilters } = useUrlState<Record<(typeof JOB_FILTER_KEYS)[number], string | undefined>>(JOB_FILTER_KEYS, '-created_at')
  const active = cleanJobFilters(filters)
  const list = useCursorPages({ key: JOBS_KEY, filters: active, sort: '-created_at', fetchPage: listJobs })
  const [cancelling, setCancelling] = useState<Job | null>(null)
  const lang = i18n.language
  const mayCancel = can('jobs:cancel')

  // While a job shown is queued or running, ask again every few seconds (the hook's query has no interval of its own).
  const interval = refreshInterval(list.rows)
  const { refetch } = list
  useEffect(() => {
    if (interval === false) return
    const timer = setInterval(() => void refetch(), interval)
    return () => clearInterval(timer)
  }, [interval, refetch])

  const cancel = async (j: Job) => {
    await cancelJob(j.id)
    await qc.invalidateQueries({ queryKey: JOBS_KEY })
    toast(t('jobs.cancelled'))
  }

  const columns: Column<Job>[] = [
    { key: 'kind', header: t('jobs.kind'), render: (j) => <code>{j.kind}</code> },
    { key: 'state', header: t('jobs.state'), render: (j) => <span className={`badge job-state job-state-${j.state}`}>{t(`jobs.states.${j.state}`)}</span> },
    {
      key: 'progress',
      header: t('jobs.progress'),
      render: (j) => (
        <span className="job-progress">
          <progress className="progress" max={1} value={j.progress} aria-label={t('jobs.progressOf', { kind: j.kind })} />
          <span>{formatNumber(j.progress * 100, lang)}%</span>
        </span>
      ),
    },
    { key: 'message', header: t('jobs.message'), render: (j) => j.message ?? '' },
    { key: 'error', header: t('jobs.error'), render: (j) => (j.error ? <span className="job-error">{j.error}</span> : '') },
    { key: 'actor', header: t('jobs.actor'), render: (j) => j.actor },
    { key: 'attempts', header: t('jobs.attempts'), render: (j) => formatNumber(j.attempts, lang), align: 'end', hiddenByDefault: true },
    { key: 'created_at', header: t('jobs.createdAt'), render: (j) => formatDateTime(j.created_at, lang) },
    { key: 'started_at', header: t('jobs.startedAt'), render: (j) => formatDateTime(j.started_at, lang) },
    { key: 'finished_at', header: t('jobs.finishedAt'), render: (j) => formatDateTime(j.finished_at, lang) },
  ]
  if (mayCancel) {
    columns.push({
      key: 'actions',
      header: t('jobs.actions'),
      render: (j) =>
        isUnfinished(j) ? (
          <button type="button" className="btn btn-small btn-danger" onClick={() => setCancelling(j)}>
            {t('jobs.cancel')}
          </button>
        ) : null,
    })
  }

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('jobs.title')}</h1>
        {interval !== false && (
          <span className="badge" role="status">
            {t('jobs.refreshing')}
          </span>
        )}
      </header>
      <JobFiltersForm value={active} onChange={(f) => setFilters(cleanJobFilters(f) as Record<string, string | undefined>)} />
      <DataTable
        id="admin-jobs"
        caption={t('jobs.title')}
        columns={columns}
        rows={list.rows}
        rowKey={(j) => j.id}
        loading={list.isFetching && list.rows.length === 0}
        error={list.error}
        onRetry={() => void list.refetch()}
        paging={list.paging}
        empty={t('jobs.empty')}
      />
      {cancelling && (
        <ConfirmDialog title={t('jobs.confirmCancelTitle')} confirmLabel={t('jobs.cancel')} onConfirm={() => cancel(cancelling)} onClose={() => setCancelling(null)}>
          <p>{t('jobs.confirmCancelBody', { kind: cancelling.kind })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
