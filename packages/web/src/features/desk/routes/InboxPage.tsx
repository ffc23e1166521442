import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useUrlState } from '../../../lib/use-url-state.ts'
import { useCan, useSignedIn } from '../../auth/api/session.ts'
import { INBOX_KEY, listInbox, useAgents, useCounts, useTeams, type InboxFilters as Filters } from '../api/desk.ts'
import { DEFAULT_SORT, type Conversation, type View } from '../api/desk-types.ts'
import { PresenceToggle, TakeNextButton } from '../components/DeskActions.tsx'
import { InboxFilters, type InboxFormFilters } from '../components/InboxFilters.tsx'
import { InboxViews, type ViewChoice } from '../components/InboxViews.tsx'
import { IntentLabel, PriorityLabel, SentimentLabel, SlaBadge, StatusBadge } from '../components/Labels.tsx'
import { relativeTime } from '../lib/relative-time.ts'

const FORM_KEYS = ['status', 'language', 'channel', 'q'] as const
const URL_KEYS = ['view', 'team', ...FORM_KEYS] as const
type UrlFilters = Record<(typeof URL_KEYS)[number], string | undefined>
const VIEWS: View[] = ['all', 'mine', 'unassigned', 'needs_triage', 'breaching', 'team']

/** The URL's view; anything unknown (or a team view without a team) is all. */
function viewOf(f: UrlFilters): ViewChoice {
  const view = VIEWS.find((v) => v === f.view) ?? 'all'
  const teamId = Number(f.team)
  if (view === 'team') return Number.isInteger(teamId) && teamId > 0 ? { view, teamId } : { view: 'all' }
  return { view }
}

/** Only what holds something: an empty filter is no filter. */
function queryOf(v: ViewChoice, f: InboxFormFilters): Filters {
  const out: Record<string, string> = { view: v.view }
  if (v.teamId !== undefined) out.team_id = String(v.teamId)
  for (const k of FORM_KEYS) {
    const x = f[k]?.trim()
    if (x) out[k] = x
  }
  return out as Filters
}

/**
 * The service desk's inbox: views with their counts, the conversations of the chosen one (filters, sort and paging
 * on the server), "Take next" and the agent's presence for people who reply.
 */
export default function InboxPage() {
  const { t, i18n } = useTranslation('desk')
  const can = useCan()
  const session = useSignedIn()
  const writable = can('desk:reply')
  const { filters, sort, setFilters, setSort } = useUrlState<UrlFilters>(URL_KEYS, DEFAULT_SORT)
  const choice = viewOf(filters)
  const form: InboxFormFilters = Object.fromEntries(FORM_KEYS.map((k) => [k, filters[k]])) as InboxFormFilters
  const query = queryOf(choice, form)
  const list = useCursorPages({ key: INBOX_KEY, filters: query, sort, fetchPage: listInbox })
  const counts = useCounts()
  const teams = useTeams()
  const agents = useAgents()
  const nameOf = (id: number | null) => (id === null ? null : (agents.data?.find((a) => a.user_id === id)?.name ?? `#${id}`))
  const me = agents.data?.find((a) => a.user_id === session.user?.id)
  const lang = i18n.language
  const now = Date.now()

  const setView = (v: ViewChoice) => setFilters({ ...filters, view: v.view === 'all' ? undefined : v.view, team: v.teamId === undefined ? undefined : String(v.teamId) })

  const columns: Column<Conversation>[] = [
    { key: 'subject', header: t('fields.subject'), render: (c) => <Link to={`/desk/${c.id}`} data-conversation={c.id}>{c.subject}</Link> },
    { key: 'customer', header: t('fields.customer'), render: (c) => c.customer_name ?? '' },
    { key: 'status', header: t('fields.status'), render: (c) => <StatusBadge status={c.status} /> },
    { key: 'priority', header: t('fields.priority'), sortKey: 'priority', render: (c) => <PriorityLabel priority={c.priority} suggested={c.suggested_priority} /> },
    { key: 'intent', header: t('fields.intent'), render: (c) => <IntentLabel c={c} /> },
    { key: 'sentiment', header: t('fields.sentiment'), render: (c) => <SentimentLabel sentiment={c.sentiment} /> },
    {
      key: 'waiting', header: t('fields.waitingSince'), sortKey: 'waiting_since',
      render: (c) => (
        <>
          {c.waiting_since ? <time dateTime={c.waiting_since} title={c.waiting_since}>{relativeTime(c.waiting_since, lang, now)}</time> : <span className="muted">{t('inbox.answered')}</span>}
          <SlaBadge c={c} />
        </>
      ),
    },
    { key: 'assignee', header: t('fields.assignee'), render: (c) => nameOf(c.assignee_id) ?? <span className="muted">{t('inbox.unassigned')}</span> },
    { key: 'language', header: t('fields.language'), hiddenByDefault: true, render: (c) => (c.language ? t(`languages.${c.language}`, { defaultValue: c.language }) : '') },
    { key: 'channel', header: t('fields.channel'), hiddenByDefault: true, render: (c) => t(`channels.${c.channel}`) },
    { key: 'last_message', header: t('fields.lastMessage'), sortKey: 'last_message_at', hiddenByDefault: true, render: (c) => relativeTime(c.last_message_at, lang, now) },
    { key: 'opened', header: t('fields.opened'), sortKey: 'opened_at', hiddenByDefault: true, render: (c) => relativeTime(c.opened_at, lang, now) },
    { key: 'tags', header: t('fields.tags'), hiddenByDefault: true, render: (c) => c.tags.join(', ') },
  ]
  const filtered = FORM_KEYS.some((k) => form[k])

  return (
    <section className="page desk-inbox" data-editable={writable} data-view={choice.view}>
      <header className="page-header">
        <h1>{t('inbox.title')}</h1>
        <div className="desk-inbox-actions">
          <Link to="/desk/widget" className="btn" id="desk-chat-widget-link">
            {t('inbox.chatWidget')}
          </Link>
          {writable && (
            <>
              <PresenceToggle me={me} />
              <TakeNextButton teamId={choice.teamId} />
            </>
          )}
        </div>
      </header>
      <p className="page-intro">{t('inbox.intro')}</p>
      {!writable && (
        <p className="notice" id="desk-read-only">
          {t('inbox.readOnly')}
        </p>
      )}
      <div className="desk-layout">
        <InboxViews value={choice} counts={counts.data} teams={teams.data ?? []} showMine={writable} onChange={setView} />
        <div className="desk-list">
          <InboxFilters value={form} onChange={(f) => setFilters({ view: filters.view, team: filters.team, status: f.status, language: f.language, channel: f.channel, q: f.q })} />
          <DataTable
            id="desk-inbox"
            caption={t('inbox.title')}
            columns={columns}
            rows={list.rows}
            rowKey={(c) => c.id}
            loading={list.isFetching}
            error={list.error}
            onRetry={() => void list.refetch()}
            sort={sort}
            onSort={setSort}
            paging={list.paging}
            empty={filtered ? t('inbox.noMatch') : t('inbox.empty')}
          />
        </div>
      </div>
    </section>
  )
}
