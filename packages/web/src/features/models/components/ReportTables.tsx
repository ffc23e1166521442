import { useTranslation } from 'react-i18next'
import { formatMetric } from '../lib/headline-metric.ts'
import { parameterRows, reportNotes, reportTables, type Cell } from '../lib/report-tables.ts'
import { DRAWN_KEYS } from '../lib/report-parts.ts'

const MAX_ROWS = 200

/**
 * Everything else in the report, generically: the fitted parameters, every table (array of flat objects)
 * the page has no drawing for, and the report's notes. Names are the server's, shown as code.
 */
export function ReportTables({ report }: { report: Record<string, unknown> }) {
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const fitted = parameterRows(report.fitted)
  const tables = reportTables(report, DRAWN_KEYS)
  const notes = reportNotes(report, DRAWN_KEYS)
  const cell = (v: Cell | undefined) => (typeof v === 'number' ? formatMetric(v, lang) : v === null || v === undefined ? '—' : String(v))
  if (fitted.length === 0 && tables.length === 0 && notes.length === 0) return null
  return (
    <section className="panel" aria-labelledby="report-title" id="report-tables">
      <h2 id="report-title">{t('report.title')}</h2>
      {notes.map((n) => (
        <p key={n.key} className="muted">
          <code>{n.key}</code>: <span lang="en">{n.text}</span>
        </p>
      ))}
      {fitted.length > 0 && (
        <div className="table-scroll">
          <table className="model-table" id="fitted-table">
            <caption>{t('report.fitted')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.param')}</th>
                <th scope="col">{t('detail.value')}</th>
              </tr>
            </thead>
            <tbody>
              {fitted.map((p) => (
                <tr key={p.name}>
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td>{p.json ? <code>{String(p.value)}</code> : cell(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tables.map((tb) => (
        <div key={tb.key} className="table-scroll" data-report-table={tb.key}>
          <table className="model-table">
            <caption>
              {t('report.table')} <code>{tb.key}</code>
              {tb.rows.length > MAX_ROWS && ` ${t('report.firstRows', { count: MAX_ROWS })}`}
            </caption>
            <thead>
              <tr>
                {tb.columns.map((c) => (
                  <th key={c} scope="col">
                    <code>{c}</code>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tb.rows.slice(0, MAX_ROWS).map((r, i) => (
                <tr key={i}>
                  {tb.columns.map((c) => (
                    <td key={c} className={typeof r[c] === 'number' ? 'num' : undefined}>
                      {cell(r[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  )
}
