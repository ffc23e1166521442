import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { updateConversation } from '../api/desk.ts'
import { KNOWN_INTENTS, SENTIMENTS, type Conversation, type ConversationPatch, type Sentiment } from '../api/desk-types.ts'
import { percent, reasonText, triageDetails } from '../lib/triage.ts'
import { IntentLabel, IntentName, PriorityLabel, SentimentLabel } from './Labels.tsx'

/**
 * What the triage made of the conversation: language, intent (confidence, and whether the model or an agent set
 * it), sentiment, and the suggested priority with its reasons in the reader's language. People who reply can
 * correct intent and sentiment: a correction is stored as the agent's and trains the next intent model.
 */
export function TriagePanel({ c, writable, onSaved }: { c: Conversation; writable: boolean; onSaved: (c: Conversation) => void }) {
  const { t, i18n } = useTranslation('desk')
  const d = triageDetails(c)
  return (
    <section className="panel desk-triage" id="desk-triage" data-state={c.triage_state} data-intent-source={c.intent_source ?? ''} aria-labelledby="desk-triage-title">
      <h2 id="desk-triage-title">{t('triage.title')}</h2>
      {c.triage_state === 'pending' && <p className="muted" id="desk-triage-pending">{t('triage.pending')}</p>}
      {c.triage_state === 'needs_triage' && (
        <div className="notice" id="desk-triage-unsure">
          <p>{t('triage.needsTriage')}</p>
          {d.needsTriage && (
            <p className="muted">
              {t('triage.why')}{' '}
              {i18n.language.startsWith('zh') && d.needsTriage.zh ? <span>{d.needsTriage.zh}</span> : <span lang="en">{d.needsTriage.en}</span>}
            </p>
          )}
        </div>
      )}
      <dl className="desk-facts">
        <dt>{t('fields.language')}</dt>
        <dd data-value="language">{c.language ? t(`languages.${c.language}`, { defaultValue: c.language }) : t('triage.unknown')}</dd>
        <dt>{t('fields.intent')}</dt>
        <dd data-value="intent">
          {c.intent === null && (c.triage_state === 'needs_triage' ? <IntentLabel c={c} /> : t('triage.unknown'))}
          {c.intent !== null && <IntentName intent={c.intent} />}
          {c.intent !== null && (
            <span className="muted" data-source={c.intent_source ?? ''}>
              {' '}
              {c.intent_source === 'agent' ? t('triage.sourceAgent') : t('triage.sourceModel', { confidence: c.intent_confidence === null ? '' : percent(c.intent_confidence, i18n.language) })}
            </span>
          )}
        </dd>
        <dt>{t('fields.sentiment')}</dt>
        <dd data-value="sentiment">{c.sentiment === null ? t('triage.unknown') : <SentimentLabel sentiment={c.sentiment} confidence={c.sentiment_confidence} />}</dd>
        <dt>{t('triage.suggestedPriority')}</dt>
        <dd data-value="suggested_priority">{c.suggested_priority === null ? t('triage.unknown') : <PriorityLabel priority={c.suggested_priority} suggested={null} />}</dd>
      </dl>
      {d.reasons.length > 0 && (
        <>
          <h3 className="desk-triage-subtitle">{t('triage.reasons')}</h3>
          <ul className="desk-reasons" id="desk-reasons">
            {d.reasons.map((r, i) => (
              <li key={i} data-factor={r.factor} className={r.effect > 0 ? 'effect-up' : r.effect < 0 ? 'effect-down' : undefined}>
                {reasonText(r, i18n.language)}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.topIntents.length > 1 && (
        <>
          <h3 className="desk-triage-subtitle">{t('triage.alternatives')}</h3>
          <ul className="desk-alternatives">
            {d.topIntents.map((x) => (
              <li key={x.label}>
                <IntentName intent={x.label} /> <span className="muted">{percent(x.probability, i18n.language)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {writable && <CorrectionForm c={c} suggestions={d.topIntents.map((x) => x.label)} onSaved={onSaved} />}
    </section>
  )
}

// Stored labels are trimmed, so no intent starts with a space: this value cannot be one.
const OTHER = ' other'

/** The agent's labels: only what differs from the stored ones is sent (each one sent is recorded as a correction). */
function CorrectionForm({ c, suggestions, onSaved }: { c: Conversation; suggestions: string[]; onSaved: (c: Conversation) => void }) {
  const { t } = useTranslation('desk')
  const options = [...new Set<string>([...KNOWN_INTENTS, ...suggestions, ...(c.intent === null ? [] : [c.intent])])]
  const [intent, setIntent] = useState(c.intent ?? '')
  // A label none of the options has: typed in, e.g. a new kind of request the model has not seen.
  const [other, setOther] = useState(false)
  const [sentiment, setSentiment] = useState<string>(c.sentiment ?? '')
  const save = useCheckedSubmit<ConversationPatch, Conversation>('PATCH /api/v1/desk/conversations/{id}', (b) => updateConversation(c.id, b), onSaved)
  const trimmed = intent.trim()
  const body: ConversationPatch = {
    ...(trimmed !== '' && (trimmed !== c.intent || c.intent_source !== 'agent') && { intent: trimmed }),
    ...(sentiment !== '' && sentiment !== c.sentiment && { sentiment: sentiment as Sentiment }),
  }
  const changed = Object.keys(body).length > 0
  return (
    <form
      className="form-stack desk-correct"
      id="desk-correct"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (changed) void save.submit(body)
      }}
    >
      <h3 className="desk-triage-subtitle">{t('correct.title')}</h3>
      <Field label={t('fields.intent')} error={save.errors.intent} hint={t('correct.intentHint')}>
        <select
          data-field="intent"
          value={other ? OTHER : intent}
          onChange={(e) => {
            const v = e.target.value
            setOther(v === OTHER)
            setIntent(v === OTHER ? '' : v)
          }}
        >
          <option value="">{t('correct.chooseIntent')}</option>
          {options.map((x) => (
            <option key={x} value={x}>
              {(KNOWN_INTENTS as readonly string[]).includes(x) ? t(`intents.${x}`) : x}
            </option>
          ))}
          <option value={OTHER}>{t('correct.other')}</option>
        </select>
      </Field>
      {other && (
        <Field label={t('correct.otherLabel')} hint={t('correct.otherHint')}>
          <input type="text" data-field="intent-other" value={intent} maxLength={60} onChange={(e) => setIntent(e.target.value)} />
        </Field>
      )}
      <Field label={t('fields.sentiment')} error={save.errors.sentiment}>
        <select data-field="sentiment" value={sentiment} onChange={(e) => setSentiment(e.target.value)}>
          <option value="">{t('correct.chooseSentiment')}</option>
          {SENTIMENTS.map((s) => (
            <option key={s} value={s}>
              {t(`sentiment.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      {save.general ? (
        <p className="notice notice-error" role="alert" id="desk-correct-error">
          {t('correct.failed')} <ServerError error={save.general} />
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn" id="desk-correct-save" disabled={save.busy || !changed}>
          {t('correct.save')}
        </button>
      </div>
    </form>
  )
}
