import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import { importResult, useImportJobs, type Job } from '../api/jobs.ts'

/** The workspace's latest import jobs with their state, progress and outcome in numbers. */
export function RecentImports() {
  const { t, i18n } = useTranslation('imports')
  const jobs = useImportJobs()
  const lang = i18n.language
  const summary = (job: Job) => {
    const r = importResult(job)
    if (!r) return ''
    const n = (v: number) => formatNumber(v, lang)
    return t('recent.summary', { read: n(r.read), written: n(r.committed ? r.inserted + r.updated : 0), rejected: n(r.rejected) })
  }
  return (
    <section className="panel" aria-labelledby="recent-imports">
      <h2 id="recent-imports">{t('recent.title')}</h2>
      {jobs.isPending && <Loading />}
      {jobs.error && <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.data && jobs.data.data.length === 0 && <p className="muted">{t('recent.empty')}</p>}
      {jobs.data && jobs.data.data.length > 0 && (
        <div className="table-scroll">
          <table className="import-recent">
            <caption className="visually-hidden">{t('recent.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recent.started')}</th>
                <th scope="col">{t('recent.file')}</th>
                <th scope="col">{t('recent.state')}</th>
                <th scope="col">{t('recent.progress')}</th>
                <th scope="col">{t('recent.outcome')}</th>
                <th scope="col">{t('recent.by')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.data.map((job) => {
                const r = importResult(job)
                const pct = Math.round(job.progress * 100)
                return (
                  <tr key={job.id}>
                    <td>{formatDateTime(job.created_at, lang)}</td>
                    <td>{r ? `${r.file} (${t(`entities.${r.entity}`, { defaultValue: r.entity })})` : ''}</td>
                    <td>
                      <span className={`import-state import-state-${job.state}`}>{t(`states.${job.state}`)}</span>
                    </td>
                    <td>
                      {job.state !== 'failed' && job.state !== 'cancelled' && (
                        <>
                          <progress className="progress" max={100} value={pct} aria-label={t('recent.progressOf', { pct })} /> {pct} %
                        </>
                      )}
                    </td>
                    <td>{summary(job)}</td>
                    <td>{job.actor}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
