import { Fragment, type ReactNode } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatDate, formatMoney, formatNumber } from '../../../lib/format.ts'
import { useCan } from '../../auth/api/session.ts'
import { useCustomer360, type Customer360 } from '../../customers/api/customer-360.ts'
import { categoryProbabilities, clvDetails, personaName, profilingRevoked, scoreOf, type StoredScore } from '../../customers/api/intelligence.ts'
import type { Conversation } from '../api/desk-types.ts'
import { otherConversations, PANEL_CAMPAIGNS, recentOrders, rfmKey } from '../lib/customer-panel.ts'
import { percent } from '../lib/triage.ts'
import { StatusBadge } from './Labels.tsx'

/** Long e-mails and names wrap inside the narrow side column instead of widening it. */
const WRAP = { overflowWrap: 'anywhere' } as const
const DASH = '—'

/**
 * Beside the thread: who the customer is (the 360° view, in the same request and cache as the customer page):
 * contact details as the server sends them (masked for roles without pii:read), lifetime orders and revenue,
 * the stored model scores, the latest orders, the customer's other conversations and the campaigns that reached them,
 * with a link to the full page.
 */
export function CustomerPanel({ c }: { c: Conversation }) {
  const { t } = useTranslation('deskCustomer')
  const id = String(c.customer_internal_id)
  const view = useCustomer360(id)
  const missing = view.error instanceof ApiError && (view.error.code === 'not_found' || view.error.code === 'validation_failed')
  const state = view.data ? 'ready' : view.error ? (missing ? 'missing' : 'error') : 'loading'
  return (
    <section className="panel desk-customer" id="desk-customer" aria-labelledby="desk-customer-title" data-customer={id} data-state={state}>
      <h2 id="desk-customer-title">{t('title')}</h2>
      {view.data ? (
        <CustomerDetails view={view.data} conversationId={c.id} />
      ) : missing ? (
        <p className="muted" id="desk-customer-not-found">
          {t('notFound')}
        </p>
      ) : view.error ? (
        <ErrorState error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <Loading label={t('loading')} />
      )}
      <p>
        <Link to={`/customers/${id}`} id="desk-customer-full">
          {t('full')}
        </Link>
      </p>
    </section>
  )
}

