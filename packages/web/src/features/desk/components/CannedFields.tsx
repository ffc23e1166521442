import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { CANNED_LANGS, CANNED_LIMITS, MERGE_FIELDS, type CannedLang, type MergeField } from '../api/canned.ts'
import { insertText, mergeTag } from '../lib/canned-text.ts'

/** A saved reply as the form edits it: every field as typed (an empty shortcut is none). */
export interface CannedDraft {
  lang: CannedLang
  title: string
  shortcut: string
  body: string
}

/**
 * Title, language, shortcut and body of a saved reply, with the merge fields beside the body: a click puts the
 * field in the body at the cursor. Read-only, the same fields are shown and cannot be changed.
 */
export function CannedFields({ draft, onChange, errors, readOnly }: { draft: CannedDraft; onChange: (d: CannedDraft) => void; errors: Record<string, string>; readOnly: boolean }) {
  const { t } = useTranslation('deskCanned')
  const body = useRef<HTMLTextAreaElement>(null)
  const set = <K extends keyof CannedDraft>(k: K, v: CannedDraft[K]) => onChange({ ...draft, [k]: v })

  // After a field is put in, the cursor goes just after it, in the body.
  const caret = useRef<number | null>(null)
  const [inserts, setInserts] = useState(0)
  useEffect(() => {
    const at = caret.current
    const el = body.current
    if (at === null || !el) return
    caret.current = null
    el.focus()
    el.setSelectionRange(at, at)
  }, [inserts])
  const insertField = (f: MergeField) => {
    const el = body.current
    const now = el?.value ?? draft.body
    const next = insertText(now, el?.selectionStart ?? now.length, el?.selectionEnd ?? now.length, mergeTag(f))
    set('body', next.value)
    caret.current = next.caret
    setInserts((n) => n + 1)
  }

  return (
    <>
      <div className="grid-2">
        <Field label={t('fields.title')} error={errors.title}>
          <input type="text" data-field="title" maxLength={CANNED_LIMITS.title} readOnly={readOnly} lang={draft.lang} value={draft.title} onChange={(e) => set('title', e.target.value)} />
        </Field>
        <Field label={t('fields.lang')} error={errors.lang}>
          <select data-field="lang" disabled={readOnly} value={draft.lang} onChange={(e) => set('lang', e.target.value as CannedLang)}>
            {CANNED_LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`langs.${l}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('fields.shortcut')} error={errors.shortcut} hint={t('form.shortcutHint')}>
        <input
          type="text"
          data-field="shortcut"
          maxLength={CANNED_LIMITS.shortcut}
          readOnly={readOnly}
          autoComplete="off"
          spellCheck={false}
          value={draft.shortcut}
          onChange={(e) => set('shortcut', e.target.value)}
        />
      </Field>
      <Field label={t('fields.body')} error={errors.body} hint={t('form.bodyHint')}>
        <textarea ref={body} data-field="body" rows={8} maxLength={CANNED_LIMITS.body} readOnly={readOnly} lang={draft.lang} value={draft.body} onChange={(e) => set('body', e.target.value)} />
      </Field>
      <section id="desk-canned-merge-fields" aria-labelledby="desk-canned-merge-fields-title">
        <h3 id="desk-canned-merge-fields-title">{t('form.mergeFields')}</h3>
        <p className="muted">
          {readOnly ? t('form.mergeFieldsReadOnly') : t('form.mergeFieldsIntro')} <code>{mergeTag('customer.first_name', t('form.defaultExample'))}</code>
        </p>
        <ul className="keywords" style={{ flexDirection: 'column', alignItems: 'flex-start' }}>
          {MERGE_FIELDS.map((f) => (
            <li key={f} data-merge-field={f}>
              {readOnly ? (
                <>
                  <code>{mergeTag(f)}</code> <span className="muted">{t(`mergeFields.${f}`)}</span>
                </>
              ) : (
                <button type="button" className="btn btn-small btn-ghost" data-insert-field={f} onClick={() => insertField(f)}>
                  <code>{mergeTag(f)}</code> <span className="muted">{t(`mergeFields.${f}`)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
