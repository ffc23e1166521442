import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../lib/format.ts'
import type { Message } from '../api/desk-types.ts'

/**
 * The conversation's messages, oldest first: the customer's, replies, internal notes, the assistant's and the
 * system's, each styled as what it is. Bodies are as received and may hold HTML, so they are rendered only as
 * text (line breaks kept by CSS), never as markup.
 */
export function Thread({ messages, customerName }: { messages: Message[]; customerName: string | null }) {
  const { t, i18n } = useTranslation('desk')
  if (messages.length === 0) return <p className="muted">{t('thread.empty')}</p>
  return (
    <ol className="desk-thread" id="desk-thread" aria-label={t('thread.label')}>
      {messages.map((m) => {
        const who = m.author === 'customer' ? customerName : m.user_name
        return (
          <li key={m.id} className={`desk-message desk-message-${m.author}`} data-author={m.author} data-message={m.id}>
            <header className="desk-message-head">
              <span className="desk-message-kind">{t(`author.${m.author}`)}</span>
              {who && (
                <span className="desk-message-who" data-i18n-skip>
                  {who}
                </span>
              )}
              <time className="muted" dateTime={m.created_at}>
                {formatDateTime(m.created_at, i18n.language)}
              </time>
              <Delivery m={m} />
            </header>
            <div className="desk-message-body" data-i18n-skip>
              {m.body}
            </div>
          </li>
        )
      })}
    </ol>
  )
}

/** How an e-mailed reply left (queued, sent, failed with the mailer's words); nothing for other messages. */
function Delivery({ m }: { m: Message }) {
  const { t } = useTranslation('desk')
  // Read loosely: the field is new in the API and absent from older servers' answers.
  const { delivery, delivery_error: error } = m as { delivery?: 'queued' | 'sent' | 'failed' | null; delivery_error?: string | null }
  if (delivery == null) return null
  return (
    <span className={`badge desk-delivery desk-delivery-${delivery}`} data-delivery={delivery}>
      {t(`delivery.${delivery}`)}
      {delivery === 'failed' && error ? (
        <>
          {': '}
          <span lang="en">{error}</span>
        </>
      ) : null}
    </span>
  )
}
