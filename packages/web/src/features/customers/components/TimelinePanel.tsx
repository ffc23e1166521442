import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatMoney } from '../../../lib/format.ts'
import { buildTimeline, type TimelineEntry } from '../api/timeline.ts'
import type { Customer360 } from '../api/customer-360.ts'

/** Orders, events, reviews and tickets in one list, newest first; each order links to its detail page. */
export function TimelinePanel({ view }: { view: Customer360 }) {
  const { t, i18n } = useTranslation('customer360')
  const entries = buildTimeline(view)
  return (
    <section className="panel" aria-labelledby="timeline-title" id="timeline">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <p className="muted">{t('timeline.note')}</p>
      {entries.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {entries.map((e) => (
            <li key={e.key} data-kind={e.kind}>
              <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
              <span className={`badge kind-${e.kind}`}>{t(`timeline.kinds.${e.kind}`)}</span>
              <span>
                <EntryText entry={e} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function EntryText({ entry: e }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation('customer360')
  const lang = i18n.language
  switch (e.kind) {
    case 'order':
      return (
        <>
          <Link to={`/orders/${e.order.id}`}>{t('timeline.order', { id: e.order.external_id })}</Link> · {t(`status.${e.order.status}`, { ns: 'orders' })} ·{' '}
          {formatMoney(e.order.total, lang, e.order.currency ?? 'CNY')} · {t('timeline.orderLines', { count: e.order.items.length })}
        </>
      )
    case 'event':
      return (
        <>
          {t(`timeline.events.${e.event.type}`)}
          {e.event.sku && (
            <>
              {' · '}
              <span data-i18n-skip>{e.event.sku}</span>
            </>
          )}
        </>
      )
    case 'review':
      return (
        <>
          {t('timeline.rating', { rating: e.review.rating })}
          {' · '}
          <span data-i18n-skip>{e.review.sku}</span>
          {e.review.text && (
            <>
              {' — '}
              <span data-i18n-skip lang={e.review.language === 'zh' ? 'zh' : (e.review.language ?? undefined)}>
                {e.review.text}
              </span>
            </>
          )}
        </>
      )
    case 'ticket':
      return (
        <>
          <span data-i18n-skip>{e.ticket.subject}</span> · {t(`timeline.ticketStatus.${e.ticket.status}`)} · {t(`timeline.priority.${e.ticket.priority}`)}
        </>
      )
  }
}
