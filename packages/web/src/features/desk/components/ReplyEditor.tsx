import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Link } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { useCheckedSubmit } from '../../../lib/use-checked-submit.ts'
import { addMessage, conversationKey } from '../api/desk.ts'
import type { NewMessage, Thread } from '../api/desk-types.ts'
import { cannedLangOf, renderCanned, useShortcutMatches, type Canned, type MergeField } from '../api/canned.ts'
import { insertText, shortcutPrefix } from '../lib/canned-text.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'
import { CannedPicker } from './CannedPicker.tsx'

type Kind = 'reply' | 'solve' | 'note'
const BODY: Record<Kind, (body: string) => NewMessage> = {
  reply: (body) => ({ author: 'agent', body }),
  solve: (body) => ({ author: 'agent', body, status: 'solved' }),
  note: (body) => ({ author: 'note', body }),
}

/** Where rendered text goes: the part of the box it replaces (the cursor when start = end). */
interface Range {
  start: number
  end: number
}

/**
 * Writes to the customer ("Reply", "Reply and solve") or to colleagues ("Add note", never sent). A saved reply is
 * put in the box from the "Insert saved reply" picker, or by typing its shortcut (`/refund`) in the empty box: the
 * server fills in its merge fields for this conversation, the text goes in at the cursor, and merge fields that
 * were empty here are named so the agent checks the text before sending it.
 */
