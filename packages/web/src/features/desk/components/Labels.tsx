import { useTranslation } from 'react-i18next'
import type { Conversation, Priority, Sentiment, Status } from '../api/desk-types.ts'
import { KNOWN_INTENTS } from '../api/desk-types.ts'
import { needsTriage, percent } from '../lib/triage.ts'

/** Small labels the inbox and the conversation page share: status, priority, intent, sentiment. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation('desk')
  return (
    <span className={`badge desk-status desk-status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  )
}

/** The priority; the triage's suggestion beside it when it differs. */
export function PriorityLabel({ priority, suggested }: { priority: Priority; suggested: Priority | null }) {
  const { t } = useTranslation('desk')
  return (
    <span className={`desk-priority desk-priority-${priority}`} data-priority={priority}>
      {t(`priority.${priority}`)}
      {suggested !== null && suggested !== priority && (
        <span className="muted desk-suggested" data-suggested={suggested}>
          {' '}
          {t('labels.suggested', { priority: t(`priority.${suggested}`) })}
        </span>
      )}
    </span>
  )
}

/** An intent label in the reader's language when the desk knows it, otherwise as the model or agent wrote it. */
export function IntentName({ intent }: { intent: string }) {
  const { t } = useTranslation('desk')
  if ((KNOWN_INTENTS as readonly string[]).includes(intent)) return <span data-intent={intent}>{t(`intents.${intent}`)}</span>
  return (
    <span data-intent={intent} data-i18n-skip>
      {intent}
    </span>
  )
}

/** Intent with its confidence; "needs triage" when the triage was not sure (then there may be no intent). */
export function IntentLabel({ c }: { c: Pick<Conversation, 'intent' | 'intent_confidence' | 'intent_source' | 'triage_state'> }) {
  const { t, i18n } = useTranslation('desk')
  return (
    <span className="desk-intent">
      {c.intent !== null && <IntentName intent={c.intent} />}
      {c.intent !== null && c.intent_source === 'model' && c.intent_confidence !== null && (
        <span className="muted" data-confidence={c.intent_confidence}>
          {' '}
          {percent(c.intent_confidence, i18n.language)}
        </span>
      )}
      {c.intent !== null && c.intent_source === 'agent' && (
        <span className="muted" data-source="agent">
          {' '}
          {t('labels.byAgent')}
        </span>
      )}
      {needsTriage(c) && (
        <>
          {c.intent !== null && ' '}
          <span className="badge desk-needs-triage" data-needs-triage>
            {t('labels.needsTriage')}
          </span>
        </>
      )}
      {c.triage_state === 'pending' && <span className="muted">{t('labels.triagePending')}</span>}
    </span>
  )
}

export function SentimentLabel({ sentiment, confidence }: { sentiment: Sentiment | null; confidence?: number | null }) {
  const { t, i18n } = useTranslation('desk')
  if (sentiment === null) return null
  return (
    <span className={`desk-sentiment desk-sentiment-${sentiment}`} data-sentiment={sentiment}>
      {t(`sentiment.${sentiment}`)}
      {confidence != null && <span className="muted"> {percent(confidence, i18n.language)}</span>}
    </span>
  )
}

/** A service-level deadline passed (breached) or is near (warning); nothing when on time or without targets. */
export function SlaBadge({ c }: { c: Conversation }) {
  const { t } = useTranslation('desk')
  // Read loosely: the SLA fields are new in the API.
  const { sla_state: state } = c as { sla_state?: 'ok' | 'warning' | 'breached' | null }
  if (state !== 'warning' && state !== 'breached') return null
  return (
    <>
      {' '}
      <span className={`badge desk-sla desk-sla-${state}`} data-sla={state}>
        {t(`sla.${state}`)}
      </span>
    </>
  )
}
