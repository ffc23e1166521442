import { useTranslation } from 'react-i18next'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import type { ModelDetail } from '../api/models.ts'
import { parameterRows } from '../lib/report-tables.ts'

const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {})

/**
 * What the version was trained on: its time windows, row counts, the customers left out because their
 * profiling consent is revoked, and the options it ran with. Window and option names are the server's.
 */
export function TrainingPanel({ version }: { version: ModelDetail }) {
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const training = asRecord(version.training)
  const window = Object.entries(asRecord(training.window))
  const rows = Object.entries(asRecord(training.rows))
  const excluded = typeof training.excludedNoProfilingConsent === 'number' ? training.excludedNoProfilingConsent : undefined
  const params = parameterRows(version.params)
  return (
    <section className="panel" aria-labelledby="training-title" id="training">
      <h2 id="training-title">{t('detail.training')}</h2>
      <dl className="model-facts">
        <div>
          <dt>{t('detail.excluded')}</dt>
          <dd id="excluded-consent">{excluded === undefined ? '—' : formatNumber(excluded, lang)}</dd>
        </div>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>
              {t('detail.rowsOf')} <code>{k}</code>
            </dt>
            <dd>{typeof v === 'number' ? formatNumber(v, lang) : String(v)}</dd>
          </div>
        ))}
      </dl>
      {window.length > 0 && (
        <div className="table-scroll">
          <table className="model-table" id="training-window">
            <caption>{t('detail.window')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.boundary')}</th>
                <th scope="col">{t('detail.instant')}</th>
              </tr>
            </thead>
            <tbody>
              {window.map(([k, v]) => (
                <tr key={k}>
                  <td>
                    <code>{k}</code>
                  </td>
                  <td>{typeof v === 'string' ? formatDateTime(v, lang) : String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {params.length > 0 && (
        <div className="table-scroll">
          <table className="model-table" id="training-params">
            <caption>{t('detail.params')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.param')}</th>
                <th scope="col">{t('detail.value')}</th>
              </tr>
            </thead>
            <tbody>
              {params.map((p) => (
                <tr key={p.name}>
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td>{p.json ? <code>{String(p.value)}</code> : String(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
