import { Link, useParams } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { useToast } from '../../../components/Toasts.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useCan } from '../../auth/api/session.ts'
import { AGENTS_KEY, conversationKey, COUNTS_KEY, INBOX_KEY, useAgents, useConversation, useTeams } from '../api/desk.ts'
import type { Conversation, Thread as ThreadData } from '../api/desk-types.ts'
import { ConversationControls } from '../components/ConversationControls.tsx'
import { CustomerPanel } from '../components/CustomerPanel.tsx'
import { StatusBadge } from '../components/Labels.tsx'
import { ReplyEditor } from '../components/ReplyEditor.tsx'
import { Thread } from '../components/Thread.tsx'
import { TriagePanel } from '../components/TriagePanel.tsx'

/** What the controls and the correction form start from: they remount when any of it changes on the server. */
const versionOf = (c: Conversation) =>
  JSON.stringify([c.status, c.priority, c.assignee_id, c.team_id, c.tags, c.intent, c.intent_source, c.sentiment, c.triage_state])

/**
 * `desk/:id`: one conversation — its thread, the reply editor, the controls, the triage panel and the customer
 * panel (who the customer is, their scores, orders and other conversations). While the
 * triage has not run yet the page asks again every few seconds. Viewers read everything and change nothing.
 */
export default function ConversationPage() {
  const { id } = useParams()
  const { t, i18n } = useTranslation('desk')
  const can = useCan()
  const qc = useQueryClient()
  const toast = useToast()
  const thread = useConversation(id)
  const agents = useAgents()
  const teams = useTeams()
  const writable = can('desk:reply')
  const back = (
    <p>
      <Link to="/desk">← {t('conversation.back')}</Link>
    </p>
  )

  const c = thread.data
  if (c === undefined) {
    const missing = thread.error instanceof ApiError && (thread.error.code === 'not_found' || thread.error.code === 'validation_failed')
    return (
      <section className="page">
        {back}
        {missing ? (
          <div className="state" role="alert" id="conversation-not-found">
            <h1>{t('conversation.notFound')}</h1>
          </div>
        ) : thread.error ? (
          <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
        ) : (
          <Loading />
        )}
      </section>
    )
  }

  const listsChanged = () => {
    void qc.invalidateQueries({ queryKey: INBOX_KEY })
    void qc.invalidateQueries({ queryKey: COUNTS_KEY })
    void qc.invalidateQueries({ queryKey: AGENTS_KEY })
  }
  const adoptThread = (next: ThreadData) => {
    qc.setQueryData(conversationKey(next.id), next)
    listsChanged()
  }
  // PATCH answers the conversation without its messages: they are kept.
  const adoptConversation = (next: Conversation) => {
    qc.setQueryData<ThreadData>(conversationKey(next.id), (old) => (old ? { ...old, ...next } : old))
    listsChanged()
  }

  return (
    <section className="page desk-conversation" data-editable={writable} data-conversation={c.id} data-status={c.status}>
      {back}
      <header className="page-header">
        <h1 data-i18n-skip>{c.subject}</h1>
        <StatusBadge status={c.status} />
      </header>
      <p className="muted desk-conversation-meta" id="desk-conversation-meta">
        {t('conversation.from')}{' '}
        <Link to={`/customers/${c.customer_internal_id}`} id="desk-customer-link" data-i18n-skip={c.customer_name ? true : undefined}>
          {c.customer_name ?? t('conversation.customer', { id: c.customer_internal_id })}
        </Link>{' '}
        (<Link to={`/customers/${c.customer_internal_id}`}>{t('conversation.customer360')}</Link>) · {t(`channels.${c.channel}`)} ·{' '}
        {t('conversation.opened', { at: formatDateTime(c.opened_at, i18n.language) })} · <span data-i18n-skip>{c.external_id}</span>
      </p>
      {!writable && (
        <p className="notice" id="desk-conversation-read-only">
          {t('conversation.readOnly')}
        </p>
      )}
      <div className="desk-conversation-layout">
        <div className="desk-conversation-main">
          <section className="panel" aria-labelledby="desk-thread-title">
            <h2 id="desk-thread-title">{t('thread.title')}</h2>
            <Thread messages={c.messages} customerName={c.customer_name} />
          </section>
          {writable && (
            <ReplyEditor
              conversationId={c.id}
              onSent={(next, kind) => {
                adoptThread(next)
                toast(t(`reply.sent.${kind}`))
              }}
            />
          )}
        </div>
        <aside className="desk-conversation-side" aria-label={t('conversation.details')}>
          <ConversationControls
            key={`controls-${versionOf(c)}`}
            c={c}
            agents={agents.data ?? []}
            teams={teams.data ?? []}
            writable={writable}
            onSaved={(next) => {
              adoptConversation(next)
              toast(t('controls.saved'))
            }}
          />
          <TriagePanel
            key={`triage-${versionOf(c)}`}
            c={c}
            writable={writable}
            onSaved={(next) => {
              adoptConversation(next)
              toast(t('correct.saved'))
            }}
          />
          <CustomerPanel c={c} />
        </aside>
      </div>
    </section>
  )
}
