import { Link, useParams } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { CAMPAIGNS_KEY, getCaughtMail } from '../api/campaigns.ts'
import { SandboxedHtml } from '../components/SandboxedHtml.tsx'

/** One caught message: its HTML in a sandboxed frame whose (tracking) links open in a new tab, its text and headers. */
export default function OutboxMessagePage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation('campaigns')
  const mail = useQuery({ queryKey: [...CAMPAIGNS_KEY, 'outbox', 'one', id], queryFn: () => getCaughtMail(id), retry: false })
  const back = (
    <p>
      <Link to="/outbox">← {t('outbox.back')}</Link>
    </p>
  )
  if (mail.isPending) return <section className="page">{back}<Loading /></section>
  if (mail.error) {
    const missing = mail.error instanceof ApiError && (mail.error.code === 'not_found' || mail.error.code === 'validation_failed')
    return <section className="page">{back}{missing ? <h1 role="alert">{t('outbox.notFound')}</h1> : <ErrorState error={mail.error} onRetry={() => void mail.refetch()} />}</section>
  }
  const m = mail.data
  return (
    <section className="page outbox-message" id="outbox-message">
      {back}
      <header className="page-header">
        <h1 data-i18n-skip>{m.subject ?? '—'}</h1>
      </header>
      <section className="panel">
        <dl className="model-facts">
          <div>
            <dt>{t('outbox.from')}</dt>
            <dd data-i18n-skip>{m.from}</dd>
          </div>
          <div>
            <dt>{t('outbox.to')}</dt>
            <dd data-i18n-skip id="outbox-to">{m.to}</dd>
          </div>
          <div>
            <dt>{t('outbox.received')}</dt>
            <dd>{formatDateTime(m.received_at, i18n.language)}</dd>
          </div>
          {m.campaign_id !== null && (
            <div>
              <dt>{t('outbox.campaign')}</dt>
              <dd>
                <Link to={`/campaigns/${m.campaign_id}`}>#{m.campaign_id}</Link>
              </dd>
            </div>
          )}
        </dl>
      </section>
      <section className="panel" aria-labelledby="outbox-html-title">
        <h2 id="outbox-html-title">{t('outbox.html')}</h2>
        {m.html === null ? (
          <p className="muted">{t('outbox.noHtml')}</p>
        ) : (
          <>
            <p className="muted">{t('outbox.linksHint')}</p>
            <SandboxedHtml id="outbox-html" html={m.html} title={t('outbox.frameTitle')} clickableLinks />
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="outbox-text-title">
        <h2 id="outbox-text-title">{t('outbox.text')}</h2>
        <pre id="outbox-text" style={{ whiteSpace: 'pre-wrap' }}>{m.text ?? ''}</pre>
      </section>
      <section className="panel" aria-labelledby="outbox-headers-title">
        <h2 id="outbox-headers-title">{t('outbox.headers')}</h2>
        <div className="table-scroll">
          <table className="simple-table compact" id="outbox-headers">
            <caption className="visually-hidden">{t('outbox.headers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.header')}</th>
                <th scope="col">{t('outbox.value')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(m.headers).map(([k, v]) => (
                <tr key={k}>
                  <td><code>{k}</code></td>
                  <td><code style={{ wordBreak: 'break-all' }}>{v}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  )
}
