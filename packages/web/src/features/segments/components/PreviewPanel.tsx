import { useState } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ServerError } from './ServerError.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatNumber } from '../../../lib/format.ts'
import type { Preview } from '../api/segment-types.ts'

export type PreviewState = 'incomplete' | 'updating' | 'current' | 'error'

/**
 * The live preview beside the builder: how many customers match the tree as it is now, a sample of them,
 * and — on request — the SQL the server compiled it to, with its parameters. While a newer preview is on
 * its way the older numbers stay, marked as updating.
 */
export function PreviewPanel({ state, result, error }: { state: PreviewState; result: Preview | undefined; error: unknown }) {
  const { t, i18n } = useTranslation('segments')
  const lang = i18n.language
  const [showSql, setShowSql] = useState(false)
  const validation = error instanceof ApiError && error.code === 'validation_failed'
  return (
    <section className={`panel seg-preview${state === "current" ? "" : " seg-stale"}`} aria-labelledby="preview-title" id="preview" data-preview={state}>
      <h2 id="preview-title">{t('preview.title')}</h2>
      <div aria-live="polite">
        {state === 'incomplete' && <p className="muted">{t('preview.incomplete')}</p>}
        {state === 'updating' && <p className="muted" role="status">{t('preview.updating')}</p>}
        {state === 'error' && (
          <p className="notice notice-error" role="alert">
            {validation ? t('preview.invalid') : error instanceof ApiError && error.code === 'too_expensive' ? t('preview.tooExpensive') : t('preview.failed')}{' '}
            {!validation && <ServerError error={error} />}
          </p>
        )}
        {result && (
          <p className="seg-total">
            <span className="kpi-label">{t('preview.total')}</span>{' '}
            <strong className="kpi-value" id="preview-total" data-total={result.total}>
              {formatNumber(result.total, lang)}
            </strong>
            <span className="muted seg-elapsed"> {t('preview.elapsed', { ms: formatNumber(result.elapsed_ms, lang, 0) })}</span>
          </p>
        )}
      </div>
      {result && (
        <>
          {result.sample.length > 0 ? (
            <div className="table-scroll">
              <table id="preview-sample" className="simple-table compact">
                <caption>{t('preview.sample', { count: result.sample.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.externalId')}</th>
                    <th scope="col">{t('columns.name')}</th>
                    <th scope="col">{t('columns.email')}</th>
                    <th scope="col">{t('columns.city')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.sample.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/customers/${c.id}`}>{c.external_id}</Link>
                      </td>
                      <td>{c.name ?? ''}</td>
                      <td>{c.email ?? ''}</td>
                      <td>{c.city ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t('preview.noMatch')}</p>
          )}
          <button type="button" className="btn btn-small" id="toggle-sql" aria-expanded={showSql} onClick={() => setShowSql((s) => !s)}>
            {showSql ? t('preview.hideSql') : t('preview.showSql')}
          </button>
          {showSql && (
            <div id="preview-sql" className="seg-sql">
              <pre>
                <code>{result.sql}</code>
              </pre>
              <h3>{t('preview.params')}</h3>
              <pre>
                <code>{JSON.stringify(result.params, null, 1)}</code>
              </pre>
            </div>
          )}
        </>
      )}
    </section>
  )
}
