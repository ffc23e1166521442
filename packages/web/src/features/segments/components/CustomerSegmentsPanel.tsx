import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useCustomerSegments } from '../api/segments.ts'

/** The 360° view's "Segments" panel: the segments the customer is in now, since when, each a link. */
export function CustomerSegmentsPanel({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation('segments')
  const q = useCustomerSegments(customerId)
  return (
    <section className="panel" aria-labelledby="customer-segments-title" id="customer-segments">
      <h2 id="customer-segments-title">{t('panel.title')}</h2>
      {q.isPending && <Loading />}
      {q.error && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.data.length === 0 && <p className="muted">{t('panel.none')}</p>}
      {q.data && q.data.data.length > 0 && (
        <ul className="seg-membership-list">
          {q.data.data.map((m) => (
            <li key={m.segment.id} data-segment={m.segment.id}>
              <Link to={`/segments/${m.segment.id}`} data-i18n-skip>
                {m.segment.name}
              </Link>{' '}
              <span className="badge">{t(`kinds.${m.segment.kind}`)}</span>{' '}
              <span className="muted">{t('panel.since', { date: formatDateTime(m.entered_at, i18n.language) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
