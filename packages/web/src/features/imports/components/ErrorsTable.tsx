import { useTranslation } from 'react-i18next'
import type { ImportResult } from '../api/jobs.ts'

/** Shown at most; all of them are in the rejects file. */
const SHOWN = 200

/** The row errors of an import: line of the file, column as the file names it, reason. */
export function ErrorsTable({ result }: { result: ImportResult }) {
  const { t } = useTranslation('imports')
  const rows = result.errors.slice(0, SHOWN)
  return (
    <div className="table-scroll">
      <table className="import-errors">
        <caption>{t('outcome.errorsCaption', { shown: rows.length, count: result.errorCount })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outcome.line')}</th>
            <th scope="col">{t('outcome.column')}</th>
            <th scope="col">{t('outcome.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e, i) => (
            <tr key={i}>
              <td>{e.line}</td>
              <td>{e.column ?? t('outcome.wholeRow')}</td>
              <td lang="en">{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
