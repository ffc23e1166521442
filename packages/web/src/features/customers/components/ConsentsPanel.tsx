import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../lib/format.ts'
import type { Consent, Customer360 } from '../api/customer-360.ts'

/** The consent state per channel and purpose, and every record that led to it (an append-only history). */
export function ConsentsPanel({ consents }: { consents: Customer360['consents'] }) {
  const { t } = useTranslation('customer360')
  return (
    <section className="panel" aria-labelledby="consents-title" id="consents">
      <h2 id="consents-title">{t('consents.title')}</h2>
      {consents.history.length === 0 ? (
        <p className="muted">{t('consents.none')}</p>
      ) : (
        <>
          <h3>{t('consents.current')}</h3>
          <ConsentTable rows={consents.current} caption={t('consents.current')} id="consents-current" />
          <details>
            <summary>
              {t('consents.history')} ({consents.history.length})
            </summary>
            <ConsentTable rows={consents.history} caption={t('consents.history')} id="consents-history" />
          </details>
        </>
      )}
    </section>
  )
}

function ConsentTable({ rows, caption, id }: { rows: Consent[]; caption: string; id: string }) {
  const { t, i18n } = useTranslation('customer360')
  return (
    <div className="table-scroll">
      <table id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consents.channel')}</th>
            <th scope="col">{t('consents.purpose')}</th>
            <th scope="col">{t('consents.status')}</th>
            <th scope="col">{t('consents.recordedAt')}</th>
            <th scope="col">{t('consents.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>{t(`consents.channels.${c.channel}`)}</td>
              <td>{c.purpose}</td>
              <td>
                <span className={`status status-${c.status}`}>{t(`consents.statuses.${c.status}`)}</span>
              </td>
              <td>{formatDateTime(c.recorded_at, i18n.language)}</td>
              <td>{c.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