export function ReplyEditor({ conversationId, language, onSent }: {
  conversationId: number
  /** The conversation's language (the picker offers replies in it); when not given, the thread the page loaded says. */
  language?: string | null
  onSent: (thread: Thread, kind: Kind) => void
}) {
  const { t } = useTranslation('desk')
  const { t: tc } = useTranslation('deskCanned')
  const qc = useQueryClient()
  const lang = cannedLangOf(language === undefined ? qc.getQueryData<Thread>(conversationKey(conversationId))?.language : language)
  const [text, setText] = useState('')
  const box = useRef<HTMLTextAreaElement>(null)
  // Which button sent the message, for the answer's handler (it runs after the click's render).
  const kind = useRef<Kind>('reply')

  // Saved replies: the picker, the reply being rendered, and what the last one left empty.
  const [picking, setPicking] = useState(false)
  const selection = useRef<Range>({ start: 0, end: 0 })
  const pending = useRef<number | null>(null)
  const [rendering, setRendering] = useState<number | null>(null)
  const [cannedError, setCannedError] = useState<unknown>(null)
  const [missing, setMissing] = useState<MergeField[]>([])
  // After an insert the cursor goes just after the inserted text, in the box.
  const caret = useRef<number | null>(null)
  const [inserts, setInserts] = useState(0)
  useEffect(() => {
    const at = caret.current
    const el = box.current
    if (at === null || !el) return
    caret.current = null
    el.focus()
    el.setSelectionRange(at, at)
  }, [inserts])

  const send = useCheckedSubmit<NewMessage, Thread>('POST /api/v1/desk/conversations/{id}/messages', (b) => addMessage(conversationId, b), (thread) => {
    setText('')
    setMissing([])
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

  /** Renders `c` for this conversation and puts the text in place of `range` (the box as it is when the answer comes). */
  const insertCanned = async (c: Canned, range: (now: string) => Range) => {
    pending.current = c.id
    setRendering(c.id)
    setCannedError(null)
    try {
      const r = await renderCanned(conversationId, c.id)
      // The picker was closed (or another reply chosen) meanwhile: this answer is not wanted any more.
      if (pending.current !== c.id) return
      const now = box.current?.value ?? text
      const at = range(now)
      const next = insertText(now, at.start, at.end, r.text)
      setText(next.value)
      setEmpty(false)
      setMissing(r.missing)
      setPicking(false)
      caret.current = next.caret
      setInserts((n) => n + 1)
    } catch (err) {
      if (pending.current === c.id) setCannedError(err)
    } finally {
      if (pending.current === c.id) {
        pending.current = null
        setRendering(null)
      }
    }
  }

  const openPicker = () => {
    const el = box.current
    selection.current = { start: el?.selectionStart ?? text.length, end: el?.selectionEnd ?? text.length }
    setCannedError(null)
    setPicking(true)
  }
  const closePicker = () => {
    pending.current = null
    setRendering(null)
    setCannedError(null)
    setPicking(false)
  }

  // A shortcut typed in the empty box (`/ref`): the replies whose shortcut starts so, asked once typing pauses.
  const typed = shortcutPrefix(text)
  const asked = useDebounced(typed, 200)
  const shortcuts = useShortcutMatches(typed === null ? null : asked)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const matches = typed === null || typed === dismissed ? [] : shortcuts.matches.filter((c) => c.shortcut?.startsWith(typed) === true)
  const [active, setActive] = useState<{ prefix: string | null; i: number }>({ prefix: null, i: 0 })
  const current = matches.length === 0 ? -1 : active.prefix === typed ? Math.min(active.i, matches.length - 1) : 0
  const insertShortcut = (c: Canned) => void insertCanned(c, (now) => ({ start: 0, end: shortcutPrefix(now)?.length ?? 0 }))
  const onBoxKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (matches.length === 0 || e.nativeEvent.isComposing) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const n = matches.length
      setActive({ prefix: typed, i: (current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n })
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault()
      const c = matches[current]
      if (c && rendering === null) insertShortcut(c)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      setDismissed(typed)
    }
  }

  return (
    <>
      <form
        className="panel form-stack desk-reply"
        id="desk-reply"
        noValidate
        data-canned-state={rendering !== null ? 'rendering' : missing.length > 0 ? 'missing' : 'idle'}
        onSubmit={(e) => {
          e.preventDefault()
          submit('reply')
        }}
      >
        <h2>{t('reply.title')}</h2>
        <div className="desk-canned-tools" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1rem', alignItems: 'center' }}>
          <button type="button" className="btn btn-small" id="desk-canned-insert" aria-haspopup="dialog" onClick={openPicker}>
            {tc('insert')}
          </button>
          <Link to="/desk/canned" id="desk-canned-manage">
            {tc('manage')}
          </Link>
        </div>
        <Field label={t('reply.body')} error={empty ? t('reply.empty') : send.errors.body} hint={t('reply.hint')}>
          <textarea
            ref={box}
            data-field="body"
            rows={5}
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setCannedError(null)
            }}
            onKeyDown={onBoxKeyDown}
          />
        </Field>
        {/* Said when shortcut matches appear, so someone who cannot see the list knows what the keys do. */}
        <p className="visually-hidden" role="status" id="desk-canned-shortcuts-status">
          {matches.length > 0 ? tc('shortcuts.status', { count: matches.length }) : ''}
        </p>
        {matches.length > 0 && (
          <div id="desk-canned-shortcuts" data-prefix={typed ?? undefined}>
            <p className="muted" aria-hidden="true" style={{ margin: '0 0 0.25rem' }}>
              {tc('shortcuts.hint')}
            </p>
            <ul className="drill-list" aria-label={tc('shortcuts.label')}>
              {matches.map((c, i) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className={`btn btn-small${i === current ? ' btn-selected' : ''}`}
                    data-canned={c.id}
                    data-shortcut={c.shortcut ?? undefined}
                    data-active={i === current}
                    disabled={rendering !== null}
                    onClick={() => insertShortcut(c)}
                  >
                    <code>{c.shortcut}</code> <span lang={c.lang}>{c.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {cannedError && !picking ? (
          <p className="notice notice-error" role="alert" id="desk-canned-error">
            {tc('insertFailed')} <ServerError error={cannedError} />
          </p>
        ) : null}
        {missing.length > 0 && (
          <div className="notice notice-error" role="alert" id="desk-canned-missing" data-missing={missing.join(' ')}>
            <p style={{ margin: 0 }}>{tc('missing.intro')}</p>
            <ul style={{ margin: '0.25rem 0' }}>
              {missing.map((f) => (
                <li key={f} data-missing-field={f}>
                  {tc(`mergeFields.${f}`)} (<code>{f}</code>)
                </li>
              ))}
            </ul>
            <button type="button" className="btn btn-small" id="desk-canned-missing-dismiss" onClick={() => setMissing([])}>
              {tc('missing.dismiss')}
            </button>
          </div>
        )}
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
      {/* Outside the form: Enter in the picker's search box must not send the reply. */}
      {picking && (
        <CannedPicker
          language={lang}
          busyId={rendering}
          error={cannedError}
          onPick={(c) => void insertCanned(c, () => selection.current)}
          onClose={closePicker}
        />
      )}
    </>
  )
}
