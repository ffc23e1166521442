import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { useCan } from '../../auth/api/session.ts'
import { formatNumber } from '../../../lib/format.ts'
import { importResult, rejectsUrl, type Job } from '../api/jobs.ts'
import type { ImportEntity } from '../lib/entity-fields.ts'
import { ErrorsTable } from './ErrorsTable.tsx'

/** The list pages of imported rows (order lines are shown with their orders); all need customers:read. */
const LIST_OF: Partial<Record<ImportEntity, 'customers' | 'products' | 'orders'>> = { customers: 'customers', products: 'products', orders: 'orders', order_items: 'orders' }

/** The end of an import job: rows written with a link to them, or the row errors with the rejects file. */
export function JobOutcome({ job, entity }: { job: Job; entity: ImportEntity }) {
  const { t, i18n } = useTranslation('imports')
  const can = useCan()
  const n = (v: number) => formatNumber(v, i18n.language)
  const result = importResult(job)
  const listPath = LIST_OF[entity]
  const rejects = result !== undefined && result.errorCount > 0 && (
    <a className="btn" href={rejectsUrl(job.id)} download={`job-${job.id}-rejects.csv`}>
      {t('outcome.downloadRejects')}
    </a>
  )

  if (job.state === 'completed' && result) {
    return (
      <div className="import-outcome">
        <p className="notice notice-success" role="status">
          {t('outcome.written', { read: n(result.read), inserted: n(result.inserted), updated: n(result.updated), unchanged: n(result.unchanged) })}
          {result.rejected > 0 && ` ${t('outcome.skipped', { rejected: n(result.rejected) })}`}
        </p>
        {result.ignoredColumns.length > 0 && <IgnoredColumns columns={result.ignoredColumns} />}
        <div className="import-actions">
          {listPath && can('customers:read') && (
            <Link className="btn" to={`/${listPath}`}>
              {t(`outcome.viewList.${listPath}`)}
            </Link>
          )}
          {rejects}
        </div>
        {result.errors.length > 0 && <ErrorsTable result={result} />}
      </div>
    )
  }
  if (job.state === 'failed') {
    return (
      <div className="import-outcome">
        <div className="notice notice-error" role="alert">
          <p>{result ? t('outcome.refused', { rejected: n(result.rejected), read: n(result.read) }) : t('outcome.failed')}</p>
          {job.error && (
            <p className="import-job-error" lang="en">
              {job.error}
            </p>
          )}
        </div>
        {result && result.ignoredColumns.length > 0 && <IgnoredColumns columns={result.ignoredColumns} />}
        {rejects && <div className="import-actions">{rejects}</div>}
        {result && result.errors.length > 0 && <ErrorsTable result={result} />}
      </div>
    )
  }
  return (
    <p className="notice" role="status">
      {t('outcome.cancelled')}
    </p>
  )
}

function IgnoredColumns({ columns }: { columns: string[] }) {
  const { t } = useTranslation('imports')
  return (
    <p className="muted">
      {t('outcome.ignoredColumns')} <span data-i18n-skip>{columns.join(', ')}</span>
    </p>
  )
}
