import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { addMessage } from '../api/desk.ts'
import type { NewMessage, Thread } from '../api/desk-types.ts'

type Kind = 'reply' | 'solve' | 'note'
const BODY: Record<Kind, (body: string) => NewMessage> = {
  reply: (body) => ({ author: 'agent', body }),
  solve: (body) => ({ author: 'agent', body, status: 'solved' }),
  note: (body) => ({ author: 'note', body }),
}

/** Writes to the customer ("Reply", "Reply and solve") or to colleagues ("Add note", never sent). */
export function ReplyEditor({ conversationId, onSent }: { conversationId: number; onSent: (thread: Thread, kind: Kind) => void }) {
  const { t } = useTranslation('desk')
  const [text, setText] = useState('')
  // Which button sent the message, for the answer's handler (it runs after the click's render).
  const kind = useRef<Kind>('reply')
  const send = useCheckedSubmit<NewMessage, Thread>('POST /api/v1/desk/conversations/{id}/messages', (b) => addMessage(conversationId, b), (thread) => {
    setText('')
    onSent(thread, kind.current)
  })
  // An empty message is said in the reader's language before any rule runs; the server trims what is sent anyway.
  const [empty, setEmpty] = useState(false)
  const submit = (k: Kind) => {
    const body = text.trim()
    setEmpty(body === '')
    if (body === '') return
    kind.current = k
    void send.submit(BODY[k](body))
  }
  return (
    <form
      className="panel form-stack desk-reply"
      id="desk-reply"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit('reply')
      }}
    >
      <h2>{t('reply.title')}</h2>
      <Field label={t('reply.body')} error={empty ? t('reply.empty') : send.errors.body} hint={t('reply.hint')}>
        <textarea data-field="body" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      {send.general ? (
        <p className="notice notice-error" role="alert" id="desk-reply-error">
          {t('reply.failed')} <ServerError error={send.general} />
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn" id="desk-add-note" disabled={send.busy} onClick={() => submit('note')}>
          {t('reply.note')}
        </button>
        <button type="button" className="btn" id="desk-reply-solve" disabled={send.busy} onClick={() => submit('solve')}>
          {t('reply.solve')}
        </button>
        <button type="submit" className="btn btn-primary" id="desk-reply-send" disabled={send.busy}>
          {t('reply.send')}
        </button>
      </div>
    </form>
  )
}