function CustomerDetails({ view, conversationId }: { view: Customer360; conversationId: number }) {
  const { t, i18n } = useTranslation('deskCustomer')
  const lang = i18n.language
  const can = useCan()
  const p = view.profile
  const s = view.order_summary
  const orders = recentOrders(view)
  const others = otherConversations(view, conversationId)
  const fact = (key: string, value: ReactNode, data = false) => (
    <Fragment key={key}>
      <dt>{t(`fields.${key}`)}</dt>
      <dd data-field={key} data-i18n-skip={data || undefined}>
        {value === '' || value === null ? DASH : value}
      </dd>
    </Fragment>
  )
  return (
    <>
      <dl className="desk-facts" id="desk-customer-summary" style={WRAP}>
        {fact('name', p.name, true)}
        {fact('email', p.email, true)}
        {fact('phone', p.phone, true)}
        {fact('city', p.city, true)}
        {fact('signup', formatDate(p.signup_at, lang))}
        {fact('orders', formatNumber(s.orders, lang))}
        {fact('revenue', formatMoney(s.revenue, lang))}
        {fact('lastOrder', formatDate(s.last_order_at, lang))}
      </dl>
      {!can('pii:read') && (
        <p className="muted" id="desk-customer-masked">
          {t('masked')}
        </p>
      )}

      <h3 className="desk-triage-subtitle" id="desk-customer-scores-title">
        {t('scores.title')}
      </h3>
      <Scores view={view} />

      <h3 className="desk-triage-subtitle" id="desk-customer-orders-title">
        {t('orders.title')}
      </h3>
      {orders.length === 0 ? (
        <p className="muted" id="desk-customer-no-orders">
          {t('orders.none')}
        </p>
      ) : (
        <ol className="insight-list" id="desk-customer-orders" aria-labelledby="desk-customer-orders-title" style={WRAP}>
          {orders.map((o) => (
            <li key={o.id} data-order={o.id} data-status={o.status}>
              <Link to={`/orders/${o.id}`} data-i18n-skip>
                {o.external_id}
              </Link>{' '}
              · <time dateTime={o.ordered_at}>{formatDate(o.ordered_at, lang)}</time> · <span data-value="total">{formatMoney(o.total, lang, o.currency ?? 'CNY')}</span> ·{' '}
              <span data-value="status">{t(`status.${o.status}`, { ns: 'orders', defaultValue: o.status })}</span>
            </li>
          ))}
        </ol>
      )}

      <h3 className="desk-triage-subtitle" id="desk-customer-conversations-title">
        {t('conversations.title')}
      </h3>
      {others.length === 0 ? (
        <p className="muted" id="desk-customer-no-conversations">
          {t('conversations.none')}
        </p>
      ) : (
        <ul className="insight-list" id="desk-customer-conversations" aria-labelledby="desk-customer-conversations-title" style={WRAP}>
          {others.map((o) => (
            <li key={o.id} data-conversation={o.id} data-status={o.status}>
              <Link to={`/desk/${o.id}`} data-i18n-skip>
                {o.subject}
              </Link>{' '}
              <StatusBadge status={o.status} /> <span className="muted">{t('conversations.opened', { date: formatDate(o.opened_at, lang) })}</span>
            </li>
          ))}
        </ul>
      )}

      <h3 className="desk-triage-subtitle" id="desk-customer-campaigns-title">
        {t('campaigns.title')}
      </h3>
      {view.campaigns.length === 0 ? (
        <p className="muted" id="desk-customer-no-campaigns">
          {t('campaigns.none')}
        </p>
      ) : (
        <ul className="insight-list" id="desk-customer-campaigns" aria-labelledby="desk-customer-campaigns-title" style={WRAP}>
          {view.campaigns.slice(0, PANEL_CAMPAIGNS).map((m) => (
            <li key={`${m.campaign_id}-${m.sent_at}`} data-campaign={m.campaign_id}>
              <Link to={`/campaigns/${m.campaign_id}`} data-i18n-skip>
                {m.name}
              </Link>{' '}
              · <time dateTime={m.sent_at}>{formatDate(m.sent_at, lang)}</time> ·{' '}
              <span data-value="engagement">{t(m.unsubscribed_at ? 'campaigns.unsubscribed' : m.clicked_at ? 'campaigns.clicked' : m.opened_at ? 'campaigns.opened' : 'campaigns.sent')}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** The stored scores, one row per kind present; none at all says why. A revoked profiling consent shows none (as on the customer page). */
function Scores({ view }: { view: Customer360 }) {
  const { t, i18n } = useTranslation('deskCustomer')
  const { t: ti } = useTranslation('intelligence')
  const lang = i18n.language
  const intel = view.intelligence
  if (profilingRevoked(view.consents.history)) {
    return (
      <p className="notice" id="desk-customer-no-consent">
        {t('scores.noConsent')}
      </p>
    )
  }
  if (intel.scores.length === 0) {
    return (
      <p className="muted" id="desk-customer-no-scores">
        {t('scores.none')}
      </p>
    )
  }
  const churn = scoreOf(intel, 'churn')
  const clv = scoreOf(intel, 'clv')
  const rfm = scoreOf(intel, 'rfm')
  const cluster = scoreOf(intel, 'cluster')
  const next = scoreOf(intel, 'next_category')
  const pAlive = clv ? clvDetails(clv.details).pAlive : undefined
  const row = (key: string, score: StoredScore | undefined, value: ReactNode, extra: Record<string, string> = {}) =>
    score && (
      <Fragment key={key}>
        <dt>{t(`scores.${key}`)}</dt>
        <dd data-score={key} {...extra}>
          {value}
        </dd>
      </Fragment>
    )
  const pct = (v: number | null) => (v === null ? DASH : percent(v, lang))
  const persona = cluster && personaName(cluster, lang)
  const rfmSegment = rfm && rfmKey(rfm.label)
  const categories = next ? categoryProbabilities(next.details).slice(0, 3) : []
  return (
    <dl className="desk-facts" id="desk-customer-scores" style={WRAP}>
      {row(
        'churn',
        churn,
        churn && (
          <>
            <span data-value="probability">{pct(churn.score)}</span>{' '}
            {churn.band && <span className={`badge risk risk-${churn.band}`}>{ti(`churn.bands.${churn.band}`, { defaultValue: churn.band })}</span>}
          </>
        ),
        churn?.band ? { 'data-band': churn.band } : {},
      )}
      {row('clv', clv, clv && (clv.score === null ? DASH : formatMoney(clv.score, lang)))}
      {pAlive !== undefined && row('pAlive', clv, percent(pAlive, lang))}
      {row('rfm', rfm, rfm && (rfmSegment ? ti(`rfm.segments.${rfmSegment}`) : <span lang="en">{rfm.label ?? DASH}</span>))}
      {row(
        'persona',
        cluster,
        <span data-i18n-skip {...(lang === 'zh-CN' && !/[\u4e00-\u9fff]/.test(persona ?? '') && { lang: 'en' })}>
          {persona ?? DASH}
        </span>,
      )}
      {row(
        'nextCategory',
        next,
        next &&
          (categories.length > 0 ? (
            <ol className="insight-list">
              {categories.map((p) => (
                <li key={p.category} data-category={p.category}>
                  <span data-i18n-skip>{p.category}</span> {percent(p.probability, lang)}
                </li>
              ))}
            </ol>
          ) : (
            <>
              <span data-i18n-skip>{next.label ?? DASH}</span> {next.score !== null && percent(next.score, lang)}
            </>
          )),
      )}
    </dl>
  )
}
